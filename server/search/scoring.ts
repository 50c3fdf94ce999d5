// Ranking by coverage: every concept of the query contributes; a document's rank is first the number
// of concepts it matches, then the sum of its best match per concept (lunr's BM25 weights times the
// boost of the term and the weight of the way it matched: typed word > synonym > correction). A
// category the query names counts as a match of that concept for the category's documents, and lifts
// the ones that also match in words.
import type { Concept } from './concepts';
import type { LanguageIndex } from './search-index';

export interface Scores {
  coverage: Uint8Array;
  score: Float64Array;
  /** Positions of the documents that matched at least one concept. */
  touched: number[];
}

/** A document of a named category that does not contain the words counts for this share of the best
 * match of the concept; one that does is lifted by CATEGORY_LIFT. */
const CATEGORY_CREDIT = 0.35;
const CATEGORY_LIFT = 1.3;

interface Buffers {
  coverage: Uint8Array;
  score: Float64Array;
  best: Float64Array;
  sum: Float64Array;
  partsSeen: Uint8Array;
  stamp: Uint8Array;
  /** The documents the last query wrote into coverage and score, zeroed before the next one. */
  dirty: number[];
}

// Per index, one set of arrays reused by every query (a search runs start to end without yielding, and
// its scores are read before the next one starts): no garbage per query at 10,000 documents.
const pools = new WeakMap<LanguageIndex, Buffers>();

function buffers(index: LanguageIndex, size: number): Buffers {
  let pool = pools.get(index);
  if (!pool || pool.coverage.length !== size) {
    pool = {
      coverage: new Uint8Array(size),
      score: new Float64Array(size),
      best: new Float64Array(size),
      sum: new Float64Array(size),
      partsSeen: new Uint8Array(size),
      stamp: new Uint8Array(size),
      dirty: [],
    };
    pools.set(index, pool);
  }
  for (const doc of pool.dirty) {
    pool.coverage[doc] = 0;
    pool.score[doc] = 0;
  }
  return pool;
}

export function scoreConcepts(
  index: LanguageIndex,
  concepts: Concept[],
  size: number,
  inCategory: (category: string) => number[],
): Scores {
  const pool = buffers(index, size);
  const { coverage, score, best, sum, partsSeen, stamp } = pool;
  const touched: number[] = [];
  pool.dirty = touched;

  for (const concept of concepts) {
    const conceptTouched: number[] = [];
    for (const alternative of concept.alternatives) {
      const altTouched: number[] = [];
      for (let p = 0; p < alternative.parts.length; p += 1) {
        const mark = p + 1;
        for (const { term, boost } of alternative.parts[p]) {
          const postings = index.terms.get(term);
          if (!postings) continue;
          for (const list of postings) {
            for (let k = 0; k < list.length; k += 2) {
              const doc = list[k];
              if (partsSeen[doc] === 0 && stamp[doc] === 0) altTouched.push(doc);
              sum[doc] += list[k + 1] * boost;
              if (stamp[doc] !== mark) {
                stamp[doc] = mark;
                partsSeen[doc] += 1;
              }
            }
          }
        }
      }
      const need = alternative.parts.length;
      for (const doc of altTouched) {
        if (partsSeen[doc] === need) {
          const value = sum[doc] * alternative.weight;
          if (best[doc] === 0) conceptTouched.push(doc);
          if (value > best[doc]) best[doc] = value;
        }
        sum[doc] = 0;
        partsSeen[doc] = 0;
        stamp[doc] = 0;
      }
    }
    if (concept.categories.length > 0) {
      let top = 1;
      for (const doc of conceptTouched) if (best[doc] > top) top = best[doc];
      for (const category of concept.categories) {
        for (const doc of inCategory(category)) {
          if (best[doc] === 0) {
            conceptTouched.push(doc);
            best[doc] = top * CATEGORY_CREDIT;
          } else if (best[doc] < top * 2) best[doc] *= CATEGORY_LIFT;
        }
      }
    }
    for (const doc of conceptTouched) {
      if (coverage[doc] === 0) touched.push(doc);
      coverage[doc] += 1;
      score[doc] += best[doc];
      best[doc] = 0;
    }
  }
  return { coverage, score, touched };
}
