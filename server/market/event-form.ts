// The facilitators' event form: Brussels local date and time in, UTC instants out (luxon).
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import type { FieldProblem } from '../http/errors';
import { messageKey, optionalText } from '../http/validation';
import { BRUSSELS_ZONE } from '../db/time';
import { perLanguage } from './forms';
import { EVENT_LANGUAGE_MULTI, EVENT_TYPES } from './model';

export const eventSchema = z.strictObject({
  type: z.enum(EVENT_TYPES),
  ...perLanguage('title', z.string().trim().min(3).max(300)),
  ...perLanguage('description', z.string().trim().min(1).max(5000)),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageKey('validation.date')),
  startTime: z.string().regex(/^\d{2}:\d{2}$/, messageKey('market.errors.time')),
  endTime: z.string().regex(/^\d{2}:\d{2}$/, messageKey('market.errors.time')),
  place: optionalText(300),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  language: z.enum([...LANGUAGES, EVENT_LANGUAGE_MULTI]),
  category: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  announcementId: z.coerce.number().int().positive().optional(),
  capacity: z.coerce.number().int().min(1).max(10000),
});
export type EventInput = z.infer<typeof eventSchema>;

/** The instants of a date and two wall-clock times in Brussels (summer and winter time alike). */
export function brusselsTimes(value: { date: string; startTime: string; endTime: string }): {
  startsAt: Date | null;
  endsAt: Date | null;
} {
  const at = (time: string) => {
    const dt = DateTime.fromISO(`${value.date}T${time}`, { zone: BRUSSELS_ZONE });
    return dt.isValid ? dt.toJSDate() : null;
  };
  return { startsAt: at(value.startTime), endsAt: at(value.endTime) };
}

/** The form's fields for an existing event, in Brussels time. */
export function eventFormValues(event: { startsAt: Date; endsAt: Date }): Record<string, string> {
  const start = DateTime.fromJSDate(event.startsAt, { zone: BRUSSELS_ZONE });
  const end = DateTime.fromJSDate(event.endsAt, { zone: BRUSSELS_ZONE });
  return {
    date: start.toISODate() ?? '',
    startTime: start.toFormat('HH:mm'),
    endTime: end.toFormat('HH:mm'),
  };
}

export function eventRules(raw: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!raw.place && !raw.onlineUrl) problems.push({ field: 'place', messageKey: 'market.errors.place_or_link' });
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const { startsAt, endsAt } = brusselsTimes({
    date: text(raw.date),
    startTime: text(raw.startTime),
    endTime: text(raw.endTime),
  });
  if (/^\d{4}-\d{2}-\d{2}$/.test(text(raw.date)) && /^\d{2}:\d{2}$/.test(text(raw.startTime)) && !startsAt)
    problems.push({ field: 'date', messageKey: 'validation.date' });
  if (startsAt && endsAt && endsAt <= startsAt)
    problems.push({ field: 'endTime', messageKey: 'market.errors.end_before_start' });
  return problems;
}
