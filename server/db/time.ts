// Timestamps are written by the app as ISO 8601 UTC strings, so SQLite compares them as text and
// PostgreSQL stores them as timestamptz; reads come back as Date on PostgreSQL and as text on SQLite.
import { DateTime } from 'luxon';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function toIso(date: Date): string {
  return date.toISOString();
}

export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The region's time zone: calendar days, periods and business hours are Brussels ones. */
export const BRUSSELS_ZONE = 'Europe/Brussels';

/** The Brussels calendar day ('YYYY-MM-DD') of an instant. */
export function brusselsDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: BRUSSELS_ZONE }).toISODate()!;
}

/** The instant of midnight at the start of a Brussels calendar day ('YYYY-MM-DD'). */
export function brusselsMidnight(localDate: string): Date {
  return DateTime.fromISO(localDate, { zone: BRUSSELS_ZONE }).startOf('day').toJSDate();
}

/** The Brussels calendar year of an instant. */
export function brusselsYear(instant: Date): number {
  return DateTime.fromJSDate(instant, { zone: BRUSSELS_ZONE }).year;
}

/** The last millisecond of the Brussels calendar day of an instant (the queue's "due today"). */
export function endOfBrusselsDay(instant: Date): Date {
  return DateTime.fromJSDate(instant, { zone: BRUSSELS_ZONE }).endOf('day').toJSDate();
}
