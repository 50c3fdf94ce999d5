// The buyer's tender pages: start from a category or the gathered clauses, fill the form, see the checks,
// download the .docx; and the action plan. No account needed; the selection lives in the session.
import { Router, type Request, type Response } from 'express';
import type { OrganisationRepository } from '../accounts/organisations';
import type { ClauseRepository } from '../clauses/repository';
import type { ClauseService } from '../clauses/service';
import { LEVELS, STAGES } from '../clauses/vocabulary';
import { bodyList, bodyString, setFlash } from '../http/forms';
import { labelledErrors, labelledErrorSummary, parameterFieldValue } from './form-view';
import { reviewView } from './review-view';
import { translate } from '../i18n/catalog';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { SearchService } from '../search/service';
import { sendDocx } from './api-routes';
import { emptyForm, formFromBody, requestFromForm, shareLink, type TenderFormValues } from './form';
import { CONTRACT_TYPES, MAX_CLAUSES, PROCEDURES } from './model';
import { inferContractType } from './plan';
import { replaceSelection, removeFromSelection, selection } from './selection';
import type { TenderService } from './service';
import { orRerender } from '../http/validation';
import type { FrameworkLookup } from '../market/centrals';

const lang = (res: Response) => res.locals.lang as Lang;

export interface TenderRouteDeps {
  tenders: TenderService;
  clauses: ClauseService;
  repo: ClauseRepository;
  search: SearchService;
  organisations: OrganisationRepository;
  /** Framework contracts of purchasing centrals that cover a category (the market domain's lookup). */
  frameworks?: FrameworkLookup;
}

const LEVEL_RANK: Record<string, number> = { basis: 0, advanced: 1, ambitious: 2 };

