// JSON API of the helpdesk: new tickets for integrations (no session) and suggestions while typing.
import { Router, type RequestHandler } from 'express';
import { parseLang } from '../i18n/languages';
import type { SearchService } from '../search/service';
import { suggestionsFor } from './public-routes';
import type { TicketIntake } from './intake';

export function helpdeskApiRoutes(tickets: TicketIntake, search: SearchService, ticketLimiter: RequestHandler): Router {
  const router = Router();

  router.post('/tickets', ticketLimiter, async (req, res) => {
    const { ticket, token } = await tickets.create(tickets.parseNew(req.body ?? {}));
    res
      .status(201)
      .location(`/api/v1/tickets/${ticket.reference}`)
      .json({ reference: ticket.reference, trackingUrl: tickets.trackingUrl(ticket.lang, token) });
  });

  router.get('/suggestions', (req, res) => {
    const lang = parseLang(req.query.lang);
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json(suggestionsFor(search, q, lang));
  });

  return router;
}
