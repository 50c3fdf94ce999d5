// What a buyer sends to ask a question, read from a form or the API.
import { z } from 'zod';
import { THEMES } from '../clauses/vocabulary';
import { optionalText, parseOrFail } from '../http/validation';
import { LANGUAGES } from '../i18n/languages';
import { TEXT_LIMITS, TICKET_STAGES } from './vocabulary';

export const newTicketSchema = z.strictObject({
  question: z.string().trim().min(10).max(TEXT_LIMITS.question),
  theme: z.enum(THEMES).optional(),
  category: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  stage: z.enum(TICKET_STAGES).optional(),
  tenderReference: optionalText(100),
  pilotCode: optionalText(40),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  organisation: z.string().trim().min(1).max(200),
  lang: z.enum(LANGUAGES),
});
export type NewTicket = z.infer<typeof newTicketSchema>;

/** Reads a question from a form or the API: empty choices are "not given". */
export function parseNewTicket(input: unknown): NewTicket {
  const body = input && typeof input === 'object' ? { ...(input as Record<string, unknown>) } : input;
  if (body && typeof body === 'object') {
    // An empty choice in a form means "not given"; "unknown" is the "I don't know" theme.
    for (const key of ['theme', 'category', 'stage', 'tenderReference', 'pilotCode'] as const) {
      const record = body as Record<string, unknown>;
      if (record[key] === '' || record[key] === null || record[key] === 'unknown') delete record[key];
    }
  }
  return parseOrFail(newTicketSchema, body);
}
