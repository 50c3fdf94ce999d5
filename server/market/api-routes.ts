// The market's public JSON reads (/api/v1/announcements, /events, /centrals) and the one-click unsubscribe
// that mail clients POST to (RFC 8058: no cookies, no CSRF token; the link's secret is the authority).
import { Router } from 'express';
import { parseLang, pick } from '../i18n/languages';
import { publicAnnouncement } from './announcements';
import { EVENT_TYPES, QUARTER_PATTERN, type EventType } from './model';
import type { Market } from './service';

const text = (value: unknown, max = 40) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function marketApiRoutes(market: Market): Router {
  const router = Router();

  router.get('/announcements', async (req, res) => {
    const lang = parseLang(req.query.lang);
    const quarter = text(req.query.quarter);
    const found = await market.announcements.search({
      category: text(req.query.category) || undefined,
      cpv: text(req.query.cpv, 8).replace(/\D/g, '') || undefined,
      quarter: QUARTER_PATTERN.test(quarter) ? quarter : undefined,
    });
    res.json({ announcements: found.map((a) => publicAnnouncement(a, lang)) });
  });

  router.get('/events', async (req, res) => {
    const type = EVENT_TYPES.includes(req.query.type as EventType) ? (req.query.type as EventType) : undefined;
    const seats = await market.agenda.seatsTaken();
    const events = await market.agenda.upcoming(type);
    res.json({
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        title: e.title,
        description: e.description,
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        place: e.place,
        onlineUrl: e.onlineUrl,
        language: e.language,
        category: e.category,
        capacity: e.capacity,
        seatsLeft: Math.max(0, e.capacity - (seats.get(e.id)?.registered ?? 0)),
      })),
    });
  });

  router.get('/centrals', async (req, res) => {
    const lang = parseLang(req.query.lang);
    res.json({
      centrals: (await market.centrals.centrals()).map((c) => ({
        id: c.id,
        name: pick(c.name, lang),
        level: c.level,
        website: c.website,
        contactEmail: c.contactEmail,
        frameworks: c.frameworks.map((f) => ({
          id: f.id,
          category: f.category,
          title: pick(f.title, lang),
          scope: pick(f.scope, lang),
          cpv: f.cpv,
          endsOn: f.endsOn,
          whoMayJoin: pick(f.whoMayJoin, lang),
          contactEmail: f.contactEmail,
          clauseIds: f.clauseIds,
        })),
      })),
    });
  });

  return router;
}

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` form-encoded, without cookies.
 * It is mounted before the API's JSON-only rule: the secret token in the path is the only authority it needs,
 * so a cross-site form could do no more than the link's holder can.
 */
export function oneClickUnsubscribeRoute(market: Market): Router {
  const router = Router();
  router.post('/market/unsubscribe/:token', async (req, res) => {
    await market.subscriptions.unsubscribe(String(req.params.token));
    res.status(204).end();
  });
  return router;
}
