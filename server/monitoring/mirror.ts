// A compact copy, in this process, of what the monitoring counts: one small record per ticket and per
// usage event. The database stays the source of truth: each dashboard request first reads what changed
// since the last read (tickets by updated_at, with a margin for clock skew between instances; events by
// id), and the whole copy is reloaded every few minutes. Counting 100,000 tickets in memory takes
// milliseconds where the same counts in SQLite take seconds.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';

export interface TicketFact {
  created: number;
  org: string;
  theme: string | null;
  category: string | null;
  stage: string | null;
  pilot: boolean;
  closed: boolean;
  firstResponse: number | null;
  due: number;
  hours: number | null;
  obstacles: string[];
}

export interface UsageFact {
  kind: string;
  clauseId: string | null;
  category: string | null;
  theme: string | null;
  level: string | null;
  documentId: string | null;
  created: number;
}

/** A requester's satisfaction rating (helpdesk/ratings.ts): immutable once given, so read by id like events. */
export interface RatingFact {
  ticketId: number;
  score: number;
  created: number;
}

const SKEW_MARGIN_MS = 60_000;
const FULL_RELOAD_MS = 5 * 60_000;
const CHUNK = 500;

export class MonitoringMirror {
  readonly tickets = new Map<number, TicketFact>();
  readonly usage = new Map<number, UsageFact>();
  readonly ratings = new Map<number, RatingFact>();
  private ticketWatermark: string | null = null;
  private usageWatermark = 0;
  private ratingWatermark = 0;
  private loadedAt = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly db: Knex) {}

  /** Brings the copy up to date; concurrent callers share one sync. */
  sync(): Promise<void> {
    if (!this.syncing) this.syncing = this.doSync().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async doSync(): Promise<void> {
    if (performance.now() - this.loadedAt > FULL_RELOAD_MS || this.loadedAt === 0) {
      this.tickets.clear();
      this.usage.clear();
      this.ratings.clear();
      this.ticketWatermark = null;
      this.usageWatermark = 0;
      this.ratingWatermark = 0;
      this.loadedAt = performance.now();
    }
    await this.syncTickets();
    await this.syncUsage();
    await this.syncRatings();
  }

  private async syncTickets(): Promise<void> {
    const query = this.db('tickets').select(
      'id',
      'created_at',
      'updated_at',
      'org_code',
      'theme',
      'category',
      'stage',
      'is_pilot',
      'status',
      'first_response_at',
      'due_at',
      'first_response_hours',
    );
    if (this.ticketWatermark)
      query.where('updated_at', '>=', toIso(new Date(Date.parse(this.ticketWatermark) - SKEW_MARGIN_MS)));
    const rows = (await query) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const changed: number[] = [];
    let latest = this.ticketWatermark ?? '';
    for (const row of rows) {
      const id = Number(row.id);
      changed.push(id);
      const updated = toDate(row.updated_at)!.toISOString();
      if (updated > latest) latest = updated;
      this.tickets.set(id, {
        created: toDate(row.created_at)!.getTime(),
        org: String(row.org_code),
        theme: (row.theme as string | null) ?? null,
        category: (row.category as string | null) ?? null,
        stage: (row.stage as string | null) ?? null,
        pilot: row.is_pilot === true || row.is_pilot === 1,
        closed: row.status === 'closed',
        firstResponse: toDate(row.first_response_at)?.getTime() ?? null,
        due: toDate(row.due_at)!.getTime(),
        hours:
          row.first_response_hours === null || row.first_response_hours === undefined
            ? null
            : Number(row.first_response_hours),
        obstacles: [],
      });
    }
    this.ticketWatermark = latest;
    const obstacles =
      this.ticketWatermark && changed.length < this.tickets.size
        ? await this.obstaclesOf(changed)
        : ((await this.db('ticket_obstacles').select('ticket_id', 'obstacle')) as Record<string, unknown>[]);
    for (const row of obstacles) this.tickets.get(Number(row.ticket_id))?.obstacles.push(String(row.obstacle));
  }

  private async obstaclesOf(ids: number[]): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < ids.length; i += CHUNK)
      out.push(
        ...((await this.db('ticket_obstacles')
          .whereIn('ticket_id', ids.slice(i, i + CHUNK))
          .select('ticket_id', 'obstacle')) as Record<string, unknown>[]),
      );
    return out;
  }

  private async syncUsage(): Promise<void> {
    // Ids grow but may commit out of order on PostgreSQL: read back a window below the watermark too.
    const rows = (await this.db('usage_events')
      .where('id', '>', Math.max(0, this.usageWatermark - 1000))
      .select('id', 'kind', 'clause_id', 'category', 'theme', 'level', 'document_id', 'created_at')) as Record<
      string,
      unknown
    >[];
    for (const row of rows) {
      const id = Number(row.id);
      if (id > this.usageWatermark) this.usageWatermark = id;
      if (this.usage.has(id)) continue;
      this.usage.set(id, {
        kind: String(row.kind),
        clauseId: (row.clause_id as string | null) ?? null,
        category: (row.category as string | null) ?? null,
        theme: (row.theme as string | null) ?? null,
        level: (row.level as string | null) ?? null,
        documentId: (row.document_id as string | null) ?? null,
        created: toDate(row.created_at)!.getTime(),
      });
    }
  }

  private async syncRatings(): Promise<void> {
    // As for usage events: ids may commit out of order on PostgreSQL, so a window below the watermark is read again.
    const rows = (await this.db('ticket_ratings')
      .where('id', '>', Math.max(0, this.ratingWatermark - 1000))
      .select('id', 'ticket_id', 'score', 'created_at')) as Record<string, unknown>[];
    for (const row of rows) {
      const id = Number(row.id);
      if (id > this.ratingWatermark) this.ratingWatermark = id;
      this.ratings.set(id, {
        ticketId: Number(row.ticket_id),
        score: Number(row.score),
        created: toDate(row.created_at)!.getTime(),
      });
    }
  }
}