export function tenderRoutes({ tenders, clauses, repo, search, frameworks }: TenderRouteDeps): Router {
  const router = Router();

  const selectedDocuments = async (req: Request) => {
    const out = [];
    for (const item of selection(req)) {
      try {
        const { version } = await clauses.published(item.id);
        out.push({ ...item, current: version.document, publishedAt: version.publishedAt });
      } catch {
        removeFromSelection(req, item.id);
      }
    }
    return out;
  };

  router.get('/tender', async (req, res) => {
    const l = lang(res);
    const items = await selectedDocuments(req);
    const categories = await repo.categories();
    const form = req.session.tenderForm;
    res.render('tenders/start', {
      section: 'tender',
      title: translate(l, 'tender.title'),
      items: items.map((i) => ({
        id: i.id,
        title: i.current.title[l],
        stage: i.current.stage,
        revised: i.version < i.current.version,
      })),
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      levels: LEVELS,
      shareLink:
        items.length > 0
          ? shareLink(l, selection(req), {
              category: form?.category,
              level: form?.level,
              keepVersions: form?.keepVersions,
            })
          : undefined,
      csrfToken: csrfToken(req),
    });
  });

  router.get('/tender/new', async (req, res) => {
    const l = lang(res);
    const categories = await repo.categories();
    const category = categories.find((c) => c.code === req.query.category);
    if (!category) {
      setFlash(req, 'warn', 'tender.choose_category');
      return res.redirect(303, `/${l}/tender`);
    }
    const level = typeof req.query.level === 'string' && req.query.level in LEVEL_RANK ? req.query.level : 'basis';
    const outcome = search.search({
      q: '',
      lang: l,
      filters: { category: [category.code] },
      type: 'clause',
      page: 1,
      pageSize: 1000,
    });
    const groups = STAGES.map((stage) => ({
      stage,
      clauses: outcome.hits
        .filter((h) => h.doc.stage === stage)
        .map((h) => ({
          id: h.doc.id,
          title: h.doc.title[l],
          level: h.doc.level,
          theme: h.doc.theme,
          checked: LEVEL_RANK[h.doc.level ?? 'ambitious'] <= LEVEL_RANK[level],
        })),
    })).filter((g) => g.clauses.length > 0);
    res.render('tenders/choose', {
      section: 'tender',
      title: category.name[l],
      category: { code: category.code, name: category.name[l] },
      frameworks: frameworks ? await frameworks(category.code, l) : [],
      level,
      levels: LEVELS,
      groups,
      csrfToken: csrfToken(req),
    });
  });

  router.post('/tender/selection/set', async (req, res) => {
    const l = lang(res);
    const ids = bodyList(req, 'clauses')
      .map((id) => id.toUpperCase())
      .slice(0, MAX_CLAUSES);
    const chosen: { id: string; version: number }[] = [];
    for (const id of ids) {
      try {
        const { record } = await clauses.publishedOrReplacement(id);
        if (!chosen.some((c) => c.id === record.id)) chosen.push({ id: record.id, version: record.publishedVersion! });
      } catch {
        // A clause retired meanwhile is simply left out.
      }
    }
    if (chosen.length === 0) {
      setFlash(req, 'error', 'tender.errors.none_selected');
      return res.redirect(303, `/${l}/tender`);
    }
    replaceSelection(req, chosen);
    req.session.tenderForm = {
      ...(req.session.tenderForm ?? emptyForm(l)),
      category: bodyString(req, 'category', 40),
      level: bodyString(req, 'level', 20),
    };
    res.redirect(303, `/${l}/tender/form`);
  });

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    form: TenderFormValues,
    typedErrors: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const items = await selectedDocuments(req);
    const documents = items.map((i) => i.current);
    const errors = labelledErrors(l, typedErrors, documents);
    const awards = documents.filter((d) => d.stage === 'award');
    const suggestedTotal = awards.reduce((s, d) => s + (d.award_weight ?? 0), 0);
    const categories = await repo.categories();
    res.status(status).render('tenders/form', {
      section: 'tender',
      title: translate(l, 'tender.form_title'),
      scripts: ['tender-weights.js'],
      form,
      errors,
      errorSummary: labelledErrorSummary(errors),
      procedures: PROCEDURES,
      contractTypes: CONTRACT_TYPES,
      inferredType: inferContractType({ category: form.category || undefined }, documents),
      frameworks: form.category && frameworks ? await frameworks(form.category, l) : [],
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      levels: LEVELS,
      priceWeight: form.weights.price ?? String(Math.max(0, 100 - suggestedTotal)),
      items: items.map((i) => ({
        id: i.id,
        title: i.current.title[l],
        stage: i.current.stage,
        revised: i.version < i.current.version,
        // Revised since chosen: keep the chosen version, or take the newer one (the default).
        versionChoice:
          i.version > 0 && i.version < i.current.version
            ? {
                chosen: i.version,
                latest: i.current.version,
                publishedOn: i.publishedAt ? formatDate(l, i.publishedAt) : '',
                kept: (form.keepVersions ?? []).includes(i.id),
              }
            : undefined,
        award:
          i.current.stage === 'award'
            ? { weight: form.weights[i.id] ?? String(i.current.award_weight ?? 0), error: errors[`weights.${i.id}`] }
            : undefined,
        parameters: i.current.parameters.map((p) => ({
          name: p.name,
          label: p.label[l],
          type: p.type,
          value: parameterFieldValue(l, form, i.current, p),
          numeric: p.type !== 'text',
          error: errors[`parameters.${i.id}.${p.name}`],
        })),
      })),
      shareLink:
        items.length > 0
          ? shareLink(l, selection(req), {
              category: form.category,
              level: form.level,
              keepVersions: form.keepVersions,
            })
          : undefined,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/tender/form', async (req, res) => {
    await renderForm(req, res, 200, req.session.tenderForm ?? emptyForm(lang(res)));
  });

  router.post('/tender/form', async (req, res) => {
    const l = lang(res);
    const form = formFromBody(req, l);
    req.session.tenderForm = form;
    const remove = bodyString(req, 'remove_clause', 30);
    if (remove) {
      removeFromSelection(req, remove);
      return renderForm(req, res, 200, form);
    }
    await orRerender(
      l,
      async () => {
        // Every field, parameter and weight is checked in one pass: the form shows all problems together.
        await tenders.planInput(requestFromForm(form, selection(req)));
        res.redirect(303, `/${l}/tender/review`);
      },
      async (errors) => {
        await renderForm(req, res, 422, form, errors);
      },
    );
  });

  router.get('/tender/review', async (req, res) => {
    const l = lang(res);
    const form = req.session.tenderForm;
    if (!form || selection(req).length === 0) return res.redirect(303, `/${l}/tender`);
    await orRerender(
      l,
      async () => {
        const plan = await tenders.planInput(requestFromForm(form, selection(req)));
        res.render('tenders/review', { ...reviewView(plan, form, l), csrfToken: csrfToken(req) });
      },
      async (errors) => {
        await renderForm(req, res, 422, form, errors);
      },
    );
  });

  router.post('/tender/download', async (req, res) => {
    const l = lang(res);
    const form = req.session.tenderForm;
    if (!form || selection(req).length === 0) return res.redirect(303, `/${l}/tender`);
    await orRerender(
      l,
      async () => {
        const format = bodyString(req, 'format', 10) === 'zip' ? 'zip' : 'docx';
        const plan = await tenders.planInput(requestFromForm(form, selection(req)));
        sendDocx(res, await tenders.generateTender(plan, format));
      },
      async (errors) => {
        await renderForm(req, res, 422, form, errors);
      },
    );
  });

  return router;
}
