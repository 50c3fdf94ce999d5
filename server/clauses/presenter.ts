// Shapes clauses for pages and the API: texts in one language, placeholders shown (or filled in),
// legal bases with their titles, parameters with their labels.
import type { Lang } from '../i18n/languages';
import { LEGAL_SOURCES, type LegalSourceCode } from './legal-sources';
import { PLACEHOLDER, type ClauseDocument, type ClauseParameter } from './schema';
import { escapeHtml } from '../search/snippet';
import { formatNumber } from '../i18n/format';

export function formatParameterValue(parameter: ClauseParameter, value: unknown, lang: Lang): string {
  const raw = value === undefined || value === null || value === '' ? parameter.default : value;
  if (parameter.type === 'text') return String(raw);
  const n = Number(raw);
  if (!Number.isFinite(n)) return String(raw);
  const formatted = formatNumber(lang, n);
  if (parameter.type === 'money') return `${formatted} EUR`;
  return formatted;
}

/** The clause text as HTML paragraphs, each placeholder marked and labelled with its default. */
export function clauseTextHtml(document: ClauseDocument, lang: Lang): string {
  const byName = new Map(document.parameters.map((p) => [p.name, p]));
  return document.text[lang]
    .split(/\n+/)
    .map((paragraph) => {
      const parts: string[] = [];
      let cursor = 0;
      for (const match of paragraph.matchAll(PLACEHOLDER)) {
        parts.push(escapeHtml(paragraph.slice(cursor, match.index)));
        const parameter = byName.get(match[1]);
        const shown = parameter ? formatParameterValue(parameter, undefined, lang) : match[1];
        const label = parameter ? parameter.label[lang] : match[1];
        parts.push(`<span class="placeholder" title="${escapeHtml(label)}">[${escapeHtml(shown)}]</span>`);
        cursor = (match.index ?? 0) + match[0].length;
      }
      parts.push(escapeHtml(paragraph.slice(cursor)));
      return `<p>${parts.join('')}</p>`;
    })
    .join('\n');
}

/** The clause text as plain text with values filled in (defaults where none is given). */
export function clauseTextPlain(document: ClauseDocument, lang: Lang, values: Record<string, unknown> = {}): string {
  const byName = new Map(document.parameters.map((p) => [p.name, p]));
  return document.text[lang].replace(PLACEHOLDER, (whole, name: string) => {
    const parameter = byName.get(name);
    return parameter ? formatParameterValue(parameter, values[name], lang) : whole;
  });
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
