// Filters and facet counts over the matched documents. Facet values are interned as small numbers per
// index, so counting is array arithmetic; each facet counts what the other facets' filters leave.
import type { DocumentMeta } from './documents';
import type { BuiltIndex } from './search-index';

export const FACETS = ['theme', 'category', 'stage', 'level', 'owner'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetCounts = Record<Facet, { value: string; count: number }[]>;

interface FacetTables {
  values: Record<Facet, string[]>;
  /** docs[position][facet number] = value numbers of that document. */
  docs: number[][][];
}

const facetTablesCache = new WeakMap<BuiltIndex, FacetTables>();

function facetValues(doc: DocumentMeta, facet: Facet): string[] {
  if (facet === 'category') return doc.categories;
  const value = doc[facet];
  return value ? [value] : [];
}

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
  const docs = built.docs.map((doc) => FACETS.map((f) => facetValues(doc, f).map((v) => intern(f, v))));
  const tables = { values, docs };
  facetTablesCache.set(built, tables);
  return tables;
}

/** Applies the facet filters to the candidates (positions, or every document when null) and counts the
 * facets in one pass: a document that passes every filter counts in every facet; one that fails exactly
 * one filter counts only in that facet (so each facet shows what its own alternatives would give). */
export function filterAndCount(
  built: BuiltIndex,
  candidates: Iterable<number> | null,
  filters: Partial<Record<Facet, string[]>>,
  keep: (doc: DocumentMeta) => boolean,
): { passed: number[]; facets: FacetCounts } {
  const tables = facetTables(built);
  const wanted = FACETS.map((facet) => {
    const list = filters[facet];
    if (!list || list.length === 0) return null;
    return new Set(list.map((v) => tables.values[facet].indexOf(v)).filter((id) => id >= 0));
  });
  const counts = FACETS.map((facet) => new Int32Array(tables.values[facet].length));
  const filtered = wanted.some((set) => set !== null);
  const passed: number[] = [];
  const consider = (position: number) => {
    const doc = built.docs[position];
    if (!doc || !keep(doc)) return;
    const ids = tables.docs[position];
    let failed = -1;
    if (filtered) {
      for (let f = 0; f < FACETS.length; f += 1) {
        const set = wanted[f];
        if (set && !ids[f].some((id) => set.has(id))) {
          if (failed >= 0) return;
          failed = f;
        }
      }
    }
    if (failed >= 0) {
      for (const id of ids[failed]) counts[failed][id] += 1;
      return;
    }
    for (let f = 0; f < ids.length; f += 1) {
      const row = ids[f];
      const count = counts[f];
      for (let k = 0; k < row.length; k += 1) count[row[k]] += 1;
    }
    passed.push(position);
  };
  if (candidates) for (const position of candidates) consider(position);
  else for (let position = 0; position < built.docs.length; position += 1) consider(position);

  const facets = Object.fromEntries(
    FACETS.map((facet, f) => [
      facet,
      tables.values[facet]
        .map((value, id) => ({ value, count: counts[f][id] }))
        .filter((entry) => entry.count > 0)
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
    ]),
  ) as FacetCounts;
  return { passed, facets };
}
