// Text analysis shared by indexing and querying, per language: lower case, French elisions split off
// (l'offre → offre), stop words dropped, accents folded (pénalités → penalites), then stemmed.
// Folding before stemming makes unaccented queries meet accented texts.
import { languagePacks, lunr } from './lunr-setup';
import { everyLanguage, type Lang } from '../i18n/languages';

const ELISION = /^(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])['’](.+)$/;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Words with their positions in the original text (for highlighting), elisions removed, one at a time
 * (a snippet stops reading at the end of its extract). */
export function* eachWord(text: string): Generator<WordSpan> {
  for (const match of text.matchAll(WORD)) {
    let word = match[0].toLowerCase();
    let start = match.index ?? 0;
    const elided = word.match(ELISION);
    if (elided) {
      start += word.length - elided[1].length;
      word = elided[1];
    }
    for (const part of word.split(/['’]/)) {
      if (part) yield { word: part, start, end: start + part.length };
      start += part.length + 1;
    }
  }
}

export function words(text: string): WordSpan[] {
  return Array.from(eachWord(text));
}

function isStopWord(lang: Lang, word: string): boolean {
  return languagePacks[lang].stopWordFilter(new lunr.Token(word, {}), 0, []) === undefined;
}

export function stem(lang: Lang, folded: string): string {
  if (/^\d+$/.test(folded)) return folded;
  const result = languagePacks[lang].stemmer(new lunr.Token(folded, {}), 0, []);
  return (result as lunr.Token | undefined)?.toString() ?? folded;
}

export interface AnalysedTerm {
  folded: string;
  stemmed: string;
}

// Stemming is the costly step and a library has a few thousand distinct words: remember each word's analysis.
const MEMO_LIMIT = 200_000;
const memo: Record<Lang, Map<string, AnalysedTerm | null>> = everyLanguage(() => new Map());

/** The folded and stemmed form of one lower-case word (null for a stop word), remembered. */
export function analyseWord(lang: Lang, word: string): AnalysedTerm | null {
  const cache = memo[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let result: AnalysedTerm | null = null;
  if (!isStopWord(lang, word)) {
    const folded = foldAccents(word);
    result = { folded, stemmed: stem(lang, folded) };
  }
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** The index terms of a text: folded and stemmed words, stop words out. */
export function analyse(lang: Lang, text: string): AnalysedTerm[] {
  const out: AnalysedTerm[] = [];
  for (const { word } of words(text)) {
    const term = analyseWord(lang, word);
    if (term) out.push(term);
  }
  return out;
}

/** A lunr tokenizer for one language: the pipeline is already applied, so the index holds stems. */
export function tokenizerFor(lang: Lang) {
  const tokenizer = (obj: unknown, metadata?: object): lunr.Token[] => {
    if (obj === null || obj === undefined) return [];
    const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
    return analyse(lang, text).map((term, i) => new lunr.Token(term.stemmed, { ...(metadata ?? {}), index: i }));
  };
  (tokenizer as unknown as { separator: RegExp }).separator = /[\s-]+/;
  return tokenizer;
}
