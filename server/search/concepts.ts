// Turns a buyer's query into concepts: each word, or each run of words the thesaurus knows as one term
// ("entretien des locaux"), becomes a concept with the ways a document may match it, best first —
// the words themselves (stem, or folded form as a prefix), the thesaurus group's terms in the page
// language (English terms map into it), a Dutch compound split into its words or matched as the head
// of longer words, and, only when those find little, the known words one or two typos away.
import { FURTHER_LANGUAGE, otherLanguages, type Lang } from '../i18n/languages';
import { analyseWord, words, type WordSpan } from './analysis';
import { compoundsWithHead, corrections, splitCompound } from './lexicon';
import { expandPrefix, type BuiltIndex, type LanguageIndex } from './search-index';
import { phraseKey, type CompiledThesaurus } from './thesaurus';

/** One index term and how much a match on it counts. */
export interface TermChoice {
  term: string;
  boost: number;
}

/** A way to match a concept: every part must match (a phrase, a compound's words); a part matches through
 * any of its terms. `weight` ranks the ways: the typed words above synonyms above corrections. */
export interface Alternative {
  weight: number;
  parts: TermChoice[][];
}

export interface Concept {
  /** The query text this concept comes from. */
  text: string;
  alternatives: Alternative[];
  /** Categories the concept names (through a thesaurus group's `category`). */
  categories: string[];
  /** The known word a misspelt word was read as. */
  correctedTo?: string;
}

export const WEIGHTS = {
  exact: 1,
  compound: 0.8,
  head: 0.5,
  synonym: 0.55,
  compoundHead: 0.4,
  corrected: 0.6,
};
const EXACT_BOOST = 10;
const PREFIX_BOOST = 3;
const MIN_PREFIX = 3;
const MIN_SYNONYM_PREFIX = 6;
/** Fewer documents than this through the words themselves is "little": typo tolerance steps in. */
const LITTLE = 2;
const STRONG_PART = 5;

function documentCount(index: LanguageIndex, part: TermChoice[]): number {
  let count = 0;
  for (const { term } of part) for (const list of index.terms.get(term) ?? []) count += list.length / 2;
  return count;
}

/** A word as a part: its stem exactly, its folded form as a prefix of longer terms. */
function wordPart(index: LanguageIndex, word: { folded: string; stemmed: string }, prefixFrom = MIN_PREFIX) {
  const part: TermChoice[] = [];
  if (index.terms.has(word.stemmed)) part.push({ term: word.stemmed, boost: EXACT_BOOST });
  if (word.folded.length >= prefixFrom)
    for (const term of expandPrefix(index, word.folded))
      if (term !== word.stemmed) part.push({ term, boost: PREFIX_BOOST });
  return part;
}

function groupAlternatives(
  lang: Lang,
  index: LanguageIndex,
  thesaurus: CompiledThesaurus,
  groups: number[],
  weight: number,
): Alternative[] {
  const out: Alternative[] = [];
  for (const g of groups) {
    for (const term of thesaurus.groups[g].terms[lang]) {
      const parts = term.stems.map((stemmed, i) =>
        wordPart(index, { stemmed, folded: term.folded[i] }, MIN_SYNONYM_PREFIX),
      );
      if (parts.every((p) => p.length > 0)) out.push({ weight, parts });
    }
  }
  return out;
}

function lookupGroups(thesaurus: CompiledThesaurus, lang: Lang, lowerWords: string[]): number[] {
  const found = new Set<number>();
  for (const l of [lang, FURTHER_LANGUAGE] as const) {
    const key = phraseKey(l, lowerWords);
    for (const g of (key && thesaurus.keys[l].get(key)) || []) found.add(g);
  }
  return [...found];
}

const categoriesOf = (thesaurus: CompiledThesaurus, groups: number[]) => [
  ...new Set(groups.map((g) => thesaurus.groups[g].category).filter((c): c is string => !!c)),
];

