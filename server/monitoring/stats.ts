// The monitoring figures (MPDI 3, 4, 7): tickets and their service levels, obstacles over time, clauses
// that work or not, documents generated. Tickets and usage events are counted from the in-memory mirror
// (kept in step with the database); the small tables are queried directly.
import type { Knex } from 'knex';
import { brusselsDate, toIso, type Clock } from '../db/time';
import { OBSTACLES } from '../helpdesk/vocabulary';
import { headline, type Headline } from './headline';
import { MonitoringMirror } from './mirror';
import { satisfactionOf } from './satisfaction';
import { previousPeriod, type Period } from './period';
import { median, percentile, type Breakdown, type ResponseTimes, type Stats } from './stats-model';

export type { Stats } from './stats-model';

const TOP = 10;
const n = (v: unknown) => Number(v ?? 0);

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

type Counts = { received: number; answered: number; open: number };

function tally(map: Map<string, Counts>, key: string, answered: boolean, open: boolean): void {
  const entry = map.get(key) ?? { received: 0, answered: 0, open: 0 };
  entry.received += 1;
  if (answered) entry.answered += 1;
  if (open) entry.open += 1;
  map.set(key, entry);
}

const sortedBreakdown = (map: Map<string, Counts>): Breakdown[] =>
  [...map].map(([key, c]) => ({ key, ...c })).sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1));

