// Helpdesk service-level due times: business hours (Mon–Fri 09:00–17:00 Europe/Brussels, minus Belgian public holidays).

export const BUSINESS_DAY_START_HOUR = 9;
export const BUSINESS_DAY_END_HOUR = 17;
export const HOURS_PER_BUSINESS_DAY = 8;

const TIME_ZONE = 'Europe/Brussels';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const OPEN_MS = BUSINESS_DAY_START_HOUR * HOUR_MS;
const CLOSE_MS = BUSINESS_DAY_END_HOUR * HOUR_MS;

// Creating a DateTimeFormat is costly; formatting with a shared one is cheap.
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/*
 * "Local ms" = the Brussels wall-clock time encoded as if it were UTC (Date.UTC of the local fields).
 * All day/hour arithmetic happens on local ms, so DST only matters when converting to and from instants.
 */
function toLocalMs(instantMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const subSecond = ((instantMs % 1000) + 1000) % 1000; // the formatter drops milliseconds
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second) + subSecond;
}

function offsetAt(instantMs: number): number {
  return toLocalMs(instantMs) - instantMs;
}

// Two passes settle on the right offset for any wall-clock time that exists; business hours never fall in a DST gap.
function fromLocalMs(localMs: number): number {
  const guess = localMs - offsetAt(localMs);
  return localMs - offsetAt(guess);
}

function dayNumberOf(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
}

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Unsupported year: ${year}`);
}

/** Anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): { year: number; month: number; day: number } {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { year, month: Math.floor(n / 31), day: (n % 31) + 1 };
}

const holidayCache = new Map<number, Set<number>>();

// Day numbers of the ten legal public holidays, computed once per year.
function holidayDays(year: number): Set<number> {
  let days = holidayCache.get(year);
  if (days) return days;
  assertYear(year);
  const easter = easterSunday(year);
  const easterDay = Date.UTC(year, easter.month - 1, easter.day) / DAY_MS;
  const fixed = (month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
  days = new Set([
    fixed(1, 1), // New Year's Day
    easterDay + 1, // Easter Monday
    fixed(5, 1), // Labour Day
    easterDay + 39, // Ascension Day
    easterDay + 50, // Whit Monday
    fixed(7, 21), // National Day
    fixed(8, 15), // Assumption
    fixed(11, 1), // All Saints
    fixed(11, 11), // Armistice
    fixed(12, 25), // Christmas
  ]);
  holidayCache.set(year, days);
  return days;
}

export function belgianPublicHolidays(year: number): string[] {
  return [...holidayDays(year)].sort((x, y) => x - y).map(formatDay);
}

function isBusinessDayNumber(dayNumber: number): boolean {
  if (isWeekend(dayNumber)) return false;
  return !holidayDays(new Date(dayNumber * DAY_MS).getUTCFullYear()).has(dayNumber);
}

export function isBusinessDay(localDate: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`Expected YYYY-MM-DD, got: ${localDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (formatDay(ms / DAY_MS) !== localDate) throw new RangeError(`Invalid date: ${localDate}`);
  return isBusinessDayNumber(ms / DAY_MS);
}

/** The moment `businessHours` of business time after `start` (a Date). Starting outside business hours counts from the next opening. */
export function addBusinessHours(start: Date, businessHours: number): Date {
  if (!Number.isFinite(businessHours) || businessHours < 0)
    throw new RangeError(`Invalid business hours: ${businessHours}`);
  let remaining = Math.round(businessHours * HOUR_MS);
  let local = toLocalMs(start.getTime());
  // One iteration per calendar day: consume what is left of today's opening hours, then jump to the next opening.
  for (;;) {
    const day = dayNumberOf(local);
    const dayStart = day * DAY_MS;
    if (isBusinessDayNumber(day) && local < dayStart + CLOSE_MS) {
      local = Math.max(local, dayStart + OPEN_MS);
      const available = dayStart + CLOSE_MS - local;
      if (remaining <= available) return new Date(fromLocalMs(local + remaining));
      remaining -= available;
    }
    local = dayStart + DAY_MS + OPEN_MS;
  }
}

export function addBusinessDays(start: Date, days: number): Date {
  return addBusinessHours(start, days * HOURS_PER_BUSINESS_DAY);
}

// Business time (ms) inside one day between two local times of that day.
function businessMsWithinDay(day: number, fromLocal: number, toLocal: number): number {
  if (!isBusinessDayNumber(day)) return 0;
  const from = Math.max(fromLocal, day * DAY_MS + OPEN_MS);
  const to = Math.min(toLocal, day * DAY_MS + CLOSE_MS);
  return Math.max(0, to - from);
}

// Business days in [firstDay, endDay): weekdays by arithmetic, minus holidays on weekdays, so long spans stay O(years).
function businessDaysBetween(firstDay: number, endDay: number): number {
  if (endDay <= firstDay) return 0;
  const span = endDay - firstDay;
  let count = Math.floor(span / 7) * 5;
  for (let day = firstDay + span - (span % 7); day < endDay; day++) if (!isWeekend(day)) count++;
  const firstYear = new Date(firstDay * DAY_MS).getUTCFullYear();
  const lastYear = new Date((endDay - 1) * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of holidayDays(year)) {
      if (holiday >= firstDay && holiday < endDay && !isWeekend(holiday)) count--;
    }
  }
  return count;
}

/** Business hours (fractional, minute precision) elapsed between two instants; 0 if end <= start. */
export function businessHoursBetween(start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  const fromLocal = toLocalMs(start.getTime());
  const toLocal = toLocalMs(end.getTime());
  const firstDay = dayNumberOf(fromLocal);
  const lastDay = dayNumberOf(toLocal);
  let ms: number;
  if (firstDay === lastDay) {
    ms = businessMsWithinDay(firstDay, fromLocal, toLocal);
  } else {
    ms =
      businessMsWithinDay(firstDay, fromLocal, Infinity) +
      businessDaysBetween(firstDay + 1, lastDay) * HOURS_PER_BUSINESS_DAY * HOUR_MS +
      businessMsWithinDay(lastDay, -Infinity, toLocal);
  }
  return Math.round(ms / MINUTE_MS) / 60;
}

/** The instant of midnight at the start of a Brussels calendar day ('YYYY-MM-DD'). */
export function brusselsMidnight(localDate: string): Date {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(fromLocalMs(Date.UTC(year, month - 1, day)));
}

/** The Brussels calendar day ('YYYY-MM-DD') of an instant. */
export function brusselsDate(instant: Date): string {
  return formatDay(dayNumberOf(toLocalMs(instant.getTime())));
}
