// Prepares a tender document: resolves the chosen clauses (published versions), fills in parameters,
// works out the award weights and runs the checks a buyer sees before downloading.
import type { ClauseService } from '../clauses/service';
import type { ClauseDocument, ClauseParameter } from '../clauses/schema';
import { STAGES } from '../clauses/vocabulary';
import { NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import { LANGUAGES } from '../i18n/languages';
import { readNumber } from '../i18n/numbers';
import { awardBasis, awardChecks, type AwardBasis } from './award-checks';
import { numberProblemKey, type ContractType, type TenderRequest } from './model';

export interface ResolvedClause {
  document: ClauseDocument;
  values: Record<string, string | number>;
  weight?: number;
  selectedVersion?: number;
}

export type CheckSeverity = 'error' | 'warning' | 'notice';

export interface Check {
  severity: CheckSeverity;
  key: string;
  params?: Record<string, string | number>;
}

export interface TenderPlan {
  request: TenderRequest;
  contractType: ContractType;
  clauses: ResolvedClause[];
  priceWeight: number;
  /** Price alone, or the best price-quality ratio: the document's award wording follows it. */
  awardBasis: AwardBasis;
  checks: Check[];
}

/** Brussels regional rules expect social clauses above these amounts (circular of 26 November 2020). The amounts are
 * those verified for the circular of 19 July 2018 it replaced; docs/legal-sources.md lists them for a lawyer to confirm. */
export const SOCIAL_CLAUSE_WORKS_THRESHOLD = 750_000;
export const SOCIAL_CLAUSE_SERVICE_DAYS = 60;

const SERVICE_CATEGORIES = new Set(['cleaning', 'security', 'green_spaces', 'events', 'catering']);

export function inferContractType(
  request: Pick<TenderRequest, 'contractType' | 'category'>,
  clauses: ClauseDocument[],
): ContractType {
  if (request.contractType) return request.contractType;
  const categories = new Set([request.category, ...clauses.flatMap((c) => c.categories)].filter(Boolean) as string[]);
  if (categories.has('construction')) return 'works';
  if ([...categories].some((c) => SERVICE_CATEGORIES.has(c))) return 'services';
  return 'supplies';
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

const stageOrder = (stage: string) => STAGES.indexOf(stage as (typeof STAGES)[number]);

/** What planning needs from the clause library: a published clause, or the successor of a retired one. */
export type ClauseLookup = Pick<ClauseService, 'publishedOrReplacement'>;

export async function planTender(
  request: TenderRequest,
  clauses: ClauseLookup,
  euServicesThreshold: number,
): Promise<TenderPlan> {
  const problems: FieldProblem[] = [];
  const resolved: ResolvedClause[] = [];
  const seen = new Set<string>();
  for (const [i, requested] of request.clauseIds.entries()) {
    if (seen.has(requested)) continue;
    seen.add(requested);
    try {
      // A clause retired in favour of another (merged clauses) stands for its successor.
      const { version } = await clauses.publishedOrReplacement(requested);
      const id = version.document.id;
      if (id !== requested && seen.has(id)) continue;
      seen.add(id);
      const given = request.parameters[id] ?? request.parameters[requested] ?? {};
      const values = Object.fromEntries(
        version.document.parameters.map((p) => [p.name, parameterValue(id, p, given[p.name], problems)]),
      );
      resolved.push({ document: version.document, values, selectedVersion: request.selectedVersions?.[id] });
    } catch (err) {
      // Only a clause that does not exist (or is not published) is the buyer's problem; a database failure is not.
      if (!(err instanceof NotFound)) throw err;
      problems.push({ field: `clauseIds.${i}`, messageKey: 'tender.errors.unknown_clause', params: { id: requested } });
    }
  }
  const weights = request.weights ?? {};
  for (const key of Object.keys(weights)) {
    if (key !== 'price' && !resolved.some((c) => c.document.id === key && c.document.stage === 'award')) {
      problems.push({ field: `weights.${key}`, messageKey: 'tender.errors.weight_not_award', params: { id: key } });
    }
  }
  for (const clause of resolved) {
    if (clause.document.stage === 'award')
      clause.weight = weights[clause.document.id] ?? clause.document.award_weight ?? 0;
  }
  const awardTotal = resolved.reduce((sum, c) => sum + (c.weight ?? 0), 0);
  const priceWeight = weights.price ?? Math.max(0, 100 - awardTotal);
  if (problems.length > 0) throw new ValidationFailed(problems);

  resolved.sort(
    (a, b) => stageOrder(a.document.stage) - stageOrder(b.document.stage) || (a.document.id < b.document.id ? -1 : 1),
  );
  const documents = resolved.map((c) => c.document);
  const contractType = inferContractType(request, documents);
  const checks: Check[] = [];

  const total = priceWeight + awardTotal;
  if (Math.abs(total - 100) > 1e-9)
    checks.push({
      severity: 'error',
      key: 'tender.checks.weights_total',
      params: { total: Math.round(total * 100) / 100 },
    });

  for (const clause of resolved) {
    const { stage, verification, id } = clause.document;
    if (
      (stage === 'award' || stage === 'selection') &&
      (LANGUAGES.some((l) => !verification.proof[l].trim()) || verification.moments.length === 0)
    ) {
      checks.push({ severity: 'warning', key: 'tender.checks.verification_missing', params: { id } });
    }
  }

  const specs = resolved.filter((c) => c.document.stage === 'technical_specification');
  for (const award of resolved.filter((c) => c.document.stage === 'award')) {
    for (const spec of specs) {
      const linked =
        (award.document.related ?? []).includes(spec.document.id) ||
        (spec.document.related ?? []).includes(award.document.id);
      if (linked)
        checks.push({
          severity: 'warning',
          key: 'tender.checks.spec_and_award',
          params: { spec: spec.document.id, award: award.document.id },
        });
    }
  }

  const hasSocial = documents.some((d) => d.theme === 'social');
  const value = request.estimatedValue ?? 0;
  const longService =
    contractType === 'services' &&
    (request.durationDays ?? 0) > SOCIAL_CLAUSE_SERVICE_DAYS &&
    value >= euServicesThreshold;
  if (!hasSocial && ((contractType === 'works' && value > SOCIAL_CLAUSE_WORKS_THRESHOLD) || longService)) {
    checks.push({
      severity: 'warning',
      key: contractType === 'works' ? 'tender.checks.social_works' : 'tender.checks.social_services',
      params: { amount: SOCIAL_CLAUSE_WORKS_THRESHOLD, days: SOCIAL_CLAUSE_SERVICE_DAYS },
    });
  }

  for (const clause of resolved) {
    if (clause.selectedVersion && clause.selectedVersion < clause.document.version) {
      checks.push({
        severity: 'notice',
        key: 'tender.checks.revised',
        params: { id: clause.document.id, from: clause.selectedVersion, to: clause.document.version },
      });
    }
  }
  if (request.lots.length === 1) checks.push({ severity: 'notice', key: 'tender.checks.single_lot' });
  checks.push(...awardChecks(resolved, priceWeight));

  return { request, contractType, clauses: resolved, priceWeight, awardBasis: awardBasis(resolved), checks };
}

export const hasBlockingCheck = (plan: TenderPlan) => plan.checks.some((c) => c.severity === 'error');
