// Runs a buyer's query: the text becomes concepts (concepts.ts), documents rank by how many concepts
// they match and how well (scoring.ts); CPV codes select categories; a clause id finds that clause;
// facets count what the other filters leave (facets.ts). A query that matches nothing in the page
// language is read in the other one.
import type { Lang } from '../i18n/languages';
import { conceptsOf, readingOrder, type Concept } from './concepts';
import type { DocumentMeta } from './documents';
import { FACETS, filterAndCount, type Facet, type FacetCounts } from './facets';
import { scoreConcepts, type Scores } from './scoring';
import type { BuiltIndex } from './search-index';

export { FACETS, type Facet };

export interface SearchParams {
  q: string;
  lang: Lang;
  filters: Partial<Record<Facet, string[]>>;
  cpv?: string;
  type?: 'clause' | 'faq';
  page: number;
  pageSize: number;
  /** Take the words as typed: no typo correction. */
  literal?: boolean;
}

export interface ParsedQuery {
  concepts: Concept[];
  cpv: string[];
  clauseId?: string;
  /** The language the words were read in (the page's, or another when only that one matched). */
  lang: Lang;
  /** The index terms a match may be on, for highlighting. */
  highlight: Set<string>;
  /** The query as corrected, when some word was read as a known word one or two typos away. */
  corrected?: string;
}

export interface Hit {
  doc: DocumentMeta;
  score: number;
}

export interface SearchOutcome {
  total: number;
  hits: Hit[];
  facets: FacetCounts;
  /** True when no document matched every concept of the query. */
  partial: boolean;
  query: ParsedQuery;
}

const MAX_QUERY_CHARS = 500;
const MAX_CONCEPTS = 12;
const CLAUSE_ID = /\b([a-z]{3}-[a-z0-9]{2,6}-\d{3})\b/i;
const CPV_TOKEN = /\b(\d{2,8})(?:-\d)?\b/g;

/** Splits CPV codes and a clause id off the query text. */
function preparse(raw: string): { text: string; cpv: string[]; clauseId?: string } {
  const q = raw.slice(0, MAX_QUERY_CHARS);
  const idMatch = q.match(CLAUSE_ID);
  const numericOnly = /^[\d\s-]+$/.test(q.trim()) && q.trim() !== '';
  const cpv: string[] = [];
  const text = q.replace(CPV_TOKEN, (whole, digits: string) => {
    if (numericOnly || digits.length >= 4) {
      cpv.push(digits);
      return ' ';
    }
    return whole;
  });
  return { text, cpv, clauseId: idMatch?.[1].toUpperCase() };
}

function highlightTerms(concepts: Concept[]): Set<string> {
  const terms = new Set<string>();
  for (const c of concepts)
    for (const a of c.alternatives) for (const part of a.parts) for (const t of part) terms.add(t.term);
  return terms;
}

function correctedText(text: string, concepts: Concept[]): string | undefined {
  const fixes = concepts.filter((c) => c.correctedTo);
  if (fixes.length === 0) return undefined;
  let out = text.trim().toLowerCase();
  for (const c of fixes) out = out.replace(c.text, c.correctedTo!);
  return out.replace(/\s+/g, ' ');
}

const categoryPositions = new WeakMap<BuiltIndex, Map<string, number[]>>();

function inCategory(built: BuiltIndex): (category: string) => number[] {
  let map = categoryPositions.get(built);
  if (!map) {
    const byCategory = new Map<string, number[]>();
    built.docs.forEach((doc, position) => {
      for (const c of doc.categories) byCategory.set(c, [...(byCategory.get(c) ?? []), position]);
    });
    map = byCategory;
    categoryPositions.set(built, map);
  }
  const found = map;
  return (category) => found.get(category) ?? [];
}

export function categoriesForCpv(codes: string[], cpvByCategory: Map<string, string[]>): Set<string> {
  const found = new Set<string>();
  for (const typed of codes) {
    for (const [category, cpvCodes] of cpvByCategory) {
      for (const code of cpvCodes) {
        const significant = code.replace(/0+$/, '') || code;
        if (code.startsWith(typed) || typed.startsWith(significant)) found.add(category);
      }
    }
  }
  return found;
}

interface Reading {
  concepts: Concept[];
  highlight: Set<string>;
  corrected?: string;
}

// A query's reading depends only on the index, the language and the text: popular queries and the
// helpdesk's suggestions while typing repeat, so readings are remembered per index (a new index starts
// afresh), a bounded number of them.
const REMEMBERED_READINGS = 5_000;
const readings = new WeakMap<BuiltIndex, Map<string, Reading>>();

