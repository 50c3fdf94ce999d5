// The monitoring figures (MPDI 3, 4, 7): tickets and their service levels, obstacles over time, clauses
// that work or not, documents generated. Aggregated in SQL over the period; only response times are
// fetched as numbers for the percentiles.
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';
import { brusselsDate } from '../helpdesk/business-time';
import { OBSTACLES } from '../helpdesk/vocabulary';
import type { Period } from './period';

export interface Breakdown {
  key: string;
  received: number;
  answered: number;
  open: number;
}

export interface ResponseTimes {
  organisation: string;
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
  withinDue: number;
  decided: number;
  shareWithinDue: number | null;
}

export interface Stats {
  period: { kind: string; from: string; to: string };
  scope: { organisation: string | null };
  tickets: {
    received: number;
    answered: number;
    open: number;
    pilot: Omit<Breakdown, 'key'>;
    nonPilot: Omit<Breakdown, 'key'>;
    byTheme: Breakdown[];
    byOrganisation: Breakdown[];
    byCategory: Breakdown[];
    byStage: Breakdown[];
    byObstacle: { key: string; received: number }[];
  };
  responseTimes: ResponseTimes[];
  obstaclesOverTime: { buckets: string[]; series: { obstacle: string; counts: number[]; trend: 'growing' | 'shrinking' | 'stable' }[] };
  clauses: {
    mostViewed: { id: string; count: number }[];
    mostAdded: { id: string; count: number }[];
    mostFeedback: { id: string; count: number }[];
    mostProblemLinks: { id: string; count: number }[];
    notReviewedForAYear: { id: string; reviewedOn: string }[];
  };
  documents: {
    templates: number;
    templatesByCategory: { key: string; count: number }[];
    templatesByTheme: { key: string; count: number }[];
    templatesByLevel: { key: string; count: number }[];
    actionPlans: number;
    actionPlansByCategory: { key: string; count: number }[];
  };
}

const TOP = 10;
const n = (v: unknown) => Number(v ?? 0);

