// Shapes clauses for pages and the API: texts in one language, placeholders shown (or filled in),
// legal bases with their titles, parameters with their labels.
import type { Lang } from '../i18n/languages';
import { LEGAL_SOURCES, type LegalSourceCode } from './legal-sources';
import { PLACEHOLDER, type ClauseDocument, type ClauseParameter } from './schema';
import { escapeHtml } from '../search/snippet';
import { formatAmount, formatNumber } from '../i18n/format';

export function formatParameterValue(parameter: ClauseParameter, value: unknown, lang: Lang): string {
  const raw = value === undefined || value === null || value === '' ? parameter.default : value;
  if (parameter.type === 'text') return String(raw);
  const n = Number(raw);
  if (!Number.isFinite(n)) return String(raw);
  if (parameter.type === 'money') return formatAmount(lang, n);
  return formatNumber(lang, n);
}

/**
 * A placeholder with the currency the clause text may write after it ("{{penalty}} euro"): a money value
 * carries its own currency, so the text's word is taken with the placeholder and the amount says it once.
 */
const PLACEHOLDER_WITH_CURRENCY = new RegExp(
  String.raw`${PLACEHOLDER.source}([ \u00A0]+(?:euros?|EUR|€)(?!\p{L}))?`,
  'gu',
);

function fillPlaceholders(
  text: string,
  parameters: ClauseParameter[],
  show: (parameter: ClauseParameter | undefined, name: string, whole: string) => string,
): string {
  const byName = new Map(parameters.map((p) => [p.name, p]));
  return text.replace(PLACEHOLDER_WITH_CURRENCY, (whole, name: string, currency: string | undefined) => {
    const parameter = byName.get(name);
    const shown = show(parameter, name, currency ? whole.slice(0, -currency.length) : whole);
    return parameter?.type === 'money' || !currency ? shown : `${shown}${currency}`;
  });
}

/** The clause text as HTML paragraphs, each placeholder marked and labelled with its default. */
export function clauseTextHtml(document: ClauseDocument, lang: Lang): string {
  // Placeholders become private-use markers that escaping leaves alone, then spans.
  const shown: string[] = [];
  const marked = fillPlaceholders(document.text[lang], document.parameters, (parameter, name) => {
    const value = parameter ? formatParameterValue(parameter, undefined, lang) : name;
    const label = parameter ? parameter.label[lang] : name;
    shown.push(`<span class="placeholder" title="${escapeHtml(label)}">[${escapeHtml(value)}]</span>`);
    return `\uE000${shown.length - 1}\uE000`;
  });
  return marked
    .split(/\n+/)
    .map(
      (paragraph) =>
        `<p>${escapeHtml(paragraph).replace(/\uE000(\d+)\uE000/g, (_, i: string) => shown[Number(i)])}</p>`,
    )
    .join('\n');
}

/** The clause text as plain text with values filled in (defaults where none is given). */
export function clauseTextPlain(document: ClauseDocument, lang: Lang, values: Record<string, unknown> = {}): string {
  return fillPlaceholders(document.text[lang], document.parameters, (parameter, name, whole) =>
    parameter ? formatParameterValue(parameter, values[name], lang) : whole,
  );
}

export function legalBasisText(basis: ClauseDocument['legal_basis'][number], lang: Lang): string {
  const source = LEGAL_SOURCES[basis.source as LegalSourceCode];
  const title = source ? source[lang] : basis.source;
  return basis.article ? `${title}, ${basis.article}` : title;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
