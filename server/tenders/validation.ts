// Turns schema problems of a tender or action-plan request into field problems with catalog keys.
import type { z } from 'zod';
import { ValidationFailed, type FieldProblem } from '../http/errors';

function problem(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.') || '(body)';
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field, messageKey: 'validation.required' };
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const min = Number(issue.minimum);
    return issue.input === undefined || issue.input === '' || min <= 1
      ? { field, messageKey: 'validation.required' }
      : { field, messageKey: 'validation.too_short', params: { min } };
  }
  if (issue.code === 'invalid_format' && issue.format === 'email') return { field, messageKey: 'validation.email' };
  if (issue.code === 'too_small' && issue.origin === 'array')
    return { field, messageKey: 'tender.errors.none_selected' };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { field, messageKey: 'validation.too_long', params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_big' && issue.origin === 'array')
    return { field, messageKey: 'tender.errors.too_many', params: { max: Number(issue.maximum) } };
  if (issue.code === 'invalid_value') return { field, messageKey: 'validation.one_of' };
  if (issue.code === 'unrecognized_keys')
    return { field: issue.keys.join(', '), messageKey: 'tender.errors.unknown_field' };
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number')
    return {
      field,
      messageKey: 'validation.number_range',
      params: { min: 0, max: Number((issue as { maximum?: number }).maximum ?? 100) },
    };
  if (issue.code === 'invalid_type' && issue.expected === 'number') return { field, messageKey: 'validation.number' };
  return { field, messageKey: 'validation.invalid' };
}

export function parseOrFail<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new ValidationFailed(parsed.error.issues.map(problem));
  return parsed.data;
}
