// The lot-level fields of an eForms notice: CPV, value, strategic procurement codes, reservations, award criteria.
import { all, attr, coded, eformsExtension, first, text, textAt, type XNode } from './xml';
import { emptyStrategic, type AwardCriterion, type NoticeLot, type StrategicCodes } from './model';

const STRATEGIC_LISTS: Record<keyof StrategicCodes, string> = {
  bt06: 'strategic-procurement',
  bt774: 'environmental-impact',
  bt775: 'social-objective',
  bt776: 'innovative-acquisition',
  bt805: 'gpp-criteria',
};

const unique = (values: string[]) => [...new Set(values)];
const withoutNone = (values: string[]) => unique(values.filter((v) => v !== 'none'));

export function numberOrNull(value: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The strategic codes found in cac:ProcurementAdditionalType elements of a cac:ProcurementProject. */
export function strategicCodes(project: XNode | undefined): StrategicCodes {
  const codes = emptyStrategic();
  for (const key of Object.keys(STRATEGIC_LISTS) as (keyof StrategicCodes)[]) {
    codes[key] = withoutNone(
      coded(project, STRATEGIC_LISTS[key], 'cac:ProcurementAdditionalType', 'cbc:ProcurementTypeCode'),
    );
  }
  return codes;
}

export function mergeStrategic(parts: StrategicCodes[]): StrategicCodes {
  const merged = emptyStrategic();
  for (const key of Object.keys(merged) as (keyof StrategicCodes)[]) merged[key] = unique(parts.flatMap((p) => p[key]));
  return merged;
}

/** BT-262 and BT-263 of a cac:ProcurementProject. */
export function cpvCodes(project: XNode | undefined): { main: string | null; additional: string[] } {
  const main = coded(project, 'cpv', 'cac:MainCommodityClassification', 'cbc:ItemClassificationCode')[0] ?? null;
  const additional = coded(project, 'cpv', 'cac:AdditionalCommodityClassification', 'cbc:ItemClassificationCode');
  return { main, additional: unique(additional.filter((c) => c !== main)) };
}

function awardCriteria(terms: XNode | undefined): AwardCriterion[] {
  return all(terms, 'cac:AwardingTerms', 'cac:AwardingCriterion', 'cac:SubordinateAwardingCriterion').map((c) => {
    const type = coded(c, 'award-criterion-type', 'cbc:AwardingCriterionTypeCode')[0] ?? '';
    const parameter = all(eformsExtension(c), 'efac:AwardCriterionParameter').find(
      (p) => attr(first(p, 'efbc:ParameterCode'), 'listName') === 'number-weight',
    );
    const weightKind = parameter ? textAt(parameter, 'efbc:ParameterCode') || null : null;
    const weight = parameter ? numberOrNull(textAt(parameter, 'efbc:ParameterNumeric')) : null;
    return { type, weight, weightKind };
  });
}

/**
 * The share (0–100) of a lot's award weight on quality criteria, the non-price ones (price and cost, such as a
 * life-cycle cost, are both price-type criteria in the directive's sense): from the weights when every criterion
 * has a percentage or points weight; 0 when every criterion is price or cost, 100 when all are quality; else null.
 */
export function nonPriceShare(criteria: AwardCriterion[]): number | null {
  if (criteria.length === 0) return null;
  const weighted = criteria.every(
    (c) => c.weight !== null && (c.weightKind === null || /^(per|poi)-exa$/.test(c.weightKind)),
  );
  const total = criteria.reduce((sum, c) => sum + (c.weight ?? 0), 0);
  if (weighted && total > 0) {
    const nonPrice = criteria.filter((c) => c.type === 'quality').reduce((sum, c) => sum + (c.weight ?? 0), 0);
    return Math.round((nonPrice / total) * 10_000) / 100;
  }
  if (criteria.every((c) => c.type === 'price' || c.type === 'cost')) return 0;
  if (criteria.every((c) => c.type === 'quality')) return 100;
  return null;
}

export function parseLot(lot: XNode): NoticeLot {
  const project = first(lot, 'cac:ProcurementProject');
  const terms = first(lot, 'cac:TenderingTerms');
  const { main, additional } = cpvCodes(project);
  const deadline = textAt(lot, 'cac:TenderingProcess', 'cac:TenderSubmissionDeadlinePeriod', 'cbc:EndDate');
  return {
    id: textAt(lot, 'cbc:ID'),
    title: text(first(project, 'cbc:Name')),
    mainCpv: main,
    additionalCpv: additional,
    estimatedValue: numberOrNull(textAt(project, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount')),
    strategic: strategicCodes(project),
    reservedParticipation: withoutNone(
      coded(
        terms,
        'reserved-procurement',
        'cac:TendererQualificationRequest',
        'cac:SpecificTendererRequirement',
        'cbc:TendererRequirementTypeCode',
      ),
    ),
    reservedExecution:
      coded(terms, 'reserved-execution', 'cac:ContractExecutionRequirement', 'cbc:ExecutionRequirementCode')[0] ?? null,
    awardCriteria: awardCriteria(terms),
    submissionDeadline: deadline ? deadline.slice(0, 10) : null,
  };
}