/** One word that is not part of a known phrase. */
function wordConcept(
  lang: Lang,
  built: BuiltIndex,
  span: WordSpan,
  options: { typos: boolean; split: boolean },
): Concept[] {
  const index = built.languages[lang];
  const { thesaurus } = built;
  const analysed = analyseWord(lang, span.word);
  const groups = lookupGroups(thesaurus, lang, [span.word]);
  if (!analysed && groups.length === 0) return [];
  const alternatives: Alternative[] = [];
  const exact = analysed ? wordPart(index, analysed) : [];
  if (exact.length > 0) alternatives.push({ weight: WEIGHTS.exact, parts: [exact] });
  const synonyms = groupAlternatives(lang, index, thesaurus, groups, WEIGHTS.synonym);
  alternatives.push(...synonyms);
  const categories = categoriesOf(thesaurus, groups);
  if (!analysed) return [{ text: span.word, alternatives, categories }];

  const heads = compoundsWithHead(lang, index.lexicon, analysed.stemmed).map((term) => ({ term, boost: EXACT_BOOST }));
  if (heads.length > 0) alternatives.push({ weight: WEIGHTS.head, parts: [heads] });
  if (synonyms.length > 0 || categories.length > 0 || documentCount(index, exact) >= LITTLE)
    return [{ text: span.word, alternatives, categories }];

  // A compound split wins over a correction unless one of its parts is short (schon + maak is schoonmaak
  // misspelt, not a compound).
  let split = options.split ? splitCompound(lang, index.lexicon, analysed.folded) : null;
  const weakSplit = !split || Math.min(split.modifier.length, split.head.length) < STRONG_PART;
  const fixes = options.typos && weakSplit ? corrections(index.lexicon, analysed.folded) : [];
  if (fixes.length > 0) split = null;
  if (split) {
    // The parts of a compound are concepts of their own (a clause about green spaces and services covers
    // groendiensten), ranked a little below the word as typed; what the whole word matched stays with the head.
    const [modifier, head] = [split.modifier, split.head].map(
      (word) => wordConcept(lang, built, { ...span, word }, { typos: false, split: false })[0],
    );
    const parts = [modifier, head].filter((c): c is Concept => c !== undefined);
    for (const part of parts)
      part.alternatives = part.alternatives.map((a) => ({ ...a, weight: a.weight * WEIGHTS.compound }));
    head?.alternatives.unshift(...alternatives);
    return parts;
  }
  for (const fixed of fixes) {
    const word = analyseWord(lang, fixed);
    if (!word) continue;
    const part = wordPart(index, word);
    if (part.length > 0) alternatives.push({ weight: WEIGHTS.corrected, parts: [part] });
    const fixedGroups = lookupGroups(thesaurus, lang, [fixed]);
    alternatives.push(...groupAlternatives(lang, index, thesaurus, fixedGroups, WEIGHTS.corrected * WEIGHTS.synonym));
    categories.push(...categoriesOf(thesaurus, fixedGroups));
  }
  const correctedTo = fixes.length > 0 ? (index.lexicon.written.get(fixes[0]) ?? fixes[0]) : undefined;
  return [{ text: span.word, alternatives, categories: [...new Set(categories)], correctedTo }];
}

/** The concepts of a query text in a language, at most `max`. */
export function conceptsOf(
  built: BuiltIndex,
  lang: Lang,
  text: string,
  options: { typos: boolean; max: number },
): Concept[] {
  const spans = words(text);
  const { thesaurus } = built;
  const index = built.languages[lang];
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < spans.length && concepts.length < options.max) {
    let consumed = 0;
    // The longest run of two or more words that the thesaurus knows is one concept.
    for (let n = Math.min(thesaurus.maxWords, spans.length - i); n >= 2 && consumed === 0; n -= 1) {
      const run = spans.slice(i, i + n).map((s) => s.word);
      const groups = lookupGroups(thesaurus, lang, run);
      if (groups.length === 0) continue;
      const literal = run.map((w) => analyseWord(lang, w)).filter((w) => w !== null);
      const parts = literal.map((w) => wordPart(index, w));
      const alternatives: Alternative[] = [];
      if (parts.length > 0 && parts.every((p) => p.length > 0)) alternatives.push({ weight: WEIGHTS.exact, parts });
      alternatives.push(...groupAlternatives(lang, index, thesaurus, groups, WEIGHTS.synonym));
      concepts.push({ text: run.join(' '), alternatives, categories: categoriesOf(thesaurus, groups) });
      consumed = n;
    }
    if (consumed > 0) {
      i += consumed;
      continue;
    }
    let span = spans[i];
    i += 1;
    // Two words joined by a hyphen that the index knows as one word are that word (micro-fibres → microfibres).
    const next = spans[i];
    if (next && next.start === span.end + 1 && text[span.end] === '-') {
      const joined = analyseWord(lang, span.word + next.word);
      if (joined && index.lexicon.stemOf.has(joined.folded)) {
        span = { word: span.word + next.word, start: span.start, end: next.end };
        i += 1;
      }
    }
    if (span.word.length < 2 || seen.has(span.word)) continue;
    seen.add(span.word);
    concepts.push(...wordConcept(lang, built, span, { ...options, split: true }));
  }
  return concepts;
}

/** The languages to read a query in: the page's, then the others (a buyer may type in another one). */
export const readingOrder = (lang: Lang): Lang[] => [lang, ...otherLanguages(lang)];
