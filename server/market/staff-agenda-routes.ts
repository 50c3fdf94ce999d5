// Facilitators create and edit the events of their organisation (coordinators: every event), see who
// registered and download the list as CSV.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import { NotFound } from '../http/errors';
import { errorSummary, setFlash } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { LANGUAGES, suffixedNames, toSuffixed, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { eventFormValues } from './event-form';
import { EVENT_LANGUAGE_MULTI, EVENT_TYPES } from './model';
import type { Market } from './service';
import { categoryOptions, eventView } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
const FIELDS = [
  'type',
  ...suffixedNames('title', 'description'),
  'date',
  'startTime',
  'endTime',
  'place',
  'onlineUrl',
  'language',
  'category',
  'announcementId',
  'capacity',
];
const valuesOf = (body: unknown): Record<string, string> => {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    FIELDS.map((f) => [f, typeof source[f] === 'string' ? String(source[f]).slice(0, 6000) : '']),
  );
};
const eventId = (req: Request) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) throw new NotFound();
  return id;
};

export function agendaStaffRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();
  const { agenda } = market;
  router.use('/staff/agenda', ...requireRole('facilitator', 'coordinator'));

  router.get('/staff/agenda', async (req, res) => {
    const l = lang(res);
    const seats = await agenda.seatsTaken();
    res.render('market/staff-agenda', {
      section: 'staff',
      title: translate(l, 'market.staff_agenda.title'),
      events: (await agenda.forStaff(req.currentUser!)).map((e) => eventView(e, l, seats.get(e.id))),
    });
  });

  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string>,
    action: string,
  ) => {
    const l = lang(res);
    res.status(status).render('market/staff-event-form', {
      section: 'staff',
      title: translate(l, 'market.staff_agenda.form_title'),
      values,
      errors,
      errorSummary: errorSummary(errors),
      action,
      types: EVENT_TYPES,
      languages: LANGUAGES,
      eventLanguages: [...LANGUAGES, EVENT_LANGUAGE_MULTI],
      categories: categoryOptions(await clauseRepo.categories(), l, [values.category]),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/agenda/new', (req, res) =>
    renderForm(
      req,
      res,
      200,
      { ...valuesOf({}), capacity: '30', language: lang(res) },
      {},
      `/${lang(res)}/staff/agenda/new`,
    ),
  );

  router.post('/staff/agenda/new', async (req, res) => {
    const l = lang(res);
    const values = valuesOf(req.body);
    await orRerender(
      l,
      async () => {
        await agenda.create(req.currentUser!, await agenda.parseEvent(values));
        setFlash(req, 'ok', 'market.staff_agenda.saved');
        res.redirect(303, `/${l}/staff/agenda`);
      },
      (errors) => renderForm(req, res, 422, values, errors, `/${l}/staff/agenda/new`),
    );
  });

  router.get('/staff/agenda/:id/edit', async (req, res) => {
    const event = await agenda.managed(req.currentUser!, eventId(req));
    const values: Record<string, string> = {
      type: event.type,
      ...toSuffixed('title', event.title),
      ...toSuffixed('description', event.description),
      place: event.place ?? '',
      onlineUrl: event.onlineUrl ?? '',
      language: event.language,
      category: event.category ?? '',
      announcementId: event.announcementId ? String(event.announcementId) : '',
      capacity: String(event.capacity),
      ...eventFormValues(event),
    };
    await renderForm(req, res, 200, values, {}, `/${lang(res)}/staff/agenda/${event.id}/edit`);
  });

  router.post('/staff/agenda/:id/edit', async (req, res) => {
    const l = lang(res);
    const id = eventId(req);
    const values = valuesOf(req.body);
    await orRerender(
      l,
      async () => {
        await agenda.update(req.currentUser!, id, await agenda.parseEvent(values));
        setFlash(req, 'ok', 'market.staff_agenda.saved');
        res.redirect(303, `/${l}/staff/agenda`);
      },
      (errors) => renderForm(req, res, 422, values, errors, `/${l}/staff/agenda/${id}/edit`),
    );
  });

  router.get('/staff/agenda/:id/registrations', async (req, res) => {
    const l = lang(res);
    const { event, registrations } = await agenda.registrations(req.currentUser!, eventId(req));
    res.render('market/staff-registrations', {
      section: 'staff',
      title: translate(l, 'market.staff_agenda.registrations'),
      event: eventView(event, l),
      registrations,
    });
  });

  router.get('/staff/agenda/:id/registrations.csv', async (req, res) => {
    const csv = await agenda.csv(req.currentUser!, eventId(req));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`registrations-${eventId(req)}.csv`)
      .send(csv);
  });

  return router;
}
