// Validates a clause document coming from the editor's form or the API, with problems keyed for the
// message catalogs (the file checker uses the English messages of the same checks).
import type { z } from 'zod';
import { ValidationFailed, type FieldProblem } from '../http/errors';
import { clauseSchema, crossCheck, type ClauseDocument } from './schema';

function zodProblem(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.join('.');
  if (issue.code === 'invalid_value') return { field, messageKey: 'validation.one_of' };
  if (issue.code === 'too_small' && issue.origin === 'string') return { field, messageKey: 'validation.required' };
  if (issue.code === 'too_small' && issue.origin === 'array') return { field, messageKey: 'validation.required' };
  if (issue.code === 'too_big' && issue.origin === 'number')
    return { field, messageKey: 'validation.number_range', params: { min: 1, max: Number(issue.maximum) } };
  if (issue.code === 'too_small' && issue.origin === 'number')
    return { field, messageKey: 'validation.number_range', params: { min: Number(issue.minimum), max: 60 } };
  if (issue.code === 'invalid_type' && issue.expected === 'number') return { field, messageKey: 'validation.number' };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { field, messageKey: 'validation.required' };
  if (issue.code === 'invalid_format' && field === 'reviewed') return { field, messageKey: 'validation.date' };
  return { field, messageKey: 'validation.invalid' };
}

export function validateClause(candidate: unknown, categoryCodes: Set<string>): ClauseDocument {
  const parsed = clauseSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) throw new ValidationFailed(parsed.error.issues.map(zodProblem));
  const problems = crossCheck(parsed.data, categoryCodes).map((p) => ({
    field: p.field,
    messageKey: p.key,
    params: p.params,
  }));
  if (problems.length > 0) throw new ValidationFailed(problems);
  return parsed.data;
}
