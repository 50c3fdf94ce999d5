// Helpdesk service-level due times: business hours (Mon–Fri 09:00–17:00 Europe/Brussels, minus Belgian public
// holidays and the answering organisation's own closing days). The holidays come from date-holidays (Belgium,
// public ones only); zone arithmetic from Luxon; an organisation's extra days from a BusinessCalendar.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { BRUSSELS_ZONE } from '../db/time';

export const BUSINESS_DAY_START_HOUR = 9;
export const BUSINESS_DAY_END_HOUR = 17;
export const HOURS_PER_BUSINESS_DAY = 8;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const calendar = new Holidays('BE');
const holidayCache = new Map<number, Set<string>>();

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Unsupported year: ${year}`);
}

/** The legal public holidays of a year as Brussels dates ('YYYY-MM-DD'), computed once per year. */
function holidaysOf(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    assertYear(year);
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, days);
  }
  return days;
}

export function belgianPublicHolidays(year: number): string[] {
  return [...holidaysOf(year)].sort();
}

export function easterSunday(year: number): { year: number; month: number; day: number } {
  assertYear(year);
  const easter = calendar.getHolidays(year).find((h) => h.rule === 'easter');
  if (!easter) throw new RangeError(`No Easter date for ${year}`);
  const [, month, day] = easter.date.slice(0, 10).split('-').map(Number);
  return { year, month, day };
}

/** The days an organisation closes on top of weekends and the federal public holidays (see closing-days.ts). */
export interface BusinessCalendar {
  isClosed(localDate: string): boolean;
}

/** Federal public holidays only. */
export const FEDERAL_CALENDAR: BusinessCalendar = { isClosed: () => false };

const isOpenDay = (day: DateTime, calendar: BusinessCalendar): boolean => {
  if (day.weekday > 5) return false;
  const date = day.toISODate()!;
  return !holidaysOf(day.year).has(date) && !calendar.isClosed(date);
};

export function isBusinessDay(localDate: string, calendar: BusinessCalendar = FEDERAL_CALENDAR): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new RangeError(`Expected YYYY-MM-DD, got: ${localDate}`);
  const day = DateTime.fromISO(localDate, { zone: BRUSSELS_ZONE });
  if (!day.isValid) throw new RangeError(`Invalid date: ${localDate}`);
  return isOpenDay(day, calendar);
}

const opening = (day: DateTime) => day.set({ hour: BUSINESS_DAY_START_HOUR, minute: 0, second: 0, millisecond: 0 });
const closing = (day: DateTime) => day.set({ hour: BUSINESS_DAY_END_HOUR, minute: 0, second: 0, millisecond: 0 });
const nextOpening = (day: DateTime) => opening(day.plus({ days: 1 }).startOf('day'));

/** The moment `businessHours` of business time after `start`. Starting outside business hours counts from the next opening. */
export function addBusinessHours(
  start: Date,
  businessHours: number,
  calendar: BusinessCalendar = FEDERAL_CALENDAR,
): Date {
  if (!Number.isFinite(businessHours) || businessHours < 0)
    throw new RangeError(`Invalid business hours: ${businessHours}`);
  let remaining = Math.round(businessHours * HOUR_MS);
  let now: DateTime = DateTime.fromJSDate(start, { zone: BRUSSELS_ZONE });
  // One step per calendar day: use what is left of today's opening hours, then go to the next opening.
  // Clock changes happen at night, so within opening hours wall-clock and elapsed time agree.
  for (;;) {
    if (isOpenDay(now, calendar) && now < closing(now)) {
      if (now < opening(now)) now = opening(now);
      const available = closing(now).toMillis() - now.toMillis();
      if (remaining <= available) return new Date(now.toMillis() + remaining);
      remaining -= available;
    }
    now = nextOpening(now);
  }
}

export function addBusinessDays(start: Date, days: number, calendar: BusinessCalendar = FEDERAL_CALENDAR): Date {
  return addBusinessHours(start, days * HOURS_PER_BUSINESS_DAY, calendar);
}

/** Business time (ms) of one Brussels day between two instants of that day. */
function openMsWithin(day: DateTime, from: number, to: number, calendar: BusinessCalendar): number {
  if (!isOpenDay(day, calendar)) return 0;
  return Math.max(0, Math.min(to, closing(day).toMillis()) - Math.max(from, opening(day).toMillis()));
}

/** Business hours (fractional, minute precision) elapsed between two instants; 0 if end <= start. */
export function businessHoursBetween(start: Date, end: Date, calendar: BusinessCalendar = FEDERAL_CALENDAR): number {
  if (end.getTime() <= start.getTime()) return 0;
  const last = DateTime.fromJSDate(end, { zone: BRUSSELS_ZONE }).startOf('day');
  let day: DateTime = DateTime.fromJSDate(start, { zone: BRUSSELS_ZONE }).startOf('day');
  let ms = 0;
  while (day <= last) {
    ms += openMsWithin(day, start.getTime(), end.getTime(), calendar);
    day = day.plus({ days: 1 });
  }
  return Math.round(ms / MINUTE_MS) / 60;
}
