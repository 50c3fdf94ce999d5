// Checks on what the award says and on what the selection leaves out: a tender awarded on price alone is
// worded as such (not "best price-quality ratio"), criteria without points are pointed out, and the basis
// clauses of the tender's category that were not chosen are named.
import type { Check, ResolvedClause } from './plan';

/** How the contract is awarded: on price alone, or on the best price-quality ratio (law of 17 June 2016, art. 81). */
export type AwardBasis = 'price_only' | 'price_quality';

export function awardBasis(clauses: ResolvedClause[]): AwardBasis {
  return clauses.some((c) => c.document.stage === 'award' && (c.weight ?? 0) > 0) ? 'price_quality' : 'price_only';
}

export function awardChecks(clauses: ResolvedClause[], priceWeight: number): Check[] {
  const checks: Check[] = [];
  const awards = clauses.filter((c) => c.document.stage === 'award');
  for (const clause of awards) {
    if ((clause.weight ?? 0) === 0)
      checks.push({
        severity: 'warning',
        key: 'tender.checks.award_without_points',
        params: { id: clause.document.id },
      });
  }
  if (awardBasis(clauses) === 'price_only') checks.push({ severity: 'notice', key: 'tender.checks.price_only' });
  else if (priceWeight === 0) checks.push({ severity: 'warning', key: 'tender.checks.price_weight_zero' });
  return checks;
}

/** The basis clauses of a category, as the service finds them, to compare with the selection. */
export interface CategoryBasis {
  code: string;
  name: string;
  ids: string[];
}

export function basisChecks(clauses: ResolvedClause[], basis: CategoryBasis | undefined): Check[] {
  if (!basis) return [];
  const chosen = new Set(clauses.map((c) => c.document.id));
  const missing = basis.ids.filter((id) => !chosen.has(id));
  if (missing.length === 0) return [];
  return [
    {
      severity: 'warning',
      key: 'tender.checks.basis_missing',
      params: { category: basis.name, ids: missing.join(', '), count: missing.length },
    },
  ];
}
