// A short extract of a text around the first matched word, HTML-escaped, matches wrapped in <mark>.
import type { Lang } from '../i18n/languages';
import { analyseWord, words } from './analysis';
import type { ParsedQuery } from './query';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const WINDOW = 220;

function isMatch(word: string, lang: Lang, query: ParsedQuery): boolean {
  const term = analyseWord(lang, word.toLowerCase());
  if (!term) return false;
  return query.words.some(
    (w) =>
      term.stemmed === w.stemmed ||
      (w.folded.length >= 3 && (term.stemmed.startsWith(w.folded) || term.folded.startsWith(w.folded))),
  );
}

export function snippet(text: string, lang: Lang, query: ParsedQuery): string {
  const plain = text
    .replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, '[…]')
    .replace(/\s+/g, ' ')
    .trim();
  const spans = words(plain).filter((s) => query.words.length > 0 && isMatch(plain.slice(s.start, s.end), lang, query));
  let start = 0;
  if (spans.length > 0) start = Math.max(0, spans[0].start - 60);
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space > 0 && space < spans[0].start ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + WINDOW);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let cursor = start;
  for (const span of spans) {
    if (span.start < start || span.end > end) continue;
    out +=
      escapeHtml(plain.slice(cursor, span.start)) +
      '<mark>' +
      escapeHtml(plain.slice(span.start, span.end)) +
      '</mark>';
    cursor = span.end;
  }
  out += escapeHtml(plain.slice(cursor, end));
  return `${start > 0 ? '… ' : ''}${out}${end < plain.length ? ' …' : ''}`;
}
