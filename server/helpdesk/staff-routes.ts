// Facilitators' helpdesk console: the queue (queue-routes.ts), the ticket page with public replies and internal
// notes kept apart, assignment, status, priority, transfer, obstacles, clause links, FAQ. Every ticket form carries
// the ticket's version: a change made meanwhile by someone else answers 409 with the page and the drafts kept.
import { Router, type Request, type Response } from 'express';
import type { AccountRepository } from '../accounts/repository';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import type { Clock } from '../db/time';
import { bodyList, bodyString, errorSummary, setFlash } from '../http/forms';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { CannedAnswers } from './canned';
import { isBreached, type Ticket } from './model';
import type { HelpdeskRepository } from './repository';
import { TicketChanged, type TicketService } from './tickets';
import type { StaffQueue } from './queue';
import { helpdeskQueueRoutes } from './queue-routes';
import { keepDrafts, postedDrafts, takeDrafts, type Drafts } from './drafts';
import { historyRows } from './history-labels';
import { canHandle, canPublishFaq } from './permissions';
import { OBSTACLES, POSTED_TEXT_CAP, STATUS_MOVES, TEXT_LIMITS } from './vocabulary';
import { orRerender } from '../http/validation';
import { uploadedFiles } from '../http/multipart';
import type { AttachmentLimits } from './attachments';
import { fileField, placeAttachments, withFileAnchors } from './attachment-view';

const lang = (res: Response) => res.locals.lang as Lang;

/** The ticket version a form was opened with (absent from API calls and old pages: then no check). */
const postedVersion = (req: Request): number | undefined => {
  const value = bodyString(req, 'version', 20);
  return /^\d+$/.test(value) ? Number(value) : undefined;
};

export interface HelpdeskStaffDeps {
  tickets: TicketService;
  repo: HelpdeskRepository;
  accounts: AccountRepository;
  organisations: OrganisationRepository;
  clauseRepo: ClauseRepository;
  canned: CannedAnswers;
  queue: StaffQueue;
  clock: Clock;
  attachmentLimits: AttachmentLimits;
}

export function helpdeskStaffRoutes(deps: HelpdeskStaffDeps): Router {
  const router = Router();
  router.use('/staff/tickets', ...requireRole('facilitator', 'coordinator'));
  router.use(helpdeskQueueRoutes(deps));

  const orgName = async (code: string, l: Lang) => {
    const org = await deps.organisations.find(code);
    return org ? organisationName(org, l) : code;
  };

  const renderTicket = async (
    req: Request,
    res: Response,
    status = 200,
    errors: Record<string, string> = {},
    values: Record<string, string> = {},
    changedMeanwhile = false,
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
    const placed = placeAttachments(view.messages, view.attachments);
    res.status(status).render('helpdesk/ticket', {
      section: 'staff',
      title: ticket.reference,
      ticket,
      orgName: await orgName(ticket.orgCode, l),
      breached: isBreached(ticket, deps.clock.now()),
      assignee: ticket.assigneeUserId ? names.get(ticket.assigneeUserId) : undefined,
      messages: placed.messages,
      questionFiles: placed.question,
      attachmentBase: `/${l}/staff/tickets/${ticket.id}/attachments`,
      replyFiles: fileField('reply_attachments', deps.attachmentLimits, errors),
      noteFiles: fileField('note_attachments', deps.attachmentLimits, errors),
      events: historyRows(view.events, l, {
        users: names,
        organisations: new Map(orgs.map((o) => [o.code, organisationName(o, l)])),
      }),
      categoryName: ticket.category
        ? ((await deps.clauseRepo.categories()).find((c) => c.code === ticket.category)?.name[l] ?? ticket.category)
        : undefined,
      obstacles: OBSTACLES.map((o) => ({ code: o, checked: view.obstacles.includes(o) })),
      links: view.links,
      colleagues: colleagues.map((u) => ({ id: u.id, name: u.name, me: u.id === user.id })),
      moves: STATUS_MOVES[ticket.status],
      canPublishFaq: canPublishFaq(user, ticket),
      orgs: orgs.filter((o) => o.code !== ticket.orgCode).map((o) => ({ code: o.code, name: organisationName(o, l) })),
      // Each answer's text travels with its option, so the page's script inserts it without a round trip.
      canned: canned.map((c) => ({
        id: c.id,
        title: c.title,
        body: c.bodies[ticket.lang],
        selected: String(c.id) === values.canned,
      })),
      earlierCount: Math.max(0, (await deps.queue.requesterCount(user, ticket.requesterEmail)) - 1),
      earlierUrl: `/${l}/staff/tickets?${new URLSearchParams({ status: 'all', requester: ticket.requesterEmail ?? '' })}`,
      changedMeanwhile,
      // A page that comes back with a draft not yet saved warns before it is left, even untouched.
      unsavedDraft: status >= 400 && Boolean(drafts.reply || drafts.note),
      scripts: ['ticket-drafts.js'],
      // A canned answer goes below what was already drafted; nothing typed is replaced.
      replyText: [drafts.reply, cannedText].filter(Boolean).join('\n\n'),
      noteText: drafts.note ?? '',
      limits: TEXT_LIMITS,
      errors,
      errorSummary: withFileAnchors(errorSummary(errors)),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/tickets/:id', (req, res) => renderTicket(req, res));

  const action = (
    path: string,
    run: (req: Request, ticket: Ticket, version?: number) => Promise<unknown>,
    flash: string,
    sent: (keyof Drafts)[] = [],
  ) =>
    router.post(`/staff/tickets/:id/${path}`, async (req, res) => {
      const ticket = await deps.tickets.forStaff(Number(req.params.id), req.currentUser!);
      const typed = postedDrafts(req);
      await orRerender(
        lang(res),
        async () => {
          await run(req, ticket, postedVersion(req));
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
      ).catch(async (err: unknown) => {
        if (!(err instanceof TicketChanged)) throw err;
        await renderTicket(req, res, 409, {}, typed, true);
      });
    });

  action(
    'reply',
    (req, t, v) =>
      deps.tickets.reply(
        t.id,
        req.currentUser!,
        bodyString(req, 'body', POSTED_TEXT_CAP),
        v,
        uploadedFiles(req, 'reply_attachments'),
      ),
    'helpdesk.staff.reply_sent',
    ['reply'],
  );
  action(
    'note',
    (req, t, v) =>
      deps.tickets.note(
        t.id,
        req.currentUser!,
        bodyString(req, 'note', POSTED_TEXT_CAP),
        'note',
        v,
        uploadedFiles(req, 'note_attachments'),
      ),
    'helpdesk.staff.note_added',
    ['note'],
  );
  action(
    'assign',
    (req, t, v) =>
      deps.tickets.assign(
        t.id,
        req.currentUser!,
        bodyString(req, 'assignee') ? Number(bodyString(req, 'assignee')) : null,
        v,
      ),
    'helpdesk.staff.assigned',
  );
  action(
    'status',
    (req, t, v) => deps.tickets.setStatus(t.id, req.currentUser!, bodyString(req, 'status', 20), v),
    'helpdesk.staff.status_changed',
  );
  action(
    'transfer',
    (req, t, v) =>
      deps.tickets.transfer(t.id, req.currentUser!, bodyString(req, 'org', 40), bodyString(req, 'reason', 2000), v),
    'helpdesk.staff.transferred',
  );
  action(
    'priority',
    (req, t, v) => deps.tickets.setPilot(t.id, req.currentUser!, bodyString(req, 'pilot', 5) === 'yes', v, req.ip),
    'desk.ticket.priority_changed',
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

  return router;
}
