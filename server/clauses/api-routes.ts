// JSON API of the clause library (documented in /api/v1/openapi.json).
import { Router } from 'express';
import type { OrganisationRepository } from '../accounts/organisations';
import { refuseControlCharacters } from '../http/control-characters';
import { NotFound } from '../http/errors';
import { parseLang, type Lang } from '../i18n/languages';
import { searchParamsFrom } from '../search/params';
import type { SearchService } from '../search/service';
import type { ClauseRepository } from './repository';
import type { ClauseService } from './service';
import { resultsForApi } from './view-models';

/** GET /clauses, the search: public, read-only and acting on no cookie, so the app mounts it ahead of the
 * session and CSRF middleware (which would otherwise make a session object for every search). */
export function clauseSearchApiRoutes(search: SearchService): Router {
  const router = Router();
  // Ahead of the app's edge checks, so it applies the control-character one itself.
  router.get('/clauses', refuseControlCharacters, (req, res) => {
    const lang: Lang = parseLang(req.query.lang);
    const params = searchParamsFrom(req.query as Record<string, unknown>, lang);
    res.json(resultsForApi(search.search({ ...params, type: 'clause' }), params));
  });
  return router;
}

export function clauseApiRoutes(deps: {
  clauses: ClauseService;
  repo: ClauseRepository;
  search: SearchService;
  organisations: OrganisationRepository;
}): Router {
  const router = Router();

  router.get('/clauses/:id', async (req, res) => {
    const { record, version } = await deps.clauses.published(String(req.params.id));
    const { status: _status, ...document } = version.document;
    res.json({ ...document, status: record.status, publishedAt: version.publishedAt, owner: record.owner });
  });

  router.get('/categories', async (_req, res) => {
    const categories = await deps.repo.categoriesWithCounts();
    res.json({
      categories: categories.map((c) => ({
        code: c.code,
        name: c.name,
        cpv: c.cpv.map((x) => ({ code: x.code, label: x.label })),
        clauseCount: c.clauseCount,
      })),
    });
  });

  router.get('/categories/:code', async (req, res) => {
    const category = (await deps.repo.categoriesWithCounts()).find((c) => c.code === req.params.code);
    if (!category) throw new NotFound();
    res.json({
      code: category.code,
      name: category.name,
      intro: category.intro,
      cpv: category.cpv,
      clauseCount: category.clauseCount,
    });
  });

  return router;
}
