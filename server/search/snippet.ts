// A short extract of a text around the first matched word, HTML-escaped, matches wrapped in <mark>
// (every term a match may be on: the words typed, their synonyms, corrections and compounds).
// Snippets are built for every result of every request, so each text's words are analysed once and
// remembered (positions and stems); a snippet is then a scan for the first stem the query matches.
import { everyLanguage, type Lang } from '../i18n/languages';
import { analyseWord, eachWord } from './analysis';
import type { ParsedQuery } from './query';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const WINDOW = 220;
const LEAD = 60;

interface AnalysedText {
  plain: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Each word's stem ('' for a stop word). */
  stems: string[];
}

const REMEMBERED = 20_000;
const analysedTexts = everyLanguage(() => new Map<string, AnalysedText>());

function analysedText(text: string, lang: Lang): AnalysedText {
  const cache = analysedTexts[lang];
  let found = cache.get(text);
  if (found) return found;
  const plain = text
    .replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, '[…]')
    .replace(/\s+/g, ' ')
    .trim();
  const spans = [...eachWord(plain)];
  found = {
    plain,
    starts: Int32Array.from(spans, (s) => s.start),
    ends: Int32Array.from(spans, (s) => s.end),
    stems: spans.map((s) => analyseWord(lang, s.word)?.stemmed ?? ''),
  };
  if (cache.size >= REMEMBERED) cache.clear();
  cache.set(text, found);
  return found;
}

// A remembered query reading keeps its highlight set, so the snippets of a repeated query are remembered
// with it (and go when the reading goes).
const SNIPPETS_PER_QUERY = 200;
const snippetsByHighlight = new WeakMap<Set<string>, Map<string, string>>();

export function snippet(text: string, lang: Lang, query: Pick<ParsedQuery, 'highlight'>): string {
  const { highlight } = query;
  let known = snippetsByHighlight.get(highlight);
  if (!known) snippetsByHighlight.set(highlight, (known = new Map()));
  const key = `${lang}:${text}`;
  let out = known.get(key);
  if (out === undefined) {
    out = buildSnippet(text, lang, highlight);
    if (known.size < SNIPPETS_PER_QUERY) known.set(key, out);
  }
  return out;
}

function buildSnippet(text: string, lang: Lang, highlight: Set<string>): string {
  const { plain, starts, ends, stems } = analysedText(text, lang);
  let first = -1;
  if (highlight.size > 0) for (let i = 0; i < stems.length && first < 0; i += 1) if (highlight.has(stems[i])) first = i;
  let start = 0;
  if (first >= 0) {
    start = Math.max(0, starts[first] - LEAD);
    if (start > 0) {
      const space = plain.indexOf(' ', start);
      start = space > 0 && space < starts[first] ? space + 1 : start;
    }
  }
  let end = Math.min(plain.length, start + WINDOW);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let cursor = start;
  for (let i = Math.max(first, 0); first >= 0 && i < stems.length && starts[i] < end; i += 1) {
    if (ends[i] > end || !highlight.has(stems[i])) continue;
    out += `${escapeHtml(plain.slice(cursor, starts[i]))}<mark>${escapeHtml(plain.slice(starts[i], ends[i]))}</mark>`;
    cursor = ends[i];
  }
  out += escapeHtml(plain.slice(cursor, end));
  return `${start > 0 ? '… ' : ''}${out}${end < plain.length ? ' …' : ''}`;
}
