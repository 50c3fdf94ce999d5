// Runs a buyer's query: words are matched on their stem and, as a prefix, on their folded form (so
// "schoonmaak" meets "schoonmaakdiensten"; stems are never used as prefixes, which would over-stem); every word must match (falling back to any word when no
// document has them all); CPV codes select categories; facets count what the other filters leave.
import type { Lang } from '../i18n/languages';
import { analyse } from './analysis';
import type { DocumentMeta } from './documents';
import { lunr } from './lunr-setup';
import type { BuiltIndex } from './search-index';

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
const MAX_WORDS = 12;
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

/** Scores of the documents matching one word: its stem exactly, or its folded form as a prefix. */
function matchWord(index: lunr.Index, word: { folded: string; stemmed: string }): Map<string, number> {
  const results = index.query((query) => {
    query.term(word.stemmed, { usePipeline: false, boost: 10 });
    if (word.folded.length >= 3) query.term(word.folded, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
  });
  return new Map(results.map((r) => [r.ref, r.score]));
}

function matchWords(index: lunr.Index, words: ParsedQuery['words']): { scores: Map<string, number>; partial: boolean } {
  if (words.length === 0) return { scores: new Map(), partial: false };
  const perWord = words.map((w) => matchWord(index, w));
  const all = new Map<string, number>();
  const [first, ...others] = perWord;
  for (const [ref, score] of first) {
    if (others.every((m) => m.has(ref))) all.set(ref, score + others.reduce((sum, m) => sum + (m.get(ref) ?? 0), 0));
  }
  if (all.size > 0 || perWord.length === 1) return { scores: all, partial: false };
  const any = new Map<string, number>();
  for (const m of perWord) for (const [ref, score] of m) any.set(ref, (any.get(ref) ?? 0) + score);
  return { scores: any, partial: any.size > 0 };
}

function facetValues(doc: DocumentMeta, facet: Facet): string[] {
  if (facet === 'category') return doc.categories;
  const value = doc[facet];
  return value ? [value] : [];
}

function passes(doc: DocumentMeta, filters: SearchParams['filters'], except?: Facet): boolean {
  for (const facet of FACETS) {
    if (facet === except) continue;
    const wanted = filters[facet];
    if (!wanted || wanted.length === 0) continue;
    if (!facetValues(doc, facet).some((v) => wanted.includes(v))) return false;
  }
  return true;
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

export function runSearch(built: BuiltIndex, params: SearchParams, cpvByCategory: Map<string, string[]>): SearchOutcome {
  const query = parseQuery(params.q, params.lang);
  const cpvCodes = [...query.cpv, ...(params.cpv ? [params.cpv.replace(/-\d$/, '').replace(/\D/g, '')].filter(Boolean) : [])];
  let scores: Map<string, number>;
  let partial = false;

  if (query.clauseId) {
    scores = new Map([...built.docs.values()].filter((d) => d.id === query.clauseId).map((d) => [d.ref, 100]));
  } else if (query.words.length > 0) {
    const primary = matchWords(built.indexes[params.lang], query.words);
    scores = primary.scores;
    partial = primary.partial;
    if (scores.size === 0) {
      // A buyer may type in the other language: try it before giving up.
      const other = params.lang === 'nl' ? 'fr' : 'nl';
      const fallback = matchWords(built.indexes[other], parseQuery(params.q, other).words);
      scores = fallback.scores;
      partial = fallback.partial;
    }
  } else {
    scores = new Map([...built.docs.keys()].map((ref) => [ref, 0]));
  }

  if (cpvCodes.length > 0) {
    const categories = categoriesForCpv(cpvCodes, cpvByCategory);
    for (const ref of [...scores.keys()]) {
      const doc = built.docs.get(ref);
      if (!doc || !doc.categories.some((c) => categories.has(c))) scores.delete(ref);
    }
  }

  const matched: Hit[] = [];
  for (const [ref, score] of scores) {
    const doc = built.docs.get(ref);
    if (doc && (!params.type || doc.type === params.type)) matched.push({ doc, score });
  }

  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const { doc } of matched) {
        if (!passes(doc, params.filters, facet)) continue;
        for (const value of facetValues(doc, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      return [facet, [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))];
    }),
  ) as SearchOutcome['facets'];

  const hits = matched.filter(({ doc }) => passes(doc, params.filters)).sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
  const start = (params.page - 1) * params.pageSize;
  return { total: hits.length, hits: hits.slice(start, start + params.pageSize), facets, partial, query };
}
