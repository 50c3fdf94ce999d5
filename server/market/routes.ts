// Every page of the market engagement pool, in the order the router must see them.
import { Router } from 'express';
import type { ClauseRepository } from '../clauses/repository';
import { agendaRoutes } from './agenda-routes';
import { centralsRoutes } from './centrals-routes';
import { marketPublicRoutes } from './public-routes';
import type { Market } from './service';
import { agendaStaffRoutes } from './staff-agenda-routes';
import { marketStaffRoutes } from './staff-routes';
import { marketSubscriptionRoutes } from './subscription-routes';

/** The public forms' per-IP limit (each sends a confirmation e-mail) is mounted in security/limits.ts. */
export function marketRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();
  router.use(marketSubscriptionRoutes(market, clauseRepo));
  router.use(marketPublicRoutes(market, clauseRepo));
  router.use(agendaRoutes(market));
  router.use(marketStaffRoutes(market, clauseRepo));
  router.use(agendaStaffRoutes(market, clauseRepo));
  router.use(centralsRoutes(market, clauseRepo));
  return router;
}
