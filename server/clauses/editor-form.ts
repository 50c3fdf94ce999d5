// Converts the editor's HTML form to a clause document (and back, to fill the form in). What the form does not
// show is kept from the version being edited: texts in further languages (en), eForms codes, annexes, derogation,
// replaced_by.
import { LANGUAGES } from '../i18n/languages';
import { GUIDANCE_KEYS, type ClauseDocument, type Localized } from './schema';

export const LEGAL_ROWS = 5;
export const PARAMETER_ROWS = 6;

type Body = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');
const obj = (value: unknown): Body =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
const arr = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? value
    : value && typeof value === 'object'
      ? Object.values(value as Body)
      : value === undefined
        ? []
        : [value];
/** The form's languages from the body; any other language the stored text has is kept as it was. */
const localized = (value: unknown, kept?: Localized): Localized => ({
  ...kept,
  ...(Object.fromEntries(LANGUAGES.map((l) => [l, str(obj(value)[l])])) as Localized),
});
const FORM_LESS_FIELDS = ['eforms', 'annexes', 'derogation', 'replaced_by'] as const;

function numberOrText(value: string, numeric: boolean): number | string | undefined {
  if (value === '') return undefined;
  if (!numeric) return value;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
}

export function candidateFromForm(body: Body, base?: ClauseDocument): Record<string, unknown> {
  const verification = obj(body.verification);
  const guidance = obj(body.guidance);
  const weight = str(body.award_weight);
  return {
    id: str(body.id).toUpperCase() || undefined,
    theme: str(body.theme),
    stage: str(body.stage),
    level: str(body.level),
    owner: str(body.owner),
    reviewed: str(body.reviewed),
    ...(weight ? { award_weight: Number.isFinite(Number(weight)) ? Number(weight) : weight } : {}),
    categories: arr(body.categories).map(str).filter(Boolean),
    legal_basis: arr(body.legal_basis)
      .map(obj)
      .filter((row) => str(row.source))
      .map((row) => ({ source: str(row.source), ...(str(row.article) ? { article: str(row.article) } : {}) })),
    parameters: arr(body.parameters)
      .map(obj)
      .filter((row) => str(row.name))
      .map((row) => {
        const numeric = str(row.type) !== 'text';
        const min = numberOrText(str(row.min), true);
        const max = numberOrText(str(row.max), true);
        return {
          name: str(row.name),
          type: str(row.type),
          default: numberOrText(str(row.default), numeric) ?? '',
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
          label: localized(
            Object.fromEntries(LANGUAGES.map((l) => [l, row[`label_${l}`]])),
            base?.parameters.find((p) => p.name === str(row.name))?.label,
          ),
        };
      }),
    title: localized(body.title, base?.title),
    text: localized(body.text, base?.text),
    verification: {
      proof: localized(verification.proof, base?.verification.proof),
      check: localized(verification.check, base?.verification.check),
      moments: arr(verification.moments).map(str).filter(Boolean),
    },
    guidance: Object.fromEntries(GUIDANCE_KEYS.map((key) => [key, localized(guidance[key], base?.guidance[key])])),
    related: str(body.related)
      .split(/[\s,]+/)
      .map((s) => s.toUpperCase())
      .filter(Boolean),
    ...Object.fromEntries(FORM_LESS_FIELDS.filter((f) => base?.[f] !== undefined).map((f) => [f, base![f]])),
  };
}

/** Values for the form, with empty rows to add legal bases and parameters. */
export function formValues(document?: Partial<ClauseDocument>) {
  const legal = [...(document?.legal_basis ?? [])];
  while (legal.length < LEGAL_ROWS) legal.push({ source: '', article: '' } as never);
  const labels = (label?: Partial<Localized>) =>
    Object.fromEntries(LANGUAGES.map((l) => [`label_${l}`, label?.[l] ?? '']));
  const parameters = (document?.parameters ?? []).map((p) => ({ ...p, ...labels(p.label) }));
  while (parameters.length < PARAMETER_ROWS)
    parameters.push({ name: '', type: 'percentage', default: '', ...labels() } as never);
  return { ...document, legal_basis: legal, parameters, related: (document?.related ?? []).join(', ') };
}
