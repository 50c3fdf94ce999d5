// The public agenda: upcoming events (by type), one event with its registration form, the confirmation
// and cancellation links, and the iCalendar feeds (all events, or one type).
import { Router, type Request, type Response } from 'express';
import { NotFound } from '../http/errors';
import { bodyString, errorSummary } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { calendarOf } from './calendar';
import { EVENT_TYPES, type EventType } from './model';
import type { Market } from './service';
import { eventView } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
const isType = (value: unknown): value is EventType =>
  typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);

export function agendaRoutes(market: Market): Router {
  const router = Router();
  const { agenda } = market;

  router.get('/agenda', async (req, res) => {
    const l = lang(res);
    const type = isType(req.query.type) ? req.query.type : undefined;
    const seats = await agenda.seatsTaken();
    res.render('market/agenda', {
      section: 'agenda',
      title: translate(l, 'market.agenda.title'),
      type,
      types: EVENT_TYPES,
      events: (await agenda.upcoming(type)).map((e) => eventView(e, l, seats.get(e.id))),
    });
  });

  const sendCalendar = async (res: Response, type?: EventType) => {
    const l = lang(res);
    const name = type
      ? `${translate(l, 'market.agenda.title')}: ${translate(l, `market.event_types.${type}`)}`
      : translate(l, 'market.agenda.title');
    res.type('text/calendar; charset=utf-8');
    res.send(calendarOf(await agenda.upcoming(type), l, { name, baseUrl: market.baseUrl() }));
  };
  router.get('/agenda/calendar.ics', (_req, res) => sendCalendar(res));
  router.get('/agenda/calendar/:type', async (req, res) => {
    const type = String(req.params.type).replace(/\.ics$/, '');
    if (!isType(type)) throw new NotFound();
    await sendCalendar(res, type);
  });

  const renderEvent = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string> = {},
    errors: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFound();
    const event = await agenda.event(id);
    const view = eventView(event, l, (await agenda.seatsTaken()).get(id));
    res.status(status).render('market/event', {
      section: 'agenda',
      title: view.title,
      event: view,
      values,
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/agenda/:id', (req, res) => renderEvent(req, res, 200));

  router.post('/agenda/:id/register', async (req, res) => {
    const l = lang(res);
    const values = {
      name: bodyString(req, 'name', 200),
      email: bodyString(req, 'email', 254),
      organisation: bodyString(req, 'organisation', 200),
    };
    await orRerender(
      l,
      async () => {
        await agenda.register(Number(req.params.id), agenda.parseRegistration({ ...values, lang: l }));
        res.render('market/check-mail', { section: 'agenda', title: translate(l, 'market.check_mail.title') });
      },
      (errors) => renderEvent(req, res, 422, values, errors),
    );
  });

  router.get('/agenda/registration/confirm/:token', async (req, res) => {
    const l = lang(res);
    const registration = await agenda.confirmRegistration(String(req.params.token));
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.render('market/done', {
      section: 'agenda',
      title: translate(l, 'market.registration.confirmed_title'),
      message: translate(l, `market.registration.${registration.status}`),
    });
  });

  router.get('/agenda/registration/cancel/:token', async (req, res) => {
    const l = lang(res);
    const { registration, event } = await agenda.byCancelToken(String(req.params.token));
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.render('market/cancel', {
      section: 'agenda',
      title: translate(l, 'market.registration.cancel_title'),
      event: eventView(event, l),
      cancelled: registration.status === 'cancelled',
      token: String(req.params.token),
      csrfToken: csrfToken(req),
    });
  });

  router.post('/agenda/registration/cancel/:token', async (req, res) => {
    const l = lang(res);
    await agenda.cancel(String(req.params.token));
    res.render('market/done', {
      section: 'agenda',
      title: translate(l, 'market.registration.cancel_title'),
      message: translate(l, 'market.registration.cancelled'),
    });
  });

  return router;
}
