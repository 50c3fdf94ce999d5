// The relevance set (test/search/relevance.yaml): queries as a buyer types them, each with the clauses or
// the category a buyer would want. Read by the relevance test and by the bench (ours against MiniSearch).
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { LANGUAGES } from '../../server/i18n/languages';

const KINDS = ['synonym', 'compound', 'typo', 'english', 'multiword', 'category', 'plain', 'phrase'] as const;

const querySchema = z
  .strictObject({
    q: z.string().min(1),
    lang: z.enum(LANGUAGES),
    kind: z.enum(KINDS),
    category: z.string().min(1).optional(),
    want: z
      .array(z.string().regex(/^[A-Z]{3}-[A-Z0-9]{2,6}-\d{3}$/))
      .min(1)
      .optional(),
    note: z.string().optional(),
  })
  .refine((q) => q.category || q.want, { message: 'needs a category or wanted clause ids' });

export type RelevanceQuery = z.infer<typeof querySchema>;

export const RELEVANCE_FILE = path.resolve(import.meta.dirname, 'relevance.yaml');

export function readRelevanceSet(file = RELEVANCE_FILE): RelevanceQuery[] {
  const data = YAML.parse(fs.readFileSync(file, 'utf8')) as unknown;
  return z.strictObject({ queries: z.array(querySchema).min(1) }).parse(data).queries;
}

/** A result a buyer would want for the query: a clause of its category or one of the clauses named. */
export function isWanted(query: RelevanceQuery, result: { id: string; categories: string[] }): boolean {
  return (query.want?.includes(result.id) ?? false) || (!!query.category && result.categories.includes(query.category));
}

export interface RelevanceScore {
  top1: number;
  top3: number;
  misses: { query: RelevanceQuery; got: string[] }[];
}

/** Share of queries with a wanted result first, and within the first three. */
export function scoreRelevance(
  queries: RelevanceQuery[],
  run: (query: RelevanceQuery) => { id: string; categories: string[] }[],
): RelevanceScore {
  let top1 = 0;
  let top3 = 0;
  const misses: RelevanceScore['misses'] = [];
  for (const query of queries) {
    const results = run(query).slice(0, 3);
    if (results[0] && isWanted(query, results[0])) top1 += 1;
    if (results.some((r) => isWanted(query, r))) top3 += 1;
    else misses.push({ query, got: results.map((r) => r.id) });
  }
  return { top1: top1 / queries.length, top3: top3 / queries.length, misses };
}