const sortedCounts = (map: Map<string, number>) =>
  [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

export class StatsService {
  private readonly mirror: MonitoringMirror;

  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {
    this.mirror = new MonitoringMirror(db);
  }

  /** Loads the in-memory copy ahead of the first dashboard request. */
  warmUp(): Promise<void> {
    return this.mirror.sync();
  }

  /** The headline figures of a period (and of the one before, for the trend). */
  async headline(period: Period, org: string | null): Promise<Headline> {
    await this.mirror.sync();
    const previous = previousPeriod(period);
    const span = (p: { from: Date; to: Date }) => ({ from: p.from.getTime(), to: p.to.getTime() });
    return headline(
      this.mirror.tickets.values(),
      { org, now: this.clock.now().getTime() },
      span(period),
      span(previous),
    );
  }

  async compute(period: Period, org: string | null): Promise<Stats> {
    await this.mirror.sync();
    const now = this.clock.now().getTime();
    const from = period.from.getTime();
    const to = period.to.getTime();
    const buckets = period.buckets.map((b) => [b.from.getTime(), b.to.getTime()] as const);

    const total: Counts = { received: 0, answered: 0, open: 0 };
    const pilot: Counts = { received: 0, answered: 0, open: 0 };
    const nonPilot: Counts = { received: 0, answered: 0, open: 0 };
    const byTheme = new Map<string, Counts>();
    const byOrganisation = new Map<string, Counts>();
    const byCategory = new Map<string, Counts>();
    const byStage = new Map<string, Counts>();
    const byObstacle = new Map<string, number>();
    const overTime = new Map<string, number[]>();
    const perOrg = new Map<string, { hours: number[]; inTime: number; late: number }>();

    for (const t of this.mirror.tickets.values()) {
      if (t.created < from || t.created >= to || (org && t.org !== org)) continue;
      const answered = t.firstResponse !== null;
      const open = !t.closed;
      const group = t.pilot ? pilot : nonPilot;
      total.received += 1;
      group.received += 1;
      if (answered) {
        total.answered += 1;
        group.answered += 1;
      }
      if (open) {
        total.open += 1;
        group.open += 1;
      }
      tally(byTheme, t.theme ?? 'none', answered, open);
      tally(byOrganisation, t.org, answered, open);
      tally(byCategory, t.category ?? 'none', answered, open);
      tally(byStage, t.stage ?? 'none', answered, open);
      if (t.obstacles.length === 0 && !answered && t.due >= now) continue;
      let bucket = -1;
      for (let b = 0; b < buckets.length; b += 1) {
        if (t.created >= buckets[b][0] && t.created < buckets[b][1]) {
          bucket = b;
          break;
        }
      }
      for (const obstacle of t.obstacles) {
        byObstacle.set(obstacle, (byObstacle.get(obstacle) ?? 0) + 1);
        const counts = overTime.get(obstacle) ?? new Array<number>(buckets.length).fill(0);
        if (bucket >= 0) counts[bucket] += 1;
        overTime.set(obstacle, counts);
      }
      const entry = perOrg.get(t.org) ?? { hours: [], inTime: 0, late: 0 };
      if (answered) {
        entry.hours.push(t.hours ?? 0);
        if (t.firstResponse! <= t.due) entry.inTime += 1;
        perOrg.set(t.org, entry);
      } else if (t.due < now) {
        entry.late += 1;
        perOrg.set(t.org, entry);
      }
    }

    const responseTimes: ResponseTimes[] = [...perOrg]
      .map(([organisation, entry]) => {
        const sorted = entry.hours.sort((a, b) => a - b);
        const decided = sorted.length + entry.late;
        return {
          organisation,
          answered: sorted.length,
          medianHours: round(median(sorted)),
          p90Hours: round(percentile(sorted, 90)),
          withinDue: entry.inTime,
          decided,
          shareWithinDue: decided ? round(entry.inTime / decided, 4) : null,
        };
      })
      .sort((a, b) => (a.organisation < b.organisation ? -1 : 1));

    const series = OBSTACLES.filter((o) => overTime.has(o)).map((obstacle) => {
      const counts = overTime.get(obstacle)!;
      const half = Math.floor(counts.length / 2);
      const first = counts.slice(0, half).reduce((s, c) => s + c, 0);
      const second = counts.slice(counts.length - half).reduce((s, c) => s + c, 0);
      return {
        obstacle,
        counts,
        trend: (second > first ? 'growing' : second < first ? 'shrinking' : 'stable') as
          'growing' | 'shrinking' | 'stable',
      };
    });

    const views = new Map<string, number>();
    const additions = new Map<string, number>();
    const templates = {
      docs: new Set<string>(),
      byCategory: new Map<string, Set<string>>(),
      byTheme: new Map<string, number>(),
      byLevel: new Map<string, Set<string>>(),
    };
    const plans = { docs: new Set<string>(), byCategory: new Map<string, number>() };
    const addTo = (map: Map<string, Set<string>>, key: string, doc: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(doc));
    for (const e of this.mirror.usage.values()) {
      if (e.created < from || e.created >= to) continue;
      if (e.kind === 'clause_viewed' && e.clauseId) views.set(e.clauseId, (views.get(e.clauseId) ?? 0) + 1);
      else if (e.kind === 'clause_added' && e.clauseId) additions.set(e.clauseId, (additions.get(e.clauseId) ?? 0) + 1);
      else if (e.kind === 'template_generated' && e.documentId) {
        templates.docs.add(e.documentId);
        addTo(templates.byCategory, e.category ?? 'none', e.documentId);
        addTo(templates.byLevel, e.level ?? 'none', e.documentId);
        templates.byTheme.set(e.theme ?? 'none', (templates.byTheme.get(e.theme ?? 'none') ?? 0) + 1);
      } else if (e.kind === 'action_plan_generated' && e.documentId) {
        plans.docs.add(e.documentId);
        plans.byCategory.set(e.category ?? 'none', (plans.byCategory.get(e.category ?? 'none') ?? 0) + 1);
      }
    }
    const top = (map: Map<string, number>) =>
      [...map]
        .map(([id, count]) => ({ id, count }))
        .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
        .slice(0, TOP);
    const distinct = (map: Map<string, Set<string>>) => sortedCounts(new Map([...map].map(([k, v]) => [k, v.size])));

    const feedbackRows = (await this.db('clause_feedback')
      .where({ source: 'buyer' })
      .where('created_at', '>=', toIso(period.from))
      .where('created_at', '<', toIso(period.to))
      .groupBy('clause_id')
      .select('clause_id as id')
      .count({ count: '*' })
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'clause_id', order: 'asc' },
      ])
      .limit(TOP)) as Record<string, unknown>[];
    const problemRows = (await this.db('ticket_clause_links')
      .where('clause_problem', true)
      .where('created_at', '>=', toIso(period.from))
      .where('created_at', '<', toIso(period.to))
      .groupBy('clause_id')
      .select('clause_id as id')
      .count({ count: '*' })
      .orderBy([
        { column: 'count', order: 'desc' },
        { column: 'clause_id', order: 'asc' },
      ])
      .limit(TOP)) as Record<string, unknown>[];
    const yearAgo = new Date(`${brusselsDate(new Date(now))}T00:00:00Z`);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    const stale = (await this.db('clauses')
      .where({ status: 'published' })
      .where('reviewed_on', '<', yearAgo.toISOString().slice(0, 10))
      .orderBy([
        { column: 'reviewed_on', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('id', 'reviewed_on')) as Record<string, unknown>[];

    return {
      period: { kind: period.kind, from: period.fromDay, to: period.toDay },
      scope: { organisation: org },
      tickets: {
        ...total,
        pilot,
        nonPilot,
        byTheme: sortedBreakdown(byTheme),
        byOrganisation: sortedBreakdown(byOrganisation),
        byCategory: sortedBreakdown(byCategory),
        byStage: sortedBreakdown(byStage),
        byObstacle: sortedCounts(byObstacle).map(({ key, count }) => ({ key, received: count })),
      },
      responseTimes,
      satisfaction: satisfactionOf(this.mirror, from, to, org),
      obstaclesOverTime: { buckets: period.buckets.map((b) => b.label), series },
      clauses: {
        mostViewed: top(views),
        mostAdded: top(additions),
        mostFeedback: feedbackRows.map((r) => ({ id: String(r.id), count: n(r.count) })),
        mostProblemLinks: problemRows.map((r) => ({ id: String(r.id), count: n(r.count) })),
        notReviewedForAYear: stale.map((r) => ({ id: String(r.id), reviewedOn: String(r.reviewed_on) })),
      },
      documents: {
        templates: templates.docs.size,
        templatesByCategory: distinct(templates.byCategory),
        templatesByTheme: sortedCounts(templates.byTheme),
        templatesByLevel: distinct(templates.byLevel),
        actionPlans: plans.docs.size,
        actionPlansByCategory: sortedCounts(plans.byCategory),
      },
    };
  }
}
