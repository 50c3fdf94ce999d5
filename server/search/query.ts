// Runs a buyer's query: words are matched on their stem and, as a prefix, on their folded form (so
// "schoonmaak" meets "schoonmaakdiensten"; stems are never used as prefixes, which would over-stem); every word must match (falling back to any word when no
// document has them all); CPV codes select categories; facets count what the other filters leave.
import { otherLang, type Lang } from '../i18n/languages';
import { analyse } from './analysis';
import type { DocumentMeta } from './documents';
import { expandPrefix, type BuiltIndex, type LanguageIndex } from './search-index';

export const FACETS = ['theme', 'category', 'stage', 'level', 'owner'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchParams {
  q: string;
  lang: Lang;
  filters: Partial<Record<Facet, string[]>>;
  cpv?: string;
  type?: 'clause' | 'faq';
  page: number;
  pageSize: number;
}

export interface ParsedQuery {
  words: { folded: string; stemmed: string }[];
  cpv: string[];
  clauseId?: string;
}

export interface Hit {
  doc: DocumentMeta;
  score: number;
}

export interface SearchOutcome {
  total: number;
  hits: Hit[];
  facets: Record<Facet, { value: string; count: number }[]>;
  /** True when no document had every word and the results match some of them. */
  partial: boolean;
  query: ParsedQuery;
}

const MAX_QUERY_CHARS = 500;
const MAX_WORDS = 12; // also keeps the per-word bit masks within 32 bits
const CLAUSE_ID = /\b([a-z]{3}-[a-z0-9]{2,6}-\d{3})\b/i;
const CPV_TOKEN = /\b(\d{2,8})(?:-\d)?\b/g;

export function parseQuery(raw: string, lang: Lang): ParsedQuery {
  const q = raw.slice(0, MAX_QUERY_CHARS);
  const idMatch = q.match(CLAUSE_ID);
  const numericOnly = /^[\d\s-]+$/.test(q.trim()) && q.trim() !== '';
  const cpv: string[] = [];
  const rest = q.replace(CPV_TOKEN, (whole, digits: string) => {
    if (numericOnly || digits.length >= 4) {
      cpv.push(digits);
      return ' ';
    }
    return whole;
  });
  const seen = new Set<string>();
  const words = analyse(lang, rest).filter((w) => {
    if (seen.has(w.stemmed) || w.folded.length < 2) return false;
    seen.add(w.stemmed);
    return true;
  });
  return { words: words.slice(0, MAX_WORDS), cpv, clauseId: idMatch?.[1].toUpperCase() };
}

const prefixable = (word: { folded: string }) => word.folded.length >= 3;
const EXACT_BOOST = 10;
const PREFIX_BOOST = 3;

/** Scores documents (by position) for the words: each word matches its stem exactly or its folded form
 * as a prefix; every word must match, falling back to any word when no document has them all.
 * Typed arrays indexed by position keep this fast at tens of thousands of documents. */
function matchWords(
  index: LanguageIndex,
  words: ParsedQuery['words'],
  size: number,
): { scores: Map<number, number>; partial: boolean } {
  if (words.length === 0) return { scores: new Map(), partial: false };
  const score = new Float64Array(size);
  const mask = new Uint32Array(size);
  const touched: number[] = [];
  words.forEach((word, i) => {
    const bit = 1 << i;
    const boosts = new Map<string, number>([[word.stemmed, EXACT_BOOST]]);
    if (prefixable(word))
      for (const term of expandPrefix(index, word.folded)) if (!boosts.has(term)) boosts.set(term, PREFIX_BOOST);
    for (const [term, boost] of boosts) {
      const postings = index.terms.get(term);
      if (!postings) continue;
      for (const list of postings) {
        for (let k = 0; k < list.length; k += 2) {
          const doc = list[k];
          if (mask[doc] === 0) touched.push(doc);
          score[doc] += list[k + 1] * boost;
          mask[doc] |= bit;
        }
      }
    }
  });
  const everyWord = words.length >= 32 ? 0xffffffff : (1 << words.length) - 1;
  const all = new Map<number, number>();
  if (words.length > 1) for (const doc of touched) if (mask[doc] === everyWord) all.set(doc, score[doc]);
  if (words.length === 1 || all.size > 0)
    return { scores: words.length === 1 ? new Map(touched.map((d) => [d, score[d]])) : all, partial: false };
  return { scores: new Map(touched.map((d) => [d, score[d]])), partial: touched.length > 0 };
}

/** Facet values interned as small numbers per index, so counting is array arithmetic. */
interface FacetTables {
  values: Record<Facet, string[]>;
  /** docs[position][facet] = value numbers of that document. */
  docs: Record<Facet, number[]>[];
}

const facetTablesCache = new WeakMap<BuiltIndex, FacetTables>();

function facetTables(built: BuiltIndex): FacetTables {
  const cached = facetTablesCache.get(built);
  if (cached) return cached;
  const values = Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<Facet, string[]>;
  const lookup = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  const intern = (facet: Facet, value: string) => {
    let id = lookup[facet].get(value);
    if (id === undefined) {
      id = values[facet].length;
      values[facet].push(value);
      lookup[facet].set(value, id);
    }
    return id;
  };
  const docs = built.docs.map(
    (doc) =>
      Object.fromEntries(FACETS.map((f) => [f, facetValues(doc, f).map((v) => intern(f, v))])) as Record<
        Facet,
        number[]
      >,
  );
  const tables = { values, docs };
  facetTablesCache.set(built, tables);
  return tables;
}

function facetValues(doc: DocumentMeta, facet: Facet): string[] {
  if (facet === 'category') return doc.categories;
  const value = doc[facet];
  return value ? [value] : [];
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

export function runSearch(
  built: BuiltIndex,
  params: SearchParams,
  cpvByCategory: Map<string, string[]>,
): SearchOutcome {
  const query = parseQuery(params.q, params.lang);
  const cpvCodes = [
    ...query.cpv,
    ...(params.cpv ? [params.cpv.replace(/-\d$/, '').replace(/\D/g, '')].filter(Boolean) : []),
  ];
  // null scores: no words, every document matches with the same score (and keeps id order).
  let scores: Map<number, number> | null;
  let partial = false;

  if (query.clauseId) {
    const byId = new Map<number, number>();
    built.docs.forEach((d, position) => {
      if (d.id === query.clauseId) byId.set(position, 100);
    });
    scores = byId;
  } else if (query.words.length > 0) {
    const primary = matchWords(built.languages[params.lang], query.words, built.docs.length);
    scores = primary.scores;
    partial = primary.partial;
    if (scores.size === 0) {
      // A buyer may type in the other language: try it before giving up.
      const other = otherLang(params.lang);
      const fallback = matchWords(built.languages[other], parseQuery(params.q, other).words, built.docs.length);
      scores = fallback.scores;
      partial = fallback.partial;
    }
  } else {
    scores = null;
  }

  const cpvCategories = cpvCodes.length > 0 ? categoriesForCpv(cpvCodes, cpvByCategory) : null;
  const keep = (doc: DocumentMeta) =>
    (!params.type || doc.type === params.type) && (!cpvCategories || doc.categories.some((c) => cpvCategories.has(c)));
  const tables = facetTables(built);
  const wanted = FACETS.map((facet) => {
    const list = params.filters[facet];
    if (!list || list.length === 0) return null;
    return new Set(list.map((v) => tables.values[facet].indexOf(v)).filter((id) => id >= 0));
  });
  const counts = FACETS.map((facet) => new Int32Array(tables.values[facet].length));

  // One pass: a document that passes every filter counts in every facet; one that fails exactly one
  // filter counts only in that facet (so each facet shows what its own alternatives would give).
  const hits: Hit[] = [];
  const consider = (position: number, score: number) => {
    const doc = built.docs[position];
    if (!doc || !keep(doc)) return;
    const ids = tables.docs[position];
    let failed = -1;
    for (let f = 0; f < FACETS.length; f += 1) {
      const set = wanted[f];
      if (set && !ids[FACETS[f]].some((id) => set.has(id))) {
        if (failed >= 0) return;
        failed = f;
      }
    }
    if (failed >= 0) {
      for (const id of ids[FACETS[failed]]) counts[failed][id] += 1;
      return;
    }
    for (let f = 0; f < FACETS.length; f += 1) for (const id of ids[FACETS[f]]) counts[f][id] += 1;
    hits.push({ doc, score });
  };
  if (scores) for (const [position, score] of scores) consider(position, score);
  else for (let position = 0; position < built.docs.length; position += 1) consider(position, 0);

  const facets = Object.fromEntries(
    FACETS.map((facet, f) => [
      facet,
      tables.values[facet]
        .map((value, id) => ({ value, count: counts[f][id] }))
        .filter((entry) => entry.count > 0)
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
    ]),
  ) as SearchOutcome['facets'];
  // Documents are stored in id order, so results without words need no sorting.
  if (scores) hits.sort((a, b) => b.score - a.score || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  const start = (params.page - 1) * params.pageSize;
  return { total: hits.length, hits: hits.slice(start, start + params.pageSize), facets, partial, query };
}
