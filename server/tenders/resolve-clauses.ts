// The chosen clauses as the document prints them: the published version (or the older version the buyer kept),
// the successor of a retired clause, the parameters read the Belgian way, and the award weights. Every problem
// is collected, so the form can show them all at once.
import type { ClauseService } from '../clauses/service';
import type { ClauseDocument, ClauseParameter } from '../clauses/schema';
import type { ClauseVersion } from '../clauses/model';
import { NotFound, type FieldProblem } from '../http/errors';
import { readNumber } from '../i18n/numbers';
import { numberProblemKey } from './model';

export interface ResolvedClause {
  document: ClauseDocument;
  values: Record<string, string | number>;
  weight?: number;
  selectedVersion?: number;
  /** Set when the buyer keeps the older version chosen although a newer one is published. */
  kept?: { latestVersion: number; latestPublishedOn: string };
}

/** What resolving needs from the clause library: a published clause (or a retired one's successor), a version. */
export type VersionLookup = Pick<ClauseService, 'publishedOrReplacement' | 'version'>;

/** What resolving reads from the request: the schema's output, or what could be read of an invalid one. */
export interface ClauseChoice {
  clauseIds: string[];
  parameters: Record<string, Record<string, unknown>>;
  weights?: Record<string, number>;
  selectedVersions?: Record<string, number>;
  keepVersions?: string[];
}

function parameterValue(
  clauseId: string,
  parameter: ClauseParameter,
  given: unknown,
  problems: FieldProblem[],
): string | number {
  const field = `parameters.${clauseId}.${parameter.name}`;
  if (given === undefined || given === null || given === '') return parameter.default;
  if (parameter.type === 'text') {
    const value = String(given).trim();
    if (value.length > 500) problems.push({ field, messageKey: 'validation.too_long', params: { max: 500 } });
    return value || parameter.default;
  }
  const parsed = readNumber(given);
  if (!parsed.ok) {
    const kind = parameter.type === 'money' ? 'amount' : parameter.type === 'integer' ? 'integer' : 'number';
    problems.push({ field, messageKey: numberProblemKey(kind, parsed.problem) });
    return parameter.default;
  }
  const n = parsed.value;
  if ((parameter.min !== undefined && n < parameter.min) || (parameter.max !== undefined && n > parameter.max)) {
    problems.push({
      field,
      messageKey: 'validation.number_range',
      params: { min: parameter.min ?? 0, max: parameter.max ?? 1e9 },
    });
  }
  if (parameter.type === 'integer' && !Number.isInteger(n))
    problems.push({ field, messageKey: numberProblemKey('integer', 'invalid') });
  return n;
}

/** The older version the buyer keeps, when it was once published; otherwise undefined (the newer one prints). */
async function keptVersion(
  clauses: VersionLookup,
  latest: ClauseVersion,
  selected: number | undefined,
  keep: boolean,
): Promise<ClauseVersion | undefined> {
  if (!keep || !selected || selected >= latest.version) return undefined;
  try {
    const older = await clauses.version(latest.clauseId, selected);
    return older.status === 'published' || older.status === 'superseded' ? older : undefined;
  } catch (err) {
    if (err instanceof NotFound) return undefined;
    throw err;
  }
}

export async function resolveClauses(
  choice: ClauseChoice,
  clauses: VersionLookup,
): Promise<{ resolved: ResolvedClause[]; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const resolved: ResolvedClause[] = [];
  const seen = new Set<string>();
  const keep = new Set(choice.keepVersions ?? []);
  for (const [i, requested] of choice.clauseIds.entries()) {
    if (seen.has(requested)) continue;
    seen.add(requested);
    try {
      // A clause retired in favour of another (merged clauses) stands for its successor.
      const { version: latest } = await clauses.publishedOrReplacement(requested);
      const id = latest.document.id;
      if (id !== requested && seen.has(id)) continue;
      seen.add(id);
      const selectedVersion = choice.selectedVersions?.[id];
      const older = await keptVersion(clauses, latest, selectedVersion, keep.has(id));
      const document = (older ?? latest).document;
      const given = choice.parameters[id] ?? choice.parameters[requested] ?? {};
      const values = Object.fromEntries(
        document.parameters.map((p) => [p.name, parameterValue(id, p, given[p.name], problems)]),
      );
      resolved.push({
        document,
        values,
        selectedVersion,
        ...(older
          ? {
              kept: {
                latestVersion: latest.version,
                latestPublishedOn: (latest.publishedAt ?? latest.createdAt ?? new Date(0)).toISOString(),
              },
            }
          : {}),
      });
    } catch (err) {
      // Only a clause that does not exist (or is not published) is the buyer's problem; a database failure is not.
      if (!(err instanceof NotFound)) throw err;
      problems.push({ field: `clauseIds.${i}`, messageKey: 'tender.errors.unknown_clause', params: { id: requested } });
    }
  }
  const weights = choice.weights ?? {};
  for (const key of Object.keys(weights)) {
    if (key !== 'price' && !resolved.some((c) => c.document.id === key && c.document.stage === 'award')) {
      problems.push({ field: `weights.${key}`, messageKey: 'tender.errors.weight_not_award', params: { id: key } });
    }
  }
  for (const clause of resolved) {
    if (clause.document.stage === 'award')
      clause.weight = weights[clause.document.id] ?? clause.document.award_weight ?? 0;
  }
  return { resolved, problems };
}
