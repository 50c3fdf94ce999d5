// Prepares a tender document: resolves the chosen clauses (published versions), fills in parameters,
// works out the award weights and runs the checks a buyer sees before downloading.
import type { ClauseService } from '../clauses/service';
import type { AnnexView } from '../clauses/annex-presenter';
import type { ClauseDocument } from '../clauses/schema';
import { STAGES } from '../clauses/vocabulary';
import { ValidationFailed } from '../http/errors';
import { LANGUAGES } from '../i18n/languages';
import { awardBasis, awardChecks, type AwardBasis } from './award-checks';
import type { ContractType, TenderRequest } from './model';
import { resolveClauses, type ResolvedClause, type VersionLookup } from './resolve-clauses';
import { SOCIAL_CLAUSE_SERVICE_DAYS, SOCIAL_CLAUSE_WORKS_THRESHOLD } from './social-thresholds';

export type { ResolvedClause } from './resolve-clauses';

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
  /** The library annexes the chosen clauses refer to, in the document's language (they travel to the worker). */
  annexes: AnnexView[];
}

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

const stageOrder = (stage: string) => STAGES.indexOf(stage as (typeof STAGES)[number]);

/** What planning needs from the clause library: the clauses and their versions, and the annexes they refer to. */
export type ClauseLookup = VersionLookup & Pick<ClauseService, 'annexes'>;

/** The library annexes the chosen clauses refer to, each once, in the order the document first refers to them. */
export function referencedAnnexIds(clauses: ResolvedClause[]): string[] {
  return [...new Set(clauses.flatMap((c) => c.document.annexes ?? []))];
}

/**
 * The period (a parameter named …years) that the first clause referring to an annex sets, for the annex's `years`
 * column: the life-cycle cost worksheet then counts the years the clause text says.
 */
export function annexPeriods(clauses: ResolvedClause[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const clause of clauses) {
    const period = clause.document.parameters.find((p) => p.type !== 'text' && /years$/.test(p.name));
    const years = period ? Number(clause.values[period.name]) : NaN;
    for (const id of clause.document.annexes ?? [])
      if (!out[id] && Number.isFinite(years) && years > 0) out[id] = { years };
  }
  return out;
}

export async function planTender(
  request: TenderRequest,
  clauses: ClauseLookup,
  euServicesThreshold: number,
): Promise<TenderPlan> {
  const { resolved, problems } = await resolveClauses(request, clauses);
  const weights = request.weights ?? {};
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
    if (clause.kept) {
      checks.push({
        severity: 'notice',
        key: 'tender.checks.kept_older',
        params: {
          id: clause.document.id,
          version: clause.document.version,
          latest: clause.kept.latestVersion,
          date: clause.kept.latestPublishedOn,
        },
      });
    } else if (clause.selectedVersion && clause.selectedVersion < clause.document.version) {
      checks.push({
        severity: 'notice',
        key: 'tender.checks.revised',
        params: { id: clause.document.id, from: clause.selectedVersion, to: clause.document.version },
      });
    }
  }
  if (request.lots.length === 1) checks.push({ severity: 'notice', key: 'tender.checks.single_lot' });
  checks.push(...awardChecks(resolved, priceWeight));

  const annexes = await clauses.annexes(referencedAnnexIds(resolved), request.lang, annexPeriods(resolved));
  return { request, contractType, clauses: resolved, priceWeight, awardBasis: awardBasis(resolved), checks, annexes };
}

export const hasBlockingCheck = (plan: TenderPlan) => plan.checks.some((c) => c.severity === 'error');
