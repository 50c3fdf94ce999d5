// The public market pages: planned procurements (list, search, one announcement), the announce form with
// its confirmation and change links, and an Atom feed per category.
import { Router, type Request, type Response } from 'express';
import type { ClauseRepository } from '../clauses/repository';
import { THEMES } from '../clauses/vocabulary';
import { NotFound } from '../http/errors';
import { errorSummary } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, suffixedNames, toSuffixed, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { atomFeed } from './feeds';
import { QUARTER_PATTERN, VALUE_RANGES } from './model';
import type { Market } from './service';
import { announcementView, categoryOptions } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
const query = (req: Request, name: string, max = 40) =>
  typeof req.query[name] === 'string' ? (req.query[name] as string).trim().slice(0, max) : '';

const ANNOUNCE_FIELDS = [
  'title',
  'authority',
  'category',
  'cpv',
  'theme',
  'valueRange',
  'quarter',
  'lots',
  'consultationPlanned',
  'consultationDate',
  'consultationPlace',
  'contactEmail',
  'contactPhone',
  ...suffixedNames('description'),
  'submitterEmail',
] as const;

export function formValues(body: unknown): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    ANNOUNCE_FIELDS.map((f) => [f, typeof source[f] === 'string' ? (source[f] as string).slice(0, 6000) : '']),
  );
}

export function marketPublicRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();
  const categoryMap = async () => new Map((await clauseRepo.categories()).map((c) => [c.code, c]));

  router.get('/market', async (req, res) => {
    const l = lang(res);
    const filter = {
      category: query(req, 'category') || undefined,
      cpv: query(req, 'cpv', 8).replace(/\D/g, '') || undefined,
      quarter: QUARTER_PATTERN.test(query(req, 'quarter')) ? query(req, 'quarter') : undefined,
    };
    const [categories, basis, found] = await Promise.all([
      categoryMap(),
      market.clauses.basisClausesByCategory(),
      market.announcements.search(filter),
    ]);
    res.render('market/list', {
      section: 'market',
      title: translate(l, 'market.title'),
      filter,
      announcements: found.map((a) => announcementView(a, l, categories, basis)),
      categories: categoryOptions([...categories.values()], l, filter.category ? [filter.category] : []),
      languages: LANGUAGES,
      subscription: { values: { lang: l }, errors: {} },
      csrfToken: csrfToken(req),
    });
  });

  router.get('/market/feed/:category', async (req, res) => {
    const l = lang(res);
    const code = String(req.params.category).replace(/\.atom$/, '');
    const category = (await categoryMap()).get(code);
    if (!category) throw new NotFound();
    const announcements = await market.announcements.search({ category: code }, 50);
    const events = (await market.agenda.upcoming()).filter((e) => e.category === code);
    res.type('application/atom+xml; charset=utf-8');
    res.send(atomFeed({ lang: l, baseUrl: market.baseUrl(), category, announcements, events }));
  });

  const renderAnnounce = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string> = {},
    action = `/${lang(res)}/market/announce`,
  ) => {
    const l = lang(res);
    res.status(status).render('market/announce', {
      section: 'market',
      title: translate(l, 'market.announce.title'),
      values,
      errors,
      errorSummary: errorSummary(errors),
      action,
      categories: categoryOptions(await clauseRepo.categories(), l, [values.category]),
      themes: THEMES,
      valueRanges: VALUE_RANGES,
      languages: LANGUAGES,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/market/announce', (req, res) => renderAnnounce(req, res, 200, formValues({ lots: '1' })));

  router.post('/market/announce', async (req, res) => {
    const l = lang(res);
    const values = formValues(req.body);
    await orRerender(
      l,
      async () => {
        await market.announcements.announce(await market.announcements.parse({ ...values, lang: l }));
        res.render('market/check-mail', { section: 'market', title: translate(l, 'market.check_mail.title') });
      },
      (errors) => renderAnnounce(req, res, 422, values, errors),
    );
  });

  router.get('/market/announce/confirm/:token', async (req, res) => {
    const l = lang(res);
    await market.announcements.confirm(String(req.params.token));
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.render('market/done', {
      section: 'market',
      title: translate(l, 'market.announce.confirmed_title'),
      message: translate(l, 'market.announce.confirmed'),
    });
  });

  const editAction = (res: Response, token: string) => `/${lang(res)}/market/announce/edit/${token}`;
  router.get('/market/announce/edit/:token', async (req, res) => {
    const token = String(req.params.token);
    const a = await market.announcements.forEditing(token);
    res.setHeader('Referrer-Policy', 'no-referrer');
    await renderAnnounce(
      req,
      res,
      200,
      {
        ...formValues({
          ...a,
          lots: String(a.lots),
          cpv: a.cpv ?? '',
          theme: a.theme ?? '',
          consultationPlanned: a.consultationPlanned ? 'yes' : '',
          consultationDate: a.consultationDate ?? '',
          consultationPlace: a.consultationPlace ?? '',
          contactPhone: a.contactPhone ?? '',
          ...toSuffixed('description', a.description),
          submitterEmail: a.submitterEmail ?? '',
        }),
        reviewReason: a.reviewReason ?? '',
      },
      {},
      editAction(res, token),
    );
  });

  router.post('/market/announce/edit/:token', async (req, res) => {
    const l = lang(res);
    const token = String(req.params.token);
    const current = await market.announcements.forEditing(token);
    const submitted = { ...formValues(req.body), submitterEmail: current.submitterEmail ?? '' };
    const values = { ...submitted, reviewReason: current.reviewReason ?? '' };
    await orRerender(
      l,
      async () => {
        await market.announcements.resubmit(token, await market.announcements.parse({ ...submitted, lang: l }));
        res.render('market/done', {
          section: 'market',
          title: translate(l, 'market.announce.confirmed_title'),
          message: translate(l, 'market.announce.resubmitted'),
        });
      },
      (errors) => renderAnnounce(req, res, 422, values, errors, editAction(res, token)),
    );
  });

  router.get('/market/:id', async (req, res) => {
    const l = lang(res);
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFound();
    const a = await market.announcements.published(id);
    const view = announcementView(a, l, await categoryMap(), await market.clauses.basisClausesByCategory());
    res.render('market/announcement', { section: 'market', title: view.title, announcement: view });
  });

  return router;
}
