// The buyer's figures as the document prints them, in the document's language: the review page repeats
// exactly these, so a value read wrongly ("480.000" taken for 480) is seen before the download.
import { formatParameterValue } from '../clauses/presenter';
import { translate } from '../i18n/catalog';
import { formatAmount, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { TenderPlan } from './plan';

export interface PrintedParameter {
  clauseId: string;
  name: string;
  label: string;
  value: string;
}

export interface PrintedFacts {
  estimatedValue?: string;
  duration?: string;
  lots: string[];
  parameters: PrintedParameter[];
}

/** Figures in the document's language; parameter labels in `labelLang` (the page's language on the review). */
export function printedFacts(plan: TenderPlan, labelLang: Lang = plan.request.lang): PrintedFacts {
  const { request } = plan;
  const lang = request.lang;
  return {
    estimatedValue: request.estimatedValue !== undefined ? formatAmount(lang, request.estimatedValue) : undefined,
    duration: request.durationDays
      ? translate(lang, 'doc.days', { days: formatNumber(lang, request.durationDays) })
      : undefined,
    lots: request.lots.map((l) => l.name),
    parameters: plan.clauses.flatMap((c) =>
      c.document.parameters.map((p) => ({
        clauseId: c.document.id,
        name: p.name,
        label: p.label[labelLang],
        value: formatParameterValue(p, c.values[p.name], lang),
      })),
    ),
  };
}
