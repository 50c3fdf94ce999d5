// Purchasing centrals: the public list of centrals and their frameworks, and the coordinators' maintenance.
import { Router, type Response } from 'express';
import { requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import { NotFound } from '../http/errors';
import { errorSummary, setFlash } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, pick, suffixedNames, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { CENTRAL_LEVELS } from './model';
import type { Market } from './service';
import { categoryOptions } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
/** The framework form's fields (their labels are market.centrals.fields.<field>). */
const FRAMEWORK_FIELDS = [
  ...suffixedNames('title', 'scope'),
  'cpv',
  'ends_on',
  ...suffixedNames('who_may_join'),
  'contact_email',
  'clause_ids',
  ...suffixedNames('sustainability'),
];
const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>)
      .filter(([k, v]) => k !== '_csrf' && typeof v === 'string')
      .map(([k, v]) => [k, String(v).slice(0, 6000)]),
  );

export function centralsRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();
  const { centrals } = market;

  const listView = async (l: Lang) => {
    const categories = new Map((await clauseRepo.categories()).map((c) => [c.code, c]));
    return (await centrals.centrals()).map((c) => ({
      ...c,
      name: pick(c.name, l),
      frameworks: c.frameworks.map((f) => ({
        ...f,
        title: pick(f.title, l),
        scope: pick(f.scope, l),
        whoMayJoin: pick(f.whoMayJoin, l),
        sustainability: pick(f.sustainability, l),
        categoryName: categories.get(f.category) ? pick(categories.get(f.category)!.name, l) : f.category,
      })),
    }));
  };

  router.get('/centrals', async (_req, res) => {
    const l = lang(res);
    res.render('market/centrals', {
      section: 'market',
      title: translate(l, 'market.centrals.title'),
      centrals: await listView(l),
    });
  });

  router.use('/staff/centrals', ...requireRole('coordinator'));

  const renderStaff = async (
    req: Parameters<Parameters<typeof router.get>[1]>[0],
    res: Response,
    status: number,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
  ) => {
    const l = lang(res);
    res.status(status).render('market/staff-centrals', {
      section: 'staff',
      title: translate(l, 'market.centrals.staff_title'),
      centrals: await listView(l),
      levels: CENTRAL_LEVELS,
      frameworkFields: FRAMEWORK_FIELDS,
      languages: LANGUAGES,
      categories: categoryOptions(await clauseRepo.categories(), l, [values.category ?? '']),
      values,
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/centrals', (req, res) => renderStaff(req, res, 200));

  router.post('/staff/centrals', async (req, res) => {
    const l = lang(res);
    const values = strings(req.body);
    await orRerender(
      l,
      async () => {
        await centrals.saveCentral(values);
        setFlash(req, 'ok', 'market.centrals.saved');
        res.redirect(303, `/${l}/staff/centrals`);
      },
      (errors) => renderStaff(req, res, 422, errors, values),
    );
  });

  router.post('/staff/centrals/:id/frameworks', async (req, res) => {
    const l = lang(res);
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFound();
    const { centralId: _c, ...values } = strings(req.body);
    await orRerender(
      l,
      async () => {
        await centrals.addFramework(id, values, (clauseId) =>
          market.clauses.published(clauseId).then(
            () => true,
            () => false,
          ),
        );
        setFlash(req, 'ok', 'market.centrals.saved');
        res.redirect(303, `/${l}/staff/centrals`);
      },
      (errors) => renderStaff(req, res, 422, errors, { ...values, centralId: String(id) }),
    );
  });

  router.post('/staff/centrals/frameworks/:id/delete', async (req, res) => {
    await centrals.removeFramework(Number(req.params.id));
    setFlash(req, 'ok', 'market.centrals.removed');
    res.redirect(303, `/${lang(res)}/staff/centrals`);
  });

  return router;
}
