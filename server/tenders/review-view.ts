// What the review page shows before the download: the checks, the figures as the document prints them,
// the weights with their total (the form's running total needs JavaScript), and the eForms hints.
import { basisStatus } from '../clauses/legal-status';
import { translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import { checkMessages } from './check-messages';
import { eformsHints } from './eforms-hints';
import type { TenderFormValues } from './form';
import type { TenderPlan } from './plan';
import { printedFacts } from './printed';

export function reviewView(plan: TenderPlan, form: TenderFormValues, l: Lang) {
  return {
    section: 'tender',
    title: translate(l, 'tender.review_title'),
    form,
    docLang: translate(l, `language.${form.lang}`),
    procedure: translate(l, `procedures.${form.procedure}`),
    printed: printedFacts(plan, l),
    eforms: eformsHints(
      plan.clauses.map((c) => c.document),
      l,
    ),
    checks: checkMessages(plan, l),
    blocked: plan.checks.some((c) => c.severity === 'error'),
    weights: [
      { name: translate(l, 'doc.price'), weight: plan.priceWeight },
      ...plan.clauses
        .filter((c) => c.weight !== undefined)
        .map((c) => ({ name: c.document.title[l], weight: c.weight })),
    ],
    weightsTotal: formatNumber(l, plan.priceWeight + plan.clauses.reduce((sum, c) => sum + (c.weight ?? 0), 0)),
    clauses: plan.clauses.map((c) => ({
      id: c.document.id,
      title: c.document.title[l],
      stage: c.document.stage,
      level: c.document.level,
      basisStatus: basisStatus(c.document, l),
    })),
  };
}
