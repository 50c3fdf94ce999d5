// Buyers' pages of the clause library: search, clause page, version differences, feedback, categories.
import { Router, type Request, type Response } from 'express';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { NotFound } from '../http/errors';
import { bodyString, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import { otherLang, type Lang } from '../i18n/languages';
import type { UsageRecorder } from '../audit/usage-log';
import { csrfToken } from '../security/csrf';
import { searchParamsFrom } from '../search/params';
import type { SearchService } from '../search/service';
import { clauseBreadcrumb } from './breadcrumb';
import { categoryCards } from './category-cards';
import { diffVersions } from './diff';
import { basisStatus } from './legal-status';
import { versionReasonText } from './version-reason';
import { clauseTextHtml, clauseTextPlain, legalBasisText, paragraphs } from './presenter';
import type { ClauseRepository } from './repository';
import { GUIDANCE_KEYS } from './schema';
import type { ClauseService } from './service';
import { STAGES, LEVELS } from './vocabulary';
import { searchPageModel, type Names } from './view-models';
import { orRerender } from '../http/validation';
import type { FrameworkLookup } from '../market/centrals';

const lang = (res: Response) => res.locals.lang as Lang;

export interface ClauseRouteDeps {
  clauses: ClauseService;
  repo: ClauseRepository;
  search: SearchService;
  organisations: OrganisationRepository;
  usage: UsageRecorder;
  /** Framework contracts of purchasing centrals that cover a category (the market domain's lookup). */
  frameworks?: FrameworkLookup;
}

export async function loadNames(repo: ClauseRepository, organisations: OrganisationRepository): Promise<Names> {
  const [categories, orgs] = await Promise.all([repo.categories(), organisations.list()]);
  return {
    categories: new Map(categories.map((c) => [c.code, c])),
    organisations: new Map(orgs.map((o) => [o.code, o])),
  };
}

export function clauseView(document: import('./schema').ClauseDocument, l: Lang, names: Names) {
  const org = names.organisations.get(document.owner);
  return {
    id: document.id,
    version: document.version,
    title: document.title[l],
    otherTitle: document.title[otherLang(l)],
    otherLang: otherLang(l),
    textHtml: clauseTextHtml(document, l),
    plainText: clauseTextPlain(document, l),
    theme: document.theme,
    stage: document.stage,
    level: document.level,
    awardWeight: document.award_weight,
    owner: org ? organisationName(org, l) : document.owner,
    reviewed: document.reviewed,
    categories: document.categories.map((code) => {
      const category = names.categories.get(code);
      return {
        code,
        name: category?.name[l] ?? code,
        cpv: (category?.cpv ?? []).map((c) => ({ code: c.code, label: c.label[l] })),
      };
    }),
    parameters: document.parameters.map((p) => ({
      name: p.name,
      label: p.label[l],
      type: p.type,
      default: p.default,
      min: p.min,
      max: p.max,
    })),
    proof: paragraphs(document.verification.proof[l]),
    check: paragraphs(document.verification.check[l]),
    moments: document.verification.moments,
    guidance: GUIDANCE_KEYS.map((key) => ({
      key,
      paragraphs: paragraphs(document.guidance[key][l]),
    })),
    legalBasis: document.legal_basis.map((b) => legalBasisText(b, l)),
    related: document.related ?? [],
  };
}

export function clauseRoutes(deps: ClauseRouteDeps): Router {
  const { clauses, repo, search, organisations, usage } = deps;
  const router = Router();

  router.get('/clauses', async (req, res) => {
    const params = { ...searchParamsFrom(req.query as Record<string, unknown>, lang(res)), type: 'clause' as const };
    const outcome = search.search(params);
    const faqs = params.q.trim()
      ? search.search({ ...params, type: 'faq', filters: {}, page: 1, pageSize: 3 }).hits
      : [];
    const names = await loadNames(repo, organisations);
    res.render('clauses/search', {
      section: 'clauses',
      title: params.q
        ? translate(lang(res), 'clauses.search_title_for', { q: params.q.slice(0, 80) })
        : translate(lang(res), 'clauses.search_title'),
      search: searchPageModel(outcome, params, names, `/${lang(res)}/clauses`),
      faqs: faqs.map((h) => ({ id: h.doc.id.replace('FAQ-', ''), question: h.doc.title[lang(res)] })),
      csrfToken: csrfToken(req),
      returnTo: req.originalUrl,
      scripts: ['search.js', 'selection.js'],
    });
  });

  const renderClause = async (
    req: Request,
    res: Response,
    status = 200,
    feedback: { errors?: Record<string, string>; values?: Record<string, string> } = {},
  ) => {
    const { record, version } = await clauses.published(String(req.params.id));
    if (record.id !== req.params.id) return res.redirect(301, `/${lang(res)}/clauses/${record.id}`);
    const names = await loadNames(repo, organisations);
    const history = await clauses.publicHistory(record.id);
    // Recorded before the page is sent, so a view is counted by the time the buyer (or a test) sees it.
    if (status === 200)
      await usage.record({ kind: 'clause_viewed', clauseId: record.id, theme: record.theme, level: record.level });
    res.status(status).render('clauses/clause', {
      section: 'clauses',
      title: version.document.title[lang(res)],
      clause: clauseView(version.document, lang(res), names),
      breadcrumb: clauseBreadcrumb(req.query as Record<string, unknown>, record.id, lang(res), names),
      basisStatus: basisStatus(version.document, lang(res)),
      annexes: await clauses.annexes(version.document.annexes ?? [], lang(res)),
      related: await clauses.publishedTitles(version.document.related ?? [], lang(res)),
      history: history.map((v, i) => ({
        version: v.version,
        publishedAt: v.publishedAt,
        reason: versionReasonText(v.reason, lang(res)),
        previous: history[i + 1]?.version,
      })),
      feedback,
      csrfToken: csrfToken(req),
      returnTo: req.originalUrl,
      scripts: ['clause.js', 'selection.js'],
    });
  };

  router.get('/clauses/:id', (req, res) => renderClause(req, res));

  router.get('/clauses/:id/diff', async (req, res) => {
    const { record } = await clauses.published(String(req.params.id));
    const history = await clauses.publicHistory(record.id);
    const to = Number(req.query.to ?? record.publishedVersion);
    const from = Number(req.query.from ?? history.find((v) => v.version < to)?.version);
    const target = history.find((v) => v.version === to);
    const base = history.find((v) => v.version === from);
    if (!target || !base || from >= to) throw new NotFound('clauses.diff_unavailable');
    const l = lang(res);
    res.render('clauses/diff', {
      section: 'clauses',
      title: translate(l, 'clauses.diff_title', { id: record.id, from, to }),
      clauseId: record.id,
      clauseTitle: target.document.title[l],
      from,
      to,
      reason: versionReasonText(target.reason, l),
      sections: diffVersions(base.document, target.document, l, {
        added: translate(l, 'clauses.added'),
        removed: translate(l, 'clauses.removed'),
      }),
    });
  });

  router.post('/clauses/:id/feedback', async (req, res) => {
    const values = { kind: bodyString(req, 'kind', 20), comment: bodyString(req, 'comment', 5000) };
    await orRerender(
      lang(res),
      async () => {
        await clauses.addFeedback(String(req.params.id), values.kind, values.comment, lang(res));
        setFlash(req, 'ok', 'clauses.feedback.thanks');
        res.redirect(303, `/${lang(res)}/clauses/${req.params.id}#feedback`);
      },
      async (errors) => {
        await renderClause(req, res, 422, { errors: errors, values });
      },
    );
  });

  router.get('/categories', async (_req, res) => {
    const categories = await repo.categoriesWithCounts();
    res.render('clauses/categories', {
      section: 'categories',
      title: translate(lang(res), 'categories.title'),
      categories: categoryCards(categories, lang(res)),
      showCpv: true,
    });
  });

  router.get('/categories/:code', async (req, res) => {
    const l = lang(res);
    const names = await loadNames(repo, organisations);
    const category = names.categories.get(String(req.params.code));
    if (!category) throw new NotFound();
    const outcome = search.search({
      q: '',
      lang: l,
      filters: { category: [category.code] },
      type: 'clause',
      page: 1,
      pageSize: 1000,
    });
    const stages = STAGES.map((stage) => ({
      stage,
      levels: LEVELS.map((level) => ({
        level,
        clauses: outcome.hits
          .filter(({ doc }) => doc.stage === stage && doc.level === level)
          .map(({ doc }) => ({
            id: doc.id,
            title: doc.title[l],
            theme: doc.theme,
            href: `/${l}/clauses/${doc.id}?category=${category.code}&from=category`,
          })),
      })).filter((g) => g.clauses.length > 0),
    })).filter((s) => s.levels.length > 0);
    res.render('clauses/category', {
      section: 'categories',
      title: category.name[l],
      category: {
        code: category.code,
        name: category.name[l],
        intro: paragraphs(category.intro[l]),
        cpv: category.cpv.map((c) => ({ code: c.code, label: c.label[l] })),
      },
      stages,
      total: outcome.total,
      frameworks: deps.frameworks ? await deps.frameworks(category.code, l) : [],
      csrfToken: csrfToken(req),
      returnTo: req.originalUrl,
      scripts: ['selection.js'],
    });
  });

  return router;
}
