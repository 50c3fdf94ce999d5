// One mapping from schema problems (zod issues) to field problems with neutral catalog keys, and one way for a
// form route to answer 422 with the page re-rendered and every problem named, keeping what the user typed.
import { z } from 'zod';
import type { Lang } from '../i18n/languages';
import { ValidationFailed, type FieldProblem } from './errors';
import { fieldErrors, type FieldErrors } from './forms';

/**
 * A schema may name its own catalog key (and parameters) for a check:
 * `.min(1, messageKey('tender.errors.none_selected'))`, `.max(100, messageKey('validation.number_range', { min: 0, max: 100 }))`.
 */
const KEY_PREFIX = 'key:';
export function messageKey(key: string, params: Record<string, number> = {}): { message: string } {
  return { message: `${KEY_PREFIX}${key}|${JSON.stringify(params)}` };
}

export function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.') || '(body)';
  if (issue.message?.startsWith(KEY_PREFIX)) {
    const [key, params] = issue.message.slice(KEY_PREFIX.length).split('|');
    return { field, messageKey: key, params: JSON.parse(params ?? '{}') as Record<string, number> };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { field, messageKey: 'validation.required' };
      return { field, messageKey: issue.expected === 'number' ? 'validation.number' : 'validation.invalid' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return issue.input === undefined || issue.input === '' || min <= 1
          ? { field, messageKey: 'validation.required' }
          : { field, messageKey: 'validation.too_short', params: { min } };
      if (issue.origin === 'array')
        return min <= 1
          ? { field, messageKey: 'validation.required' }
          : { field, messageKey: 'validation.too_few', params: { min } };
      return { field, messageKey: 'validation.number_min', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { field, messageKey: 'validation.too_long', params: { max } };
      if (issue.origin === 'array') return { field, messageKey: 'validation.too_many', params: { max } };
      return { field, messageKey: 'validation.number_max', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { field, messageKey: 'validation.email' };
      if (issue.format === 'regex' && /date/i.test(issue.message ?? ''))
        return { field, messageKey: 'validation.date' };
      return { field, messageKey: 'validation.invalid' };
    case 'invalid_value':
      return { field, messageKey: 'validation.one_of' };
    case 'unrecognized_keys':
      return { field: issue.keys.join(', '), messageKey: 'validation.unknown_field' };
    default:
      return { field, messageKey: 'validation.invalid' };
  }
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map(fieldProblem);
}

/** Parses input with a schema, or throws ValidationFailed naming every problem. */
export function parseOrFail<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ValidationFailed(fieldProblems(parsed.error));
  return parsed.data;
}

/**
 * Runs a form action; when it fails validation, `rerender` answers instead (422, the form again with every
 * problem named in the page's language and what the user typed). Any other error goes on to the error handler.
 */
export async function orRerender(
  lang: Lang,
  action: () => Promise<unknown>,
  rerender: (errors: FieldErrors, err: ValidationFailed) => Promise<unknown> | unknown,
): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (!(err instanceof ValidationFailed)) throw err;
    await rerender(fieldErrors(err, lang), err);
  }
}

/** An optional text field: trimmed, at most `max` characters, and left out when blank. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
