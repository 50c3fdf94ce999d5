// Timestamps are written by the app as ISO 8601 UTC strings, so SQLite compares them as text and
// PostgreSQL stores them as timestamptz; reads come back as Date on PostgreSQL and as text on SQLite.

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
