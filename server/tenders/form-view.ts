// What the tender form page shows: each field's value as typed (or its default written the Belgian way),
// and an error summary where every message names its field.
import type { ClauseDocument } from '../clauses/schema';
import type { FieldErrors } from '../http/forms';
import { translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { TenderFormValues } from './form';

const FIELD_LABELS: Record<string, string> = {
  authority: 'tender.authority',
  title: 'tender.tender_title',
  reference: 'tender.reference',
  procedure: 'tender.procedure',
  contractType: 'tender.contract_type',
  estimatedValue: 'tender.estimated_value',
  durationDays: 'tender.duration',
  lots: 'tender.lots',
  'weights.price': 'tender.price_weight',
  weights: 'tender.weights',
};

/** The label of a form field as the page shows it, for naming the field in the error summary. */
export function fieldLabel(lang: Lang, field: string, documents: ClauseDocument[]): string | undefined {
  if (FIELD_LABELS[field]) return translate(lang, FIELD_LABELS[field]);
  const [kind, id, name] = field.split('.');
  if (kind === 'weights' && id) return translate(lang, 'tender.weight_of', { id });
  if (kind === 'parameters' && id && name) {
    const label = documents.find((d) => d.id === id)?.parameters.find((p) => p.name === name)?.label[lang];
    return label ? `${label} (${id})` : undefined;
  }
  return undefined;
}

/** Every message with the name of its field in front ("Geraamde waarde: schrijf een bedrag …"), beside the field too. */
export function labelledErrors(lang: Lang, errors: FieldErrors, documents: ClauseDocument[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const label = fieldLabel(lang, field, documents);
      return [field, label ? translate(lang, 'tender.field_error', { field: label, message }) : message];
    }),
  );
}

/** The id of the input a problem belongs to, for the summary's links (the form names clause inputs p-…, w-…). */
function anchorOf(field: string): string {
  const [kind, id, name] = field.split('.');
  if (kind === 'parameters' && id && name) return `p-${id}-${name}`;
  if (kind === 'weights' && id) return `w-${id}`;
  return `field-${field}`;
}

/** The error summary of the form: labelled messages (from `labelledErrors`), each linking to its input. */
export function labelledErrorSummary(labelled: FieldErrors): { field: string; message: string; anchor: string }[] {
  return Object.entries(labelled).map(([field, message]) => ({ field, message, anchor: anchorOf(field) }));
}

/** The form's value for a clause parameter: what the buyer typed, else the default in the page's notation. */
export function parameterFieldValue(
  lang: Lang,
  form: TenderFormValues,
  document: ClauseDocument,
  parameter: ClauseDocument['parameters'][number],
): string {
  const typed = form.parameters[document.id]?.[parameter.name];
  if (typed !== undefined) return typed;
  return typeof parameter.default === 'number' ? formatNumber(lang, parameter.default, 6) : parameter.default;
}
