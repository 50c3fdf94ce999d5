// Converts the editor's HTML form to a clause document (and back, to fill the form in).
import type { ClauseDocument } from './schema';

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
const localized = (value: unknown) => ({ nl: str(obj(value).nl), fr: str(obj(value).fr) });

function numberOrText(value: string, numeric: boolean): number | string | undefined {
  if (value === '') return undefined;
  if (!numeric) return value;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
}

export function candidateFromForm(body: Body): Record<string, unknown> {
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
          label: { nl: str(row.label_nl), fr: str(row.label_fr) },
        };
      }),
    title: localized(body.title),
    text: localized(body.text),
    verification: {
      proof: localized(verification.proof),
      check: localized(verification.check),
      moments: arr(verification.moments).map(str).filter(Boolean),
    },
    guidance: {
      when_to_use: localized(guidance.when_to_use),
      market_readiness: localized(guidance.market_readiness),
      cost_impact: localized(guidance.cost_impact),
      pitfalls: localized(guidance.pitfalls),
    },
    related: str(body.related)
      .split(/[\s,]+/)
      .map((s) => s.toUpperCase())
      .filter(Boolean),
  };
}

/** Values for the form, with empty rows to add legal bases and parameters. */
export function formValues(document?: Partial<ClauseDocument>) {
  const legal = [...(document?.legal_basis ?? [])];
  while (legal.length < LEGAL_ROWS) legal.push({ source: '', article: '' } as never);
  const parameters = (document?.parameters ?? []).map((p) => ({ ...p, label_nl: p.label.nl, label_fr: p.label.fr }));
  while (parameters.length < PARAMETER_ROWS)
    parameters.push({ name: '', type: 'percentage', default: '', label_nl: '', label_fr: '' } as never);
  return { ...document, legal_basis: legal, parameters, related: (document?.related ?? []).join(', ') };
}
