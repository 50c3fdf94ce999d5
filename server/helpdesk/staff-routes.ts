// Facilitators' helpdesk console: their organisation's queue (coordinators: all queues), the ticket page
// with public replies and internal notes kept apart, assignment, status, transfer, obstacles, clause links, FAQ.
import { Router, type Request, type Response } from 'express';
import type { AccountRepository } from '../accounts/repository';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { hasRole, requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import type { Clock } from '../db/time';
import { bodyList, bodyString, errorSummary, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { CannedAnswers } from './canned';
import { FAQ_FIELDS, type FaqService } from './faq';
import { isBreached, type Ticket } from './model';
import type { HelpdeskRepository } from './repository';
import type { TicketService } from './tickets';
import { keepDrafts, postedDrafts, takeDrafts, type Drafts } from './drafts';
import { canHandle, canPublishFaq } from './permissions';
import { OBSTACLES, POSTED_TEXT_CAP, STATUS_MOVES, TEXT_LIMITS, TICKET_STATUSES } from './vocabulary';
import { orRerender } from '../http/validation';

const lang = (res: Response) => res.locals.lang as Lang;
const PAGE_SIZE = 50;

export interface HelpdeskStaffDeps {
  tickets: TicketService;
  repo: HelpdeskRepository;
  faq: FaqService;
  accounts: AccountRepository;
  organisations: OrganisationRepository;
  clauseRepo: ClauseRepository;
  canned: CannedAnswers;
  clock: Clock;
}

/** The end of the current day in Brussels (for the "due today" filter). */
function endOfBrusselsDay(now: Date): Date {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const elapsed = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000;
  return new Date(now.getTime() - elapsed + 24 * 3600_000 - 1);
}

export function helpdeskStaffRoutes(deps: HelpdeskStaffDeps): Router {
  const router = Router();
  router.use('/staff/tickets', ...requireRole('facilitator', 'coordinator'));

  const orgName = async (code: string, l: Lang) => {
    const org = await deps.organisations.find(code);
    return org ? organisationName(org, l) : code;
  };

  router.get('/staff/tickets', async (req, res) => {
    const l = lang(res);
    const user = req.currentUser!;
    const isCoordinator = hasRole(user, 'coordinator');
    const q = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]).slice(0, 200) : '');
    const now = deps.clock.now();
    const page = Math.max(1, Number.parseInt(q('page'), 10) || 1);
    const filters = {
      status: q('status') || 'active',
      priority: q('priority'),
      due: q('due'),
      assignee: q('assignee'),
      category: q('category'),
      q: q('q'),
      org: isCoordinator ? q('org') : (user.orgCode ?? ''),
    };
    const { tickets, total } = await deps.repo.queue({
      orgCode: isCoordinator ? filters.org || undefined : (user.orgCode ?? '__none__'),
      status: filters.status === 'all' ? undefined : filters.status,
      priority: filters.priority === 'pilot' || filters.priority === 'normal' ? filters.priority : undefined,
      due: filters.due === 'overdue' || filters.due === 'today' ? filters.due : undefined,
      assignee: filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : undefined,
      category: filters.category || undefined,
      q: filters.q || undefined,
      userId: user.id,
      now,
      endOfToday: endOfBrusselsDay(now),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const users = new Map((await deps.accounts.list()).map((u) => [u.id, u.name]));
    const orgs = await deps.organisations.list();
    const categories = await deps.clauseRepo.categories();
    res.render('helpdesk/queue', {
      section: 'staff',
      title: translate(l, 'staff.tickets'),
      isCoordinator,
      filters,
      statuses: TICKET_STATUSES,
      orgs: orgs.map((o) => ({ code: o.code, name: organisationName(o, l) })),
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      total,
      tickets: tickets.map((t) => ({
        ...t,
        breached: isBreached(t, now),
        assignee: t.assigneeUserId ? users.get(t.assigneeUserId) : undefined,
        orgName: ((o) => (o ? organisationName(o, l) : undefined))(orgs.find((o) => o.code === t.orgCode)),
      })),
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      page,
    });
  });

  const renderTicket = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const user = req.currentUser!;
    const ticket = await deps.tickets.forStaff(Number(req.params.id), user);
    const view = await deps.tickets.staffView(ticket);
    const users = await deps.accounts.list();
    const colleagues = users.filter((u) => canHandle(u, ticket));
    const names = new Map(users.map((u) => [u.id, u.name]));
    const canned = await deps.canned.list(ticket.orgCode);
    const orgs = await deps.organisations.list();
    const cannedChoice = values.canned ? canned.find((c) => String(c.id) === values.canned) : undefined;
    const drafts = { ...takeDrafts(req, ticket.id), ...values };
    const cannedText = cannedChoice?.bodies[ticket.lang];
    res.status(status).render('helpdesk/ticket', {
      section: 'staff',
      title: ticket.reference,
      ticket,
      orgName: await orgName(ticket.orgCode, l),
      breached: isBreached(ticket, deps.clock.now()),
      assignee: ticket.assigneeUserId ? names.get(ticket.assigneeUserId) : undefined,
      messages: view.messages,
      events: view.events.map((e) => ({ ...e, label: translate(l, `helpdesk.fields.${e.field}`) })),
      obstacles: OBSTACLES.map((o) => ({ code: o, checked: view.obstacles.includes(o) })),
      links: view.links,
      colleagues: colleagues.map((u) => ({ id: u.id, name: u.name, me: u.id === user.id })),
      moves: STATUS_MOVES[ticket.status],
      canPublishFaq: canPublishFaq(user, ticket),
      orgs: orgs.filter((o) => o.code !== ticket.orgCode).map((o) => ({ code: o.code, name: organisationName(o, l) })),
      canned: canned.map((c) => ({ id: c.id, title: c.title, selected: String(c.id) === values.canned })),
      // A canned answer goes below what was already drafted; nothing typed is replaced.
      replyText: [drafts.reply, cannedText].filter(Boolean).join('\n\n'),
      noteText: drafts.note ?? '',
      limits: TEXT_LIMITS,
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/tickets/:id', (req, res) => renderTicket(req, res));

  const action = (
    path: string,
    run: (req: Request, ticket: Ticket) => Promise<unknown>,
    flash: string,
    sent: (keyof Drafts)[] = [],
  ) =>
    router.post(`/staff/tickets/:id/${path}`, async (req, res) => {
      const ticket = await deps.tickets.forStaff(Number(req.params.id), req.currentUser!);
      const typed = postedDrafts(req);
      await orRerender(
        lang(res),
        async () => {
          await run(req, ticket);
          // What the other panel held comes back on the next page; what was just sent does not.
          keepDrafts(
            req,
            ticket.id,
            Object.fromEntries(Object.entries(typed).filter(([k]) => !sent.includes(k as keyof Drafts))),
          );
          setFlash(req, 'ok', flash, { reference: ticket.reference });
          res.redirect(303, `/${lang(res)}/staff/tickets/${ticket.id}`);
        },
        async (errors) => {
          await renderTicket(req, res, 422, errors, typed);
        },
      );
    });

  action(
    'reply',
    (req, t) => deps.tickets.reply(t.id, req.currentUser!, bodyString(req, 'body', POSTED_TEXT_CAP)),
    'helpdesk.staff.reply_sent',
    ['reply'],
  );
  action(
    'note',
    (req, t) => deps.tickets.note(t.id, req.currentUser!, bodyString(req, 'note', POSTED_TEXT_CAP), 'note'),
    'helpdesk.staff.note_added',
    ['note'],
  );
  action(
    'assign',
    (req, t) =>
      deps.tickets.assign(
        t.id,
        req.currentUser!,
        bodyString(req, 'assignee') ? Number(bodyString(req, 'assignee')) : null,
      ),
    'helpdesk.staff.assigned',
  );
  action(
    'status',
    (req, t) => deps.tickets.setStatus(t.id, req.currentUser!, bodyString(req, 'status', 20)),
    'helpdesk.staff.status_changed',
  );
  action(
    'transfer',
    (req, t) =>
      deps.tickets.transfer(t.id, req.currentUser!, bodyString(req, 'org', 40), bodyString(req, 'reason', 2000)),
    'helpdesk.staff.transferred',
  );
  action(
    'obstacles',
    (req, t) => deps.tickets.setObstacles(t.id, req.currentUser!, bodyList(req, 'obstacles')),
    'helpdesk.staff.obstacles_saved',
  );
  action(
    'links',
    (req, t) =>
      deps.tickets.linkClause(
        t.id,
        req.currentUser!,
        bodyString(req, 'clause', 30),
        bodyString(req, 'problem') === 'yes',
        bodyString(req, 'comment', 2000),
      ),
    'helpdesk.staff.link_saved',
  );

  router.post('/staff/tickets/:id/canned', async (req, res) => {
    await renderTicket(req, res, 200, {}, { ...postedDrafts(req), canned: bodyString(req, 'canned', 20) });
  });

  const renderFaqForm = async (
    req: Request,
    res: Response,
    status: number,
    values: Record<string, string>,
    errors: Record<string, string> = {},
  ) => {
    const ticket = await deps.faq.publishableTicket(Number(req.params.id), req.currentUser!);
    const replies = await deps.repo.messages(ticket.id, ['public_reply']);
    res.status(status).render('helpdesk/faq-form', {
      section: 'staff',
      title: translate(lang(res), 'faq.publish_title', { reference: ticket.reference }),
      ticket,
      // The question and the last answer prefill the fields of the ticket's own language.
      values: Object.fromEntries(
        LANGUAGES.flatMap((l) => [
          [`question_${l}`, values[`question_${l}`] ?? (ticket.lang === l ? ticket.question : '')],
          [`answer_${l}`, values[`answer_${l}`] ?? (ticket.lang === l ? (replies.at(-1)?.body ?? '') : '')],
        ]),
      ),
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/tickets/:id/faq', (req, res) => renderFaqForm(req, res, 200, {}));

  router.post('/staff/tickets/:id/faq', async (req, res) => {
    const values = Object.fromEntries(FAQ_FIELDS.map((f) => [f, bodyString(req, f, 6000)]));
    await orRerender(
      lang(res),
      async () => {
        const id = await deps.faq.publishFromTicket(Number(req.params.id), req.currentUser!, values, req.ip);
        setFlash(req, 'ok', 'faq.published');
        res.redirect(303, `/${lang(res)}/faq/${id}`);
      },
      async (errors) => {
        await renderFaqForm(req, res, 422, values, errors);
      },
    );
  });

  return router;
}
