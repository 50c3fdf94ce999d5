// The clause editor's form as a browser submits it, for tests that create or edit clauses over HTTP.
import type { ClauseDocument } from '../../server/clauses/schema';

/** Field names as a browser sends the editor's form: title[nl], legal_basis[0][source], categories[]. */
function browserFields(
  value: unknown,
  prefix = '',
  out: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
    out[`${prefix}[]`] = value.map(String);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => browserFields(v, `${prefix}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) browserFields(v, prefix ? `${prefix}[${k}]` : k, out);
  } else {
    out[prefix] = value === undefined || value === null ? '' : String(value);
  }
  return out;
}

/** The editor's form fields for a clause document. */
export function formBody(doc: ClauseDocument, extra: Record<string, unknown> = {}) {
  return browserFields({
    id: doc.id,
    theme: doc.theme,
    stage: doc.stage,
    level: doc.level,
    owner: doc.owner,
    reviewed: doc.reviewed,
    award_weight: doc.award_weight ?? '',
    categories: doc.categories,
    title: doc.title,
    text: doc.text,
    verification: { proof: doc.verification.proof, check: doc.verification.check, moments: doc.verification.moments },
    guidance: doc.guidance,
    legal_basis: doc.legal_basis.map((b) => ({ source: b.source, article: b.article ?? '' })),
    parameters: doc.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      default: String(p.default),
      min: p.min ?? '',
      max: p.max ?? '',
      label_nl: p.label.nl,
      label_fr: p.label.fr,
    })),
    related: '',
    ...extra,
  });
}
