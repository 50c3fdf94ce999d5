// The period a dashboard shows: a month, a quarter, a year or custom dates, in Brussels days.
import { brusselsDate, brusselsMidnight } from '../db/time';
import { ValidationFailed, type FieldProblem } from '../http/errors';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(value: unknown): value is PeriodKind {
  return typeof value === 'string' && (PERIOD_KINDS as readonly string[]).includes(value);
}

export interface Period {
  kind: PeriodKind;
  /** First day and last day included, Brussels calendar days. */
  fromDay: string;
  toDay: string;
  /** Instants: from inclusive, to exclusive. */
  from: Date;
  to: Date;
  /** Buckets for "over time" figures: months (or days for a period of a month or less). */
  buckets: { label: string; from: Date; to: Date }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function validDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !DAY.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Years a dashboard can show, and the longest custom period (a longer one is refused, not computed). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const MAX_PERIOD_YEARS = 10;

const given = (v: unknown) => v !== undefined && v !== '';

/** Every problem of a period query: real dates, known choices, years in range, at most MAX_PERIOD_YEARS long. */
export function periodProblems(query: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const inRange = (field: string, min: number, max: number) => {
    const v = query[field];
    if (!given(v)) return;
    if (typeof v !== 'string' || !/^\d{1,4}$/.test(v) || Number(v) < min || Number(v) > max)
      problems.push({ field, messageKey: 'validation.number_range', params: { min, max } });
  };
  if (given(query.period) && !isPeriodKind(query.period))
    problems.push({ field: 'period', messageKey: 'validation.one_of' });
  if (query.period === 'custom') {
    const from = validDay(query.from);
    const to = validDay(query.to);
    for (const [field, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!given(query[field])) problems.push({ field, messageKey: 'validation.required' });
      else if (!day) problems.push({ field, messageKey: 'validation.date' });
      else if (Number(day.slice(0, 4)) < FIRST_YEAR || Number(day.slice(0, 4)) > LAST_YEAR)
        problems.push({
          field,
          messageKey: 'security.period.out_of_range',
          params: { first: FIRST_YEAR, last: LAST_YEAR },
        });
    }
    if (problems.length === 0 && from && to) {
      if (from > to) problems.push({ field: 'to', messageKey: 'monitoring.to_before_from' });
      else if (to >= `${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`)
        problems.push({ field: 'to', messageKey: 'security.period.too_long', params: { years: MAX_PERIOD_YEARS } });
    }
  } else {
    inRange('year', FIRST_YEAR, LAST_YEAR);
    if (query.period === 'month') inRange('month', 1, 12);
    if (query.period === 'quarter') inRange('quarter', 1, 4);
  }
  return problems;
}

/** The period of a query; a query with problems is refused (ValidationFailed names every field). */
export function periodFrom(query: Record<string, unknown>, now: Date): Period {
  const problems = periodProblems(query);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const today = brusselsDate(now);
  const [thisYear, thisMonth] = today.split('-').map(Number);
  const num = (v: unknown, fallback: number, min: number, max: number) => {
    const n = typeof v === 'string' ? Number.parseInt(v, 10) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  const year = num(query.year, thisYear, FIRST_YEAR, LAST_YEAR);
  let kind: PeriodKind =
    query.period === 'month' || query.period === 'quarter' || query.period === 'custom' ? query.period : 'year';
  let fromDay: string;
  let toDay: string;
  if (kind === 'month') {
    const month = num(query.month, thisMonth, 1, 12);
    fromDay = `${year}-${pad(month)}-01`;
    toDay = lastDayOfMonth(year, month);
  } else if (kind === 'quarter') {
    const quarter = num(query.quarter, Math.ceil(thisMonth / 3), 1, 4);
    fromDay = `${year}-${pad(quarter * 3 - 2)}-01`;
    toDay = lastDayOfMonth(year, quarter * 3);
  } else if (
    kind === 'custom' &&
    validDay(query.from) &&
    validDay(query.to) &&
    validDay(query.from)! <= validDay(query.to)!
  ) {
    fromDay = validDay(query.from)!;
    toDay = validDay(query.to)!;
  } else {
    kind = kind === 'custom' ? 'year' : kind;
    fromDay = `${year}-01-01`;
    toDay = `${year}-12-31`;
  }
  return {
    kind,
    fromDay,
    toDay,
    from: brusselsMidnight(fromDay),
    to: brusselsMidnight(addDays(toDay, 1)),
    buckets: buckets(fromDay, toDay),
  };
}

function buckets(fromDay: string, toDay: string): Period['buckets'] {
  const out: Period['buckets'] = [];
  const days = Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / 86_400_000) + 1;
  if (days <= 31) {
    for (let d = fromDay; d <= toDay; d = addDays(d, 7)) {
      const end = addDays(d, 7) > addDays(toDay, 1) ? addDays(toDay, 1) : addDays(d, 7);
      out.push({ label: d, from: brusselsMidnight(d), to: brusselsMidnight(end) });
    }
    return out;
  }
  let cursor = fromDay;
  while (cursor <= toDay) {
    const [y, m] = cursor.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
    const end = next > addDays(toDay, 1) ? addDays(toDay, 1) : next;
    out.push({ label: cursor.slice(0, 7), from: brusselsMidnight(cursor), to: brusselsMidnight(end) });
    cursor = next;
  }
  return out;
}

/**
 * The period just before, for comparisons: the previous month, quarter or year, or for custom dates as many days
 * ending the day before. Only its bounds (no buckets): it is counted, never drawn.
 */
export function previousPeriod(period: Period): Pick<Period, 'fromDay' | 'toDay' | 'from' | 'to'> {
  const [y, m] = period.fromDay.split('-').map(Number);
  let fromDay: string;
  const toDay = addDays(period.fromDay, -1);
  if (period.kind === 'month') fromDay = m === 1 ? `${y - 1}-12-01` : `${y}-${pad(m - 1)}-01`;
  else if (period.kind === 'quarter') fromDay = m <= 3 ? `${y - 1}-10-01` : `${y}-${pad(m - 3)}-01`;
  else if (period.kind === 'year') fromDay = `${y - 1}-01-01`;
  else {
    const days = Math.round(
      (Date.parse(`${period.toDay}T00:00:00Z`) - Date.parse(`${period.fromDay}T00:00:00Z`)) / 86_400_000,
    );
    fromDay = addDays(toDay, -days);
  }
  return { fromDay, toDay, from: brusselsMidnight(fromDay), to: period.from };
}
