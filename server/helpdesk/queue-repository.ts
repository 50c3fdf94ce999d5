// The SQL of the staff queue: filters, the search over a ticket's texts and requester, the sort orders, and the
// filters a facilitator saves under a name. Text search is lower(column) LIKE lower(term) on both databases.
import type { Knex } from 'knex';
import { toIso } from '../db/time';
import type { Ticket } from './model';
import { toTicket } from './repository';

type Row = Record<string, unknown>;

export const QUEUE_SORTS = ['priority', 'due', 'created', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilter {
  orgCode?: string;
  status?: string;
  priority?: 'pilot' | 'normal';
  due?: 'overdue' | 'today';
  assignee?: 'me' | 'unassigned' | number;
  category?: string;
  q?: string;
  /** The requester's address, exactly (a buyer's earlier questions). */
  requester?: string;
  sort?: QueueSort;
  userId?: number;
  now: Date;
  endOfToday: Date;
  limit: number;
  offset: number;
}

const ORDERS: Record<QueueSort, { column: string; order: 'asc' | 'desc' }[]> = {
  priority: [
    { column: 'is_pilot', order: 'desc' },
    { column: 'due_at', order: 'asc' },
  ],
  due: [{ column: 'due_at', order: 'asc' }],
  created: [{ column: 'created_at', order: 'desc' }],
  updated: [{ column: 'updated_at', order: 'desc' }],
};

export interface SavedView {
  id: number;
  name: string;
  query: string;
}

/** A LIKE pattern matching the term anywhere, its own wildcards escaped (used with escape '\'). */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;

export class QueueRepository {
  constructor(private readonly db: Knex) {}

  async queue(filter: QueueFilter): Promise<{ tickets: Ticket[]; total: number }> {
    const query = this.db('tickets');
    if (filter.orgCode) query.where({ org_code: filter.orgCode });
    if (filter.status === 'active') query.whereNot({ status: 'closed' });
    else if (filter.status) query.where({ status: filter.status });
    if (filter.priority) query.where({ is_pilot: filter.priority === 'pilot' });
    if (filter.due === 'overdue') query.whereNull('first_response_at').where('due_at', '<', toIso(filter.now));
    if (filter.due === 'today') query.whereNull('first_response_at').where('due_at', '<=', toIso(filter.endOfToday));
    if (filter.assignee === 'me' && filter.userId) query.where({ assignee_user_id: filter.userId });
    else if (filter.assignee === 'unassigned') query.whereNull('assignee_user_id');
    else if (typeof filter.assignee === 'number') query.where({ assignee_user_id: filter.assignee });
    if (filter.category) query.where({ category: filter.category });
    if (filter.requester) query.where({ requester_email: filter.requester.toLowerCase() });
    if (filter.q) {
      const like = containing(filter.q.trim());
      const matches = (column: string) => [`lower(coalesce(${column}, '')) like ? escape '\\'`, [like]] as const;
      query.where((w) =>
        w
          .whereRaw(...matches('question'))
          .orWhereRaw(...matches('reference'))
          .orWhereRaw(...matches('tender_reference'))
          .orWhereRaw(...matches('requester_name'))
          .orWhereRaw(...matches('requester_email'))
          .orWhereExists((m) =>
            m
              .select(this.db.raw('1'))
              .from('ticket_messages')
              .whereRaw('ticket_messages.ticket_id = tickets.id')
              .whereRaw(...matches('ticket_messages.body')),
          ),
      );
    }
    const [{ n }] = (await query.clone().count({ n: '*' })) as { n: number | string }[];
    const rows = (await query
      .orderBy([...ORDERS[filter.sort ?? 'priority'], { column: 'id', order: 'asc' }])
      .limit(filter.limit)
      .offset(filter.offset)) as Row[];
    return { tickets: rows.map(toTicket), total: Number(n) };
  }

  async savedViews(userId: number): Promise<SavedView[]> {
    const rows = (await this.db('staff_saved_views').where({ user_id: userId }).orderBy('name')) as Row[];
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name), query: String(r.query) }));
  }

  /** Saves a filter under a name; the same name again replaces its filter. */
  async saveView(userId: number, name: string, query: string, at: Date): Promise<void> {
    await this.db('staff_saved_views')
      .insert({ user_id: userId, name, query, created_at: toIso(at) })
      .onConflict(['user_id', 'name'])
      .merge(['query']);
  }

  async deleteView(userId: number, id: number): Promise<boolean> {
    return (await this.db('staff_saved_views').where({ id, user_id: userId }).delete()) > 0;
  }
}
