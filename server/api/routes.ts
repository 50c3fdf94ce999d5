// The JSON API under /api/v1: each domain contributes its router; the OpenAPI document describes them.
import { Router, type RequestHandler } from 'express';
import { helpdeskApiRoutes } from '../helpdesk/api-routes';
import { statsApiRoutes } from '../monitoring/routes';
import { clauseApiRoutes } from '../clauses/api-routes';
import type { AppDeps } from '../deps';
import { publicOrigin } from '../http/public-url';
import { openApiDocument } from './openapi';
import { tenderApiRoutes } from '../tenders/api-routes';
import { observatoryApiRoutes } from '../observatory/api-routes';

export function apiRoutes(deps: AppDeps, ticketLimiter: RequestHandler): Router {
  const router = Router();
  router.get('/openapi.json', (req, res) => {
    res.json(openApiDocument(publicOrigin(req, deps.config)));
  });
  router.use(tenderApiRoutes(deps.tenders));
  router.use(helpdeskApiRoutes(deps.intake, deps.search, ticketLimiter));
  router.use(
    statsApiRoutes({
      stats: deps.stats,
      organisations: deps.organisations,
      clauseRepo: deps.clauseRepo,
      clock: deps.clock,
    }),
  );
  router.use(observatoryApiRoutes(deps.observatory));
  router.use(
    clauseApiRoutes({
      clauses: deps.clauses,
      repo: deps.clauseRepo,
      search: deps.search,
      organisations: deps.organisations,
    }),
  );
  return router;
}
