// The facilitators' queue page: search, filters, sort, built-in and saved views, bulk assign and close.
import { Router, type Request, type Response } from 'express';
import type { AccountRepository } from '../accounts/repository';
import { organisationName, type OrganisationRepository } from '../accounts/organisations';
import { hasRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import { endOfBrusselsDay, type Clock } from '../db/time';
import { ValidationFailed } from '../http/errors';
import { bodyList, bodyString, setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { isBreached } from './model';
import { canHandle } from './permissions';
import { BUILT_IN_VIEWS, canonicalQuery, QUEUE_PARAMS, type BulkOutcome, type StaffQueue } from './queue';
import { QUEUE_SORTS, type QueueSort } from './queue-repository';
import { TICKET_STATUSES } from './vocabulary';

const lang = (res: Response) => res.locals.lang as Lang;
const PAGE_SIZE = 50;

export interface QueueRouteDeps {
  queue: StaffQueue;
  accounts: AccountRepository;
  organisations: OrganisationRepository;
  clauseRepo: ClauseRepository;
  clock: Clock;
}

/** The bulk summary in the user's language: what was done, and each refusal with its reason. */
function bulkSummary(l: Lang, action: string, outcome: BulkOutcome): string {
  const parts = [
    translate(l, `desk.queue.bulk_${action === 'close' ? 'closed' : 'assigned'}`, { done: outcome.done.length }),
  ];
  if (outcome.refused.length > 0)
    parts.push(
      translate(l, 'desk.queue.bulk_refused', {
        refused: outcome.refused
          .map((r) => `${r.ticket} (${translate(l, `desk.queue.refused.${r.reason}`)})`)
          .join(', '),
      }),
    );
  return parts.join(' ');
}

export function helpdeskQueueRoutes(deps: QueueRouteDeps): Router {
  const router = Router();

  const renderQueue = async (req: Request, res: Response) => {
    const l = lang(res);
    const user = req.currentUser!;
    const isCoordinator = hasRole(user, 'coordinator');
    const q = (name: string) => (typeof req.query[name] === 'string' ? String(req.query[name]).slice(0, 200) : '');
    const now = deps.clock.now();
    const page = Math.max(1, Number.parseInt(q('page'), 10) || 1);
    const filters = Object.fromEntries(QUEUE_PARAMS.map((p) => [p, q(p)])) as Record<string, string>;
    filters.status ||= 'active';
    if (!isCoordinator) filters.org = user.orgCode ?? '';
    const sort = (QUEUE_SORTS as readonly string[]).includes(filters.sort) ? (filters.sort as QueueSort) : 'priority';
    const { tickets, total } = await deps.queue.list(user, {
      org: filters.org,
      status: filters.status === 'all' ? undefined : filters.status,
      priority: filters.priority === 'pilot' || filters.priority === 'normal' ? filters.priority : undefined,
      due: filters.due === 'overdue' || filters.due === 'today' ? filters.due : undefined,
      assignee: filters.assignee === 'me' || filters.assignee === 'unassigned' ? filters.assignee : undefined,
      category: filters.category || undefined,
      q: filters.q.trim() || undefined,
      requester: filters.requester || undefined,
      sort,
      now,
      endOfToday: endOfBrusselsDay(now),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const accounts = await deps.accounts.list();
    const users = new Map(accounts.map((u) => [u.id, u.name]));
    const orgs = await deps.organisations.list();
    const categories = await deps.clauseRepo.categories();
    // Whom a bulk assignment may name: colleagues who handle at least one queue this person sees.
    const seen = isCoordinator ? orgs : orgs.filter((o) => o.code === user.orgCode);
    const assignees = accounts.filter((u) => seen.some((o) => canHandle(u, { orgCode: o.code })));
    const current = canonicalQuery(new URLSearchParams({ ...filters, org: isCoordinator ? filters.org : '' }));
    const isCurrent = (query: string) => canonicalQuery(new URLSearchParams(query)) === current;
    res.render('helpdesk/queue', {
      section: 'staff',
      title: translate(l, 'staff.tickets'),
      isCoordinator,
      filters,
      sorts: QUEUE_SORTS.map((code) => ({ code, selected: code === sort })),
      views: BUILT_IN_VIEWS.map((v) => ({ ...v, current: isCurrent(v.query) })),
      savedViews: (await deps.queue.savedViews(user)).map((v) => ({ ...v, current: isCurrent(v.query) })),
      currentQuery: current,
      statuses: TICKET_STATUSES,
      orgs: orgs.map((o) => ({ code: o.code, name: organisationName(o, l) })),
      categories: categories.map((c) => ({ code: c.code, name: c.name[l] })),
      assignees: assignees.map((u) => ({ id: u.id, name: u.name, me: u.id === user.id })),
      total,
      tickets: tickets.map((t) => ({
        ...t,
        breached: isBreached(t, now),
        assignee: t.assigneeUserId ? users.get(t.assigneeUserId) : undefined,
        orgName: ((o) => (o ? organisationName(o, l) : undefined))(orgs.find((o) => o.code === t.orgCode)),
      })),
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      page,
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/tickets', (req, res) => renderQueue(req, res));

  router.post('/staff/tickets/bulk', async (req, res) => {
    const l = lang(res);
    const ids = bodyList(req, 'ids')
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n > 0);
    const action = bodyString(req, 'action', 20) === 'close' ? 'close' : 'assign';
    const back = `/${l}/staff/tickets${bodyString(req, 'back', 1000).replace(/^[^?]*/, '')}`;
    if (ids.length === 0) {
      setFlash(req, 'warn', 'desk.queue.bulk_none');
      return res.redirect(303, back);
    }
    const assignee = bodyString(req, 'assignee', 20);
    const outcome = await deps.queue.bulk(req.currentUser!, ids, action, assignee ? Number(assignee) : null);
    req.session.flash = {
      kind: outcome.refused.length > 0 ? 'warn' : 'ok',
      key: 'desk.queue.summary',
      params: { summary: bulkSummary(l, action, outcome) },
    };
    res.redirect(303, back);
  });

  router.post('/staff/tickets/views', async (req, res) => {
    const l = lang(res);
    const query = new URLSearchParams(QUEUE_PARAMS.map((p): [string, string] => [p, bodyString(req, p, 200)]));
    try {
      const name = await deps.queue.saveView(req.currentUser!, bodyString(req, 'name', 200), query);
      setFlash(req, 'ok', 'desk.queue.view_saved', { name });
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      setFlash(req, 'error', 'desk.queue.view_name_needed');
    }
    res.redirect(303, `/${l}/staff/tickets?${canonicalQuery(query)}`);
  });

  router.post('/staff/tickets/views/:id/delete', async (req, res) => {
    await deps.queue.deleteView(req.currentUser!, Number(req.params.id));
    setFlash(req, 'ok', 'desk.queue.view_deleted');
    res.redirect(303, `/${lang(res)}/staff/tickets`);
  });

  return router;
}
