// Validates a clause document coming from the editor's form or the API, with problems keyed for the
// message catalogs (the file checker uses the English messages of the same checks).
import { ValidationFailed } from '../http/errors';
import { parseOrFail } from '../http/validation';
import { clauseSchema, crossCheck, type ClauseDocument } from './schema';

export function validateClause(candidate: unknown, categoryCodes: Set<string>): ClauseDocument {
  const document = parseOrFail(clauseSchema, candidate);
  const problems = crossCheck(document, categoryCodes).map((p) => ({
    field: p.field,
    messageKey: p.key,
    params: p.params,
  }));
  if (problems.length > 0) throw new ValidationFailed(problems);
  return document;
}
