// The facilitators' queue: search and filters within what the person may see, the built-in and saved views, and
// bulk assign / close with the permission checked ticket by ticket.
import type { CurrentUser } from '../accounts/roles';
import type { Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';
import { queueScope } from './permissions';
import type { QueueFilter, QueueRepository, SavedView } from './queue-repository';
import type { TicketService } from './tickets';

/** The filters a queue URL may carry, in the order a saved view keeps them. */
export const QUEUE_PARAMS = ['q', 'status', 'priority', 'due', 'assignee', 'category', 'org', 'requester', 'sort'];

/** A queue query string with its known filters only, in one order, so two spellings of a view compare equal. */
export function canonicalQuery(query: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of QUEUE_PARAMS) if (query.get(key)) kept.set(key, query.get(key)!.slice(0, 200));
  return kept.toString();
}

/** Built-in views: each is a set of queue filters. */
export const BUILT_IN_VIEWS = [
  { code: 'mine', query: 'assignee=me&status=active' },
  { code: 'overdue', query: 'due=overdue&status=active' },
  { code: 'waiting', query: 'status=waiting' },
] as const;

export type BulkAction = 'assign' | 'close';
export type RefusalReason = 'not_found' | 'already_closed' | 'assignee';

export interface BulkOutcome {
  done: string[];
  refused: { ticket: string; reason: RefusalReason }[];
}

const MAX_BULK = 200;

export class StaffQueue {
  constructor(
    private readonly repo: QueueRepository,
    private readonly tickets: TicketService,
    private readonly clock: Clock,
  ) {}

  /** The queue as the person may see it, whatever organisation the filter asks for. */
  list(user: CurrentUser, filter: Omit<QueueFilter, 'orgCode' | 'userId'> & { org?: string }) {
    return this.repo.queue({ ...filter, orgCode: queueScope(user, filter.org), userId: user.id });
  }

  /** How many tickets of this requester the person may see (the current one included). */
  async requesterCount(user: CurrentUser, email: string | null): Promise<number> {
    if (!email) return 0;
    const now = this.clock.now();
    const { total } = await this.list(user, { requester: email, now, endOfToday: now, limit: 1, offset: 0 });
    return total;
  }

  /** Applies one action to each ticket chosen; a ticket the person may not handle is refused, never revealed. */
  async bulk(user: CurrentUser, ids: number[], action: BulkAction, assigneeId: number | null): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { done: [], refused: [] };
    for (const id of [...new Set(ids)].slice(0, MAX_BULK)) {
      const ticket = await this.tickets.forStaff(id, user).catch((err: unknown) => {
        if (err instanceof NotFound) return undefined;
        throw err;
      });
      if (!ticket) outcome.refused.push({ ticket: `#${id}`, reason: 'not_found' });
      else if (action === 'close' && ticket.status === 'closed')
        outcome.refused.push({ ticket: ticket.reference, reason: 'already_closed' });
      else {
        try {
          if (action === 'close') await this.tickets.setStatus(id, user, 'closed');
          else await this.tickets.assign(id, user, assigneeId);
          outcome.done.push(ticket.reference);
        } catch (err) {
          if (!(err instanceof ValidationFailed)) throw err;
          outcome.refused.push({ ticket: ticket.reference, reason: 'assignee' });
        }
      }
    }
    return outcome;
  }

  savedViews(user: CurrentUser): Promise<SavedView[]> {
    return this.repo.savedViews(user.id);
  }

  /** Keeps the known queue filters of a query string under a name of the person's choosing. */
  async saveView(user: CurrentUser, name: string, query: URLSearchParams): Promise<string> {
    const trimmed = name.trim();
    if (!trimmed) throw new ValidationFailed([{ field: 'name', messageKey: 'validation.required' }]);
    if (trimmed.length > 100)
      throw new ValidationFailed([{ field: 'name', messageKey: 'validation.too_long', params: { max: 100 } }]);
    await this.repo.saveView(user.id, trimmed, canonicalQuery(query), this.clock.now());
    return trimmed;
  }

  async deleteView(user: CurrentUser, id: number): Promise<void> {
    if (!(await this.repo.deleteView(user.id, id))) throw new NotFound();
  }
}
