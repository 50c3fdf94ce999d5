// The checks of a tender plan as sentences in a language: for the review page and the API's check answer.
import { translate } from '../i18n/catalog';
import { formatDate, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Check, TenderPlan } from './plan';

export interface CheckMessage {
  severity: Check['severity'];
  key: string;
  message: string;
}

/** Amounts in a check's message written as the language writes numbers (750.000, 750 000), dates as it writes dates. */
const readableParams = (lang: Lang, params: Check['params'] = {}) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (k === 'amount' && typeof v === 'number') return [k, formatNumber(lang, v)];
      if (k === 'date' && typeof v === 'string') return [k, formatDate(lang, new Date(v))];
      return [k, v];
    }),
  );

export function checkMessages(plan: TenderPlan, lang: Lang): CheckMessage[] {
  return plan.checks.map((c) => ({
    severity: c.severity,
    key: c.key,
    message: translate(lang, c.key, readableParams(lang, c.params)),
  }));
}
