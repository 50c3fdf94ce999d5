// A short extract of a text around the first matched word, HTML-escaped, matches wrapped in <mark>
// (every term a match may be on: the words typed, their synonyms, corrections and compounds).
// Only the words up to the end of the extract are analysed, and each text's plain form is remembered:
// snippets are built for every result of every request.
import type { Lang } from '../i18n/languages';
import { analyseWord, eachWord } from './analysis';
import type { ParsedQuery } from './query';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const WINDOW = 220;
const LEAD = 60;
const PLAIN_LIMIT = 50_000;
const plainCache = new Map<string, string>();

function plainOf(text: string): string {
  let plain = plainCache.get(text);
  if (plain === undefined) {
    plain = text
      .replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, '[…]')
      .replace(/\s+/g, ' ')
      .trim();
    if (plainCache.size >= PLAIN_LIMIT) plainCache.clear();
    plainCache.set(text, plain);
  }
  return plain;
}

export function snippet(text: string, lang: Lang, query: Pick<ParsedQuery, 'highlight'>): string {
  const plain = plainOf(text);
  const { highlight } = query;
  const isMatch = (word: string) => {
    const term = analyseWord(lang, word);
    return !!term && highlight.has(term.stemmed);
  };
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  let end = Math.min(plain.length, WINDOW);
  if (highlight.size > 0) {
    for (const span of eachWord(plain)) {
      if (spans.length > 0 && span.start > end) break;
      if (!isMatch(span.word)) continue;
      if (spans.length === 0) {
        start = Math.max(0, span.start - LEAD);
        if (start > 0) {
          const space = plain.indexOf(' ', start);
          start = space > 0 && space < span.start ? space + 1 : start;
        }
        end = Math.min(plain.length, start + WINDOW);
      }
      if (span.end <= end) spans.push(span);
    }
  }
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let cursor = start;
  for (const span of spans) {
    if (span.start < start || span.end > end) continue;
    out += `${escapeHtml(plain.slice(cursor, span.start))}<mark>${escapeHtml(plain.slice(span.start, span.end))}</mark>`;
    cursor = span.end;
  }
  out += escapeHtml(plain.slice(cursor, end));
  return `${start > 0 ? '… ' : ''}${out}${end < plain.length ? ' …' : ''}`;
}
