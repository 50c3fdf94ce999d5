// The JSON API under /api/v1: each domain contributes its router; the OpenAPI document describes them.
import { Router, type RequestHandler } from 'express';
import { helpdeskApiRoutes } from '../helpdesk/api-routes';
import { statsApiRoutes } from '../monitoring/routes';
import { clauseApiRoutes } from '../clauses/api-routes';
import type { AppDeps } from '../deps';
import { UnsupportedMediaType } from '../http/errors';
import { publicOrigin } from '../http/public-url';
import { openApiDocument } from './openapi';
import { tenderApiRoutes } from '../tenders/api-routes';
import { observatoryApiRoutes } from '../observatory/api-routes';
import { marketApiRoutes, oneClickUnsubscribeRoute } from '../market/api-routes';

/**
 * The API reads JSON only: a form-encoded or text body (what a cross-site HTML form can send from a visitor's
 * browser without a CORS preflight) is refused with 415 before any route acts on it.
 */
const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  next(req.is('application/json') === false ? new UnsupportedMediaType() : undefined);
};

export function apiRoutes(deps: AppDeps, ticketLimiter: RequestHandler): Router {
  const router = Router();
  router.use(oneClickUnsubscribeRoute(deps.market));
  router.use(jsonBodiesOnly);
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
  router.use(marketApiRoutes(deps.market));
  return router;
}