/** Forgets the remembered readings of an index (the bench measures a query's full cost with it). */
export function forgetReadings(built: BuiltIndex): void {
  readings.delete(built);
}

function readingOf(built: BuiltIndex, lang: Lang, text: string, typos: boolean): Reading {
  let cache = readings.get(built);
  if (!cache) readings.set(built, (cache = new Map()));
  const key = `${lang}${typos ? '~' : '='}${text}`;
  let reading = cache.get(key);
  if (!reading) {
    const concepts = conceptsOf(built, lang, text, { typos, max: MAX_CONCEPTS });
    reading = { concepts, highlight: highlightTerms(concepts), corrected: correctedText(text, concepts) };
    if (cache.size >= REMEMBERED_READINGS) cache.clear();
    cache.set(key, reading);
  }
  return reading;
}

/** Reads the words in the page language, or in another one when only that one matches anything. */
function readWords(built: BuiltIndex, text: string, params: SearchParams) {
  let first: (Reading & { lang: Lang; scores: Scores }) | undefined;
  for (const lang of readingOrder(params.lang)) {
    const reading = readingOf(built, lang, text, !params.literal);
    const scores = scoreConcepts(built.languages[lang], reading.concepts, built.docs.length, inCategory(built));
    first ??= { ...reading, lang, scores };
    if (scores.touched.length > 0) return { ...reading, lang, scores };
  }
  return first!;
}

export function runSearch(
  built: BuiltIndex,
  params: SearchParams,
  cpvByCategory: Map<string, string[]>,
): SearchOutcome {
  const { text, cpv, clauseId } = preparse(params.q);
  const cpvCodes = [...cpv, ...(params.cpv ? [params.cpv.replace(/-\d$/, '').replace(/\D/g, '')].filter(Boolean) : [])];
  const query: ParsedQuery = { concepts: [], cpv, clauseId, lang: params.lang, highlight: new Set() };
  // null: no words, every document matches with the same score (and keeps id order).
  let rank: ((position: number) => number) | null = null;
  let candidates: number[] | null = null;
  let partial = false;

  if (clauseId) {
    candidates = built.docs.flatMap((d, position) => (d.id === clauseId ? [position] : []));
    rank = () => 100;
  } else if (text.trim()) {
    const reading = readWords(built, text, params);
    const { coverage, score, touched } = reading.scores;
    Object.assign(query, {
      concepts: reading.concepts,
      lang: reading.lang,
      highlight: reading.highlight,
      corrected: reading.corrected,
    });
    if (reading.concepts.length > 0) {
      candidates = touched;
      // Coverage first, then the score (kept below 1 so it never outweighs one more concept).
      rank = (position) => coverage[position] + score[position] / (score[position] + 100);
      let most = 0;
      for (const position of touched) if (coverage[position] > most) most = coverage[position];
      partial = reading.concepts.length > 1 && touched.length > 0 && most < reading.concepts.length;
    }
  }

  const cpvCategories = cpvCodes.length > 0 ? categoriesForCpv(cpvCodes, cpvByCategory) : null;
  const keep = (doc: DocumentMeta) =>
    (!params.type || doc.type === params.type) && (!cpvCategories || doc.categories.some((c) => cpvCategories.has(c)));
  const { passed, facets } = filterAndCount(built, candidates, params.filters, keep);
  const start = (params.page - 1) * params.pageSize;
  // Documents are stored in id order, so results without words need no sorting; with words, only the
  // results up to the requested page are ordered.
  const positions = rank ? topPositions(passed, rank, start + params.pageSize) : passed;
  const hits = positions
    .slice(start, start + params.pageSize)
    .map((position) => ({ doc: built.docs[position], score: rank ? rank(position) : 0 }));
  return { total: passed.length, hits, facets, partial, query };
}

/** The `count` best positions, best first (ties in id order, which is position order). A bounded heap
 * keeps this O(n log count) when thousands of documents match and a page shows twenty. */
function topPositions(positions: number[], rank: (position: number) => number, count: number): number[] {
  const better = (a: number, b: number) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra > rb || (ra === rb && a < b);
  };
  const byRank = (a: number, b: number) => (better(a, b) ? -1 : 1);
  if (count * 4 >= positions.length) return [...positions].sort(byRank);
  // A min-heap (worst of the kept on top) of the best `count` so far.
  const heap: number[] = [];
  const worse = (i: number, j: number) => better(heap[j], heap[i]);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  for (const p of positions) {
    if (heap.length < count) {
      heap.push(p);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (better(p, heap[0])) {
      heap[0] = p;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(l, m)) m = l;
        if (r < heap.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(byRank);
}
