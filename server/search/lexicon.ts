// The words a language index knows, arranged for the two lookups plain term matching cannot do:
// typo correction (words by length, compared with a bounded edit distance) and Dutch compounds (a query
// word split into known words; a query word found as the head of longer indexed words, via the terms
// sorted by their reversed spelling).
import { LANGUAGE_FACTS, type Lang } from '../i18n/languages';
import { analyseWord } from './analysis';

export interface Lexicon {
  /** Folded word → its stem, for every word of the index texts and of the thesaurus. */
  stemOf: Map<string, string>;
  /** Folded word → the word as written (accents kept), to show a correction. */
  written: Map<string, string>;
  /** Folded words by length, for typo candidates. */
  byLength: string[][];
  /** Index terms spelt backwards, sorted: the terms ending in a given stem form one range. */
  reversed: string[];
  /** The index terms. */
  terms: Set<string>;
}

const MIN_TYPO_LENGTH = 4;
const MAX_CANDIDATES = 3;

/** Builds the lexicon from written words (index texts and thesaurus) and the index terms. */
export function buildLexicon(lang: Lang, writtenWords: Iterable<string>, terms: Iterable<string>): Lexicon {
  const stemOf = new Map<string, string>();
  const written = new Map<string, string>();
  const byLength: string[][] = [];
  for (const word of writtenWords) {
    if (/\d/.test(word)) continue;
    const analysed = analyseWord(lang, word);
    if (!analysed || stemOf.has(analysed.folded)) continue;
    stemOf.set(analysed.folded, analysed.stemmed);
    written.set(analysed.folded, word);
    (byLength[analysed.folded.length] ??= []).push(analysed.folded);
  }
  const termSet = new Set([...terms].filter((t) => !/\d/.test(t)));
  const reversed = [...termSet].map((t) => [...t].reverse().join('')).sort();
  return { stemOf, written, byLength, reversed, terms: termSet };
}

/** The lexicon as a saved index holds it: a start-up restores it without stemming a word. */
export interface SavedLexicon {
  folded: string[];
  written: string[];
  stems: string[];
  reversed: string[];
}

export function saveLexicon(lexicon: Lexicon): SavedLexicon {
  const folded = [...lexicon.stemOf.keys()];
  return {
    folded,
    written: folded.map((f) => lexicon.written.get(f) ?? f),
    stems: folded.map((f) => lexicon.stemOf.get(f)!),
    reversed: lexicon.reversed,
  };
}

export function restoreLexicon(saved: SavedLexicon, indexTerms: string[]): Lexicon {
  const stemOf = new Map<string, string>();
  const written = new Map<string, string>();
  const byLength: string[][] = [];
  saved.folded.forEach((folded, i) => {
    stemOf.set(folded, saved.stems[i]);
    if (saved.written[i] !== folded) written.set(folded, saved.written[i]);
    (byLength[folded.length] ??= []).push(folded);
  });
  const terms = new Set(indexTerms.filter((t) => !/\d/.test(t)));
  return { stemOf, written, byLength, reversed: saved.reversed, terms };
}

/** The edit distance allowed for a word: 1 for 4 to 7 letters, 2 from 8, none below 4. */
export function allowedDistance(word: string): number {
  if (word.length >= 8) return 2;
  return word.length >= MIN_TYPO_LENGTH ? 1 : 0;
}

// Three rows of the distance table, reused: typo lookup compares thousands of candidates per query.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (a swap of neighbours counts once), or max + 1 when above max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length * 2 + 2));
  let [previous2, previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && previous2[j - 2] + 1 < value)
        value = previous2[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length];
}

/** Known words within the allowed distance of a folded word, nearest first (at most three). */
export function corrections(lexicon: Lexicon, folded: string): string[] {
  const max = allowedDistance(folded);
  if (max === 0 || lexicon.stemOf.has(folded)) return [];
  const found: { word: string; distance: number }[] = [];
  for (let length = folded.length - max; length <= folded.length + max; length += 1) {
    for (const candidate of lexicon.byLength[length] ?? []) {
      // A typo rarely changes both of the first two letters: a cheap filter before the distance.
      if (candidate[0] !== folded[0] && candidate[1] !== folded[1] && candidate[0] !== folded[1]) continue;
      const distance = boundedDistance(folded, candidate, max);
      if (distance <= max) found.push({ word: candidate, distance });
    }
  }
  found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
  const best = found[0]?.distance;
  return found
    .filter((f) => f.distance === best)
    .slice(0, MAX_CANDIDATES)
    .map((f) => f.word);
}

const MIN_PART = 3;
const MIN_UNKNOWN_HEAD = 6;

/** Splits a compound into two known words (the head may itself be a compound the index knows):
 * kantoorschoonmaak → kantoor + schoonmaak, bedrijfsvoertuigen → bedrijf(s) + voertuigen. When no split
 * has a known first part, a long known head is still worth having (schoolmeubilair → meubilair). */
export function splitCompound(
  lang: Lang,
  lexicon: Lexicon,
  folded: string,
): { modifier: string; head: string; modifierKnown: boolean } | null {
  const links = LANGUAGE_FACTS[lang].compoundLinks;
  if (!links || folded.length < MIN_PART * 2) return null;
  // A part is known as written, or by its stem (kantoor is known from kantoren).
  const known = (word: string) => {
    if (lexicon.stemOf.has(word)) return true;
    const stem = analyseWord(lang, word)?.stemmed;
    return !!stem && lexicon.terms.has(stem);
  };
  let best: { modifier: string; head: string; modifierKnown: boolean } | null = null;
  let longestHead: string | undefined;
  for (let i = MIN_PART; i <= folded.length - MIN_PART; i += 1) {
    const head = folded.slice(i);
    if (!known(head)) continue;
    longestHead ??= head;
    const left = folded.slice(0, i);
    const link = links.find((l) => left.endsWith(l) && known(left.slice(0, -l.length)));
    const modifier = lexicon.stemOf.has(left)
      ? left
      : link
        ? left.slice(0, -link.length)
        : known(left)
          ? left
          : undefined;
    if (!modifier || modifier.length < MIN_PART || !analyseWord(lang, modifier)) continue;
    // The most balanced split wins: kantoor + schoonmaak rather than kant + oorschoonmaak.
    if (!best || Math.min(modifier.length, head.length) > Math.min(best.modifier.length, best.head.length))
      best = { modifier, head, modifierKnown: true };
  }
  if (!best && longestHead && longestHead.length >= MIN_UNKNOWN_HEAD)
    best = { modifier: folded.slice(0, folded.length - longestHead.length), head: longestHead, modifierKnown: false };
  return best;
}

const MAX_HEAD_MATCHES = 200;

/** Index terms that end with a stem and are longer by at least a word's worth of letters: the compounds
 * whose head it is (dienst → schoonmaakdienst). */
export function compoundsWithHead(lang: Lang, lexicon: Lexicon, stem: string): string[] {
  if (!LANGUAGE_FACTS[lang].compoundLinks || stem.length < 4) return [];
  const key = [...stem].reverse().join('');
  const list = lexicon.reversed;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < key) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < list.length && list[i].startsWith(key) && out.length < MAX_HEAD_MATCHES; i += 1) {
    if (list[i].length - key.length >= MIN_PART) out.push([...list[i]].reverse().join(''));
  }
  return out;
}
