// What the market's public forms accept (zod): an announcement, a subscription, an event registration.
// Empty form fields mean "not given"; unknown categories are refused by the services, which know the list.
import { z } from 'zod';
import { THEMES } from '../clauses/vocabulary';
import { LANGUAGES, suffixed, type Lang } from '../i18n/languages';
import type { FieldProblem } from '../http/errors';
import { ValidationFailed } from '../http/errors';
import { optionalText, fieldProblems, messageKey } from '../http/validation';
import { QUARTER_PATTERN, VALUE_RANGES } from './model';

const checkbox = z
  .union([z.literal('yes'), z.literal('true'), z.literal(true), z.literal('')])
  .optional()
  .transform((v) => v === 'yes' || v === 'true' || v === true);
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));
/** One field per language, <prefix>_<lang>, each with the same schema. */
export function perLanguage<T extends z.ZodType>(prefix: string, schema: T): Record<string, T> {
  return Object.fromEntries(LANGUAGES.map((lang) => [suffixed(prefix, lang), schema]));
}

/** The text per language of the <prefix>_<lang> fields of a parsed form, leaving out the empty ones. */
export function givenLanguages(source: Record<string, unknown>, prefix: string): Partial<Record<Lang, string>> {
  return Object.fromEntries(
    LANGUAGES.flatMap((lang) => {
      const value = source[suffixed(prefix, lang)];
      return typeof value === 'string' && value ? [[lang, value]] : [];
    }),
  );
}

const categoryCode = z.string().regex(/^[a-z_]{2,40}$/);
const cpvCode = z
  .string()
  .trim()
  .regex(/^\d{8}$/, messageKey('market.errors.cpv'));

export const announcementSchema = z.strictObject({
  title: z.string().trim().min(5).max(300),
  authority: z.string().trim().min(2).max(200),
  category: categoryCode,
  cpv: cpvCode.optional(),
  theme: z.enum(THEMES).optional(),
  valueRange: z.enum(VALUE_RANGES),
  quarter: z.string().regex(QUARTER_PATTERN, messageKey('market.errors.quarter')),
  lots: z.coerce.number().int().min(1).max(100),
  consultationPlanned: checkbox,
  consultationDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, messageKey('validation.date'))
    .optional(),
  consultationPlace: optionalText(300),
  contactEmail: z.email().max(254),
  contactPhone: optionalText(40),
  ...perLanguage('description', optionalText(5000)),
  submitterEmail: z.email().max(254),
  lang: z.enum(LANGUAGES),
});
export type AnnouncementInput = z.infer<typeof announcementSchema>;

export const subscriptionSchema = z.strictObject({
  email: z.email().max(254),
  lang: z.enum(LANGUAGES),
  categories: list.pipe(z.array(categoryCode).max(50)),
  cpvPrefixes: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(/[\s,;]+/)).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{2,8}$/, messageKey('market.errors.cpv_prefix'))).max(20)),
  isSme: checkbox,
  isSocialEconomy: checkbox,
  immediate: checkbox,
});
export type SubscriptionInput = z.infer<typeof subscriptionSchema>;

export const registrationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  organisation: z.string().trim().min(1).max(200),
  lang: z.enum(LANGUAGES),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

/** Drops empty strings so that optional fields left blank in a form count as not given. */
export function withoutBlanks(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== ''));
}

/**
 * Parses with a schema and adds the rules that span several fields, so that every problem is named at once
 * (zod skips refinements of an object whose fields already failed).
 */
export function parseWithRules<T>(
  schema: z.ZodType<T>,
  input: unknown,
  rules: (raw: Record<string, unknown>) => FieldProblem[],
): T {
  const raw = (withoutBlanks(input) ?? {}) as Record<string, unknown>;
  const parsed = schema.safeParse(raw, { reportInput: true });
  const problems = [...(parsed.success ? [] : fieldProblems(parsed.error)), ...rules(raw)];
  if (problems.length > 0 || !parsed.success) throw new ValidationFailed(problems);
  return parsed.data;
}

const given = (value: unknown) =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'string' && !!value.trim();

export function announcementRules(raw: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!LANGUAGES.some((lang) => given(raw[suffixed('description', lang)])))
    problems.push({ field: suffixed('description', LANGUAGES[0]), messageKey: 'market.errors.description_needed' });
  if (given(raw.consultationPlanned) && !given(raw.consultationDate))
    problems.push({ field: 'consultationDate', messageKey: 'market.errors.consultation_date' });
  return problems;
}

export function subscriptionRules(raw: Record<string, unknown>): FieldProblem[] {
  return given(raw.categories) || given(raw.cpvPrefixes)
    ? []
    : [{ field: 'categories', messageKey: 'market.errors.follow_something' }];
}