/** The p-th percentile by nearest rank (p in 0–100) of numbers sorted ascending. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export class StatsService {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {}

  private tickets(period: Period, org: string | null) {
    const query = this.db('tickets as t').where('t.created_at', '>=', toIso(period.from)).where('t.created_at', '<', toIso(period.to));
    if (org) query.where('t.org_code', org);
    return query;
  }

  private counts(query: Knex.QueryBuilder) {
    return query.select(
      this.db.raw('count(*) as received'),
      this.db.raw('sum(case when t.first_response_at is not null then 1 else 0 end) as answered'),
      this.db.raw("sum(case when t.status <> 'closed' then 1 else 0 end) as open"),
    );
  }

  private async breakdown(period: Period, org: string | null, column: string): Promise<Breakdown[]> {
    const rows = (await this.counts(this.tickets(period, org)).select(`t.${column} as key`).groupBy(`t.${column}`)) as Record<string, unknown>[];
    return rows.map((r) => ({ key: (r.key as string | null) ?? 'none', received: n(r.received), answered: n(r.answered), open: n(r.open) })).sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1));
  }

  private async usageTop(period: Period, kind: string): Promise<{ id: string; count: number }[]> {
    const rows = (await this.db('usage_events')
      .where({ kind })
      .where('created_at', '>=', toIso(period.from))
      .where('created_at', '<', toIso(period.to))
      .whereNotNull('clause_id')
      .groupBy('clause_id')
      .select('clause_id as id')
      .count({ count: '*' })
      .orderBy([{ column: 'count', order: 'desc' }, { column: 'clause_id', order: 'asc' }])
      .limit(TOP)) as Record<string, unknown>[];
    return rows.map((r) => ({ id: String(r.id), count: n(r.count) }));
  }

  private async documentCounts(period: Period, kind: string, column: 'category' | 'theme' | 'level', distinctDocuments: boolean) {
    const rows = (await this.db('usage_events')
      .where({ kind })
      .where('created_at', '>=', toIso(period.from))
      .where('created_at', '<', toIso(period.to))
      .groupBy(column)
      .select(`${column} as key`)
      .select(this.db.raw(distinctDocuments ? 'count(distinct document_id) as count' : 'count(*) as count'))) as Record<string, unknown>[];
    return rows.map((r) => ({ key: (r.key as string | null) ?? 'none', count: n(r.count) })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }

  private async documentTotal(period: Period, kind: string): Promise<number> {
    const [row] = (await this.db('usage_events').where({ kind }).where('created_at', '>=', toIso(period.from)).where('created_at', '<', toIso(period.to)).select(this.db.raw('count(distinct document_id) as count'))) as Record<string, unknown>[];
    return n(row?.count);
  }

  async compute(period: Period, org: string | null): Promise<Stats> {
    const now = this.clock.now();
    const [totals] = (await this.counts(this.tickets(period, org))) as Record<string, unknown>[];
    const pilotRows = (await this.counts(this.tickets(period, org)).select('t.is_pilot as pilot').groupBy('t.is_pilot')) as Record<string, unknown>[];
    const pilot = (flag: boolean) => {
      const row = pilotRows.find((r) => (r.pilot === true || r.pilot === 1) === flag);
      return { received: n(row?.received), answered: n(row?.answered), open: n(row?.open) };
    };
    const [byTheme, byOrganisation, byCategory, byStage] = await Promise.all([
      this.breakdown(period, org, 'theme'),
      this.breakdown(period, org, 'org_code'),
      this.breakdown(period, org, 'category'),
      this.breakdown(period, org, 'stage'),
    ]);
    const obstacleRows = (await this.tickets(period, org).join('ticket_obstacles as o', 'o.ticket_id', 't.id').groupBy('o.obstacle').select('o.obstacle as key').count({ received: '*' })) as Record<string, unknown>[];

    // Response times: the stored business hours of every answered ticket, per organisation.
    const answeredRows = (await this.tickets(period, org).whereNotNull('t.first_response_at').select('t.org_code', 't.first_response_hours', this.db.raw('case when t.first_response_at <= t.due_at then 1 else 0 end as in_time'))) as Record<string, unknown>[];
    const lateOpen = (await this.tickets(period, org).whereNull('t.first_response_at').where('t.due_at', '<', toIso(now)).groupBy('t.org_code').select('t.org_code').count({ count: '*' })) as Record<string, unknown>[];
    const perOrg = new Map<string, { hours: number[]; inTime: number }>();
    for (const row of answeredRows) {
      const entry = perOrg.get(String(row.org_code)) ?? { hours: [], inTime: 0 };
      entry.hours.push(n(row.first_response_hours));
      entry.inTime += n(row.in_time);
      perOrg.set(String(row.org_code), entry);
    }
    for (const row of lateOpen) if (!perOrg.has(String(row.org_code))) perOrg.set(String(row.org_code), { hours: [], inTime: 0 });
    const responseTimes: ResponseTimes[] = [...perOrg].map(([organisation, entry]) => {
      const sorted = entry.hours.sort((a, b) => a - b);
      const decided = sorted.length + n(lateOpen.find((r) => r.org_code === organisation)?.count);
      return { organisation, answered: sorted.length, medianHours: round(median(sorted)), p90Hours: round(percentile(sorted, 90)), withinDue: entry.inTime, decided, shareWithinDue: decided ? round(entry.inTime / decided, 4) : null };
    }).sort((a, b) => (a.organisation < b.organisation ? -1 : 1));

    // Obstacles over time: one sum per bucket in a single portable query.
    const bucketSums = period.buckets.map((b, i) => this.db.raw(`sum(case when t.created_at >= ? and t.created_at < ? then 1 else 0 end) as b${i}`, [toIso(b.from), toIso(b.to)]));
    const overTime = (await this.tickets(period, org).join('ticket_obstacles as o', 'o.ticket_id', 't.id').groupBy('o.obstacle').select('o.obstacle as obstacle', ...bucketSums)) as Record<string, unknown>[];
    const series = OBSTACLES.map((obstacle) => {
      const row = overTime.find((r) => r.obstacle === obstacle);
      const counts = period.buckets.map((_, i) => n(row?.[`b${i}`]));
      const half = Math.floor(counts.length / 2);
      const first = counts.slice(0, half).reduce((s, c) => s + c, 0);
      const second = counts.slice(counts.length - half).reduce((s, c) => s + c, 0);
      return { obstacle, counts, trend: (second > first ? 'growing' : second < first ? 'shrinking' : 'stable') as 'growing' | 'shrinking' | 'stable' };
    }).filter((s) => s.counts.some((c) => c > 0));

    const feedbackRows = (await this.db('clause_feedback').where({ source: 'buyer' }).where('created_at', '>=', toIso(period.from)).where('created_at', '<', toIso(period.to)).groupBy('clause_id').select('clause_id as id').count({ count: '*' }).orderBy([{ column: 'count', order: 'desc' }, { column: 'clause_id', order: 'asc' }]).limit(TOP)) as Record<string, unknown>[];
    const problemRows = (await this.db('ticket_clause_links').where('clause_problem', true).where('created_at', '>=', toIso(period.from)).where('created_at', '<', toIso(period.to)).groupBy('clause_id').select('clause_id as id').count({ count: '*' }).orderBy([{ column: 'count', order: 'desc' }, { column: 'clause_id', order: 'asc' }]).limit(TOP)) as Record<string, unknown>[];
    const yearAgo = new Date(`${brusselsDate(now)}T00:00:00Z`);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const stale = (await this.db('clauses').where({ status: 'published' }).where('reviewed_on', '<', yearAgo.toISOString().slice(0, 10)).orderBy([{ column: 'reviewed_on', order: 'asc' }, { column: 'id', order: 'asc' }]).select('id', 'reviewed_on')) as Record<string, unknown>[];

    return {
      period: { kind: period.kind, from: period.fromDay, to: period.toDay },
      scope: { organisation: org },
      tickets: {
        received: n(totals?.received),
        answered: n(totals?.answered),
        open: n(totals?.open),
        pilot: pilot(true),
        nonPilot: pilot(false),
        byTheme,
        byOrganisation,
        byCategory,
        byStage,
        byObstacle: obstacleRows.map((r) => ({ key: String(r.key), received: n(r.received) })).sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1)),
      },
      responseTimes,
      obstaclesOverTime: { buckets: period.buckets.map((b) => b.label), series },
      clauses: {
        mostViewed: await this.usageTop(period, 'clause_viewed'),
        mostAdded: await this.usageTop(period, 'clause_added'),
        mostFeedback: feedbackRows.map((r) => ({ id: String(r.id), count: n(r.count) })),
        mostProblemLinks: problemRows.map((r) => ({ id: String(r.id), count: n(r.count) })),
        notReviewedForAYear: stale.map((r) => ({ id: String(r.id), reviewedOn: String(r.reviewed_on) })),
      },
      documents: {
        templates: await this.documentTotal(period, 'template_generated'),
        templatesByCategory: await this.documentCounts(period, 'template_generated', 'category', true),
        templatesByTheme: await this.documentCounts(period, 'template_generated', 'theme', false),
        templatesByLevel: await this.documentCounts(period, 'template_generated', 'level', true),
        actionPlans: await this.documentTotal(period, 'action_plan_generated'),
        actionPlansByCategory: await this.documentCounts(period, 'action_plan_generated', 'category', false),
      },
    };
  }
}
