// The relevance set (test/search/relevance.yaml) through our search and through MiniSearch (fuzzy +
// prefix, the best-known small JavaScript engine) on the same documents: recall@3 (a wanted clause in
// the first three) and latency per query for both.
import MiniSearch from 'minisearch';
import { foldAccents } from '../server/search/analysis';
import type { SearchDocument } from '../server/search/documents';
import { forgetReadings, runSearch } from '../server/search/query';
import type { BuiltIndex } from '../server/search/search-index';
import { LANGUAGES, type Lang } from '../server/i18n/languages';
import { readRelevanceSet, scoreRelevance, type RelevanceQuery } from '../test/search/relevance-set';
import { ms, summarise, type Row } from './stats';

type Result = { id: string; categories: string[] };

function miniSearchFor(lang: Lang, docs: SearchDocument[]) {
  const index = new MiniSearch<{ id: string; title: string; text: string; extra: string; categories: string[] }>({
    fields: ['title', 'text', 'extra'],
    storeFields: ['categories'],
    // Fair to the peer: the same lower-casing and accent folding as ours.
    processTerm: (term) => foldAccents(term.toLowerCase()),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 3, text: 1.5 } },
  });
  index.addAll(
    docs.map((d) => ({
      id: d.id,
      title: d.title[lang],
      text: d.text[lang],
      extra: d.extra[lang],
      categories: d.categories,
    })),
  );
  return index;
}

function timed(queries: RelevanceQuery[], run: (q: RelevanceQuery) => Result[]) {
  const samples: number[] = [];
  const results = new Map<RelevanceQuery, Result[]>();
  for (let round = 0; round < 5; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      const found = run(query);
      samples.push(performance.now() - started);
      results.set(query, found);
    }
  }
  return { score: scoreRelevance(queries, (q) => results.get(q)!), latency: summarise(samples) };
}

export function peerBench(built: BuiltIndex, docs: SearchDocument[], cpv: Map<string, string[]>): Row[] {
  const queries = readRelevanceSet();
  const peers = Object.fromEntries(LANGUAGES.map((l) => [l, miniSearchFor(l, docs)])) as Record<
    Lang,
    ReturnType<typeof miniSearchFor>
  >;
  // Ours pays the whole analysis of every query, as MiniSearch does (no remembered readings).
  const ours = timed(queries, (q) => {
    forgetReadings(built);
    const params = { q: q.q, lang: q.lang, filters: {}, type: 'clause' as const, page: 1, pageSize: 3 };
    return runSearch(built, params, cpv).hits.map((h) => h.doc);
  });
  const peer = timed(queries, (q) =>
    peers[q.lang]
      .search(q.q)
      .slice(0, 3)
      .map((r) => ({ id: String(r.id), categories: r.categories as string[] })),
  );
  const row = (name: string, r: ReturnType<typeof timed>, target?: string): Row => ({
    area: 'search, relevance',
    case: `${queries.length} buyer queries, ${name}`,
    metric: 'recall@3 · top-1 · latency p50 / p95',
    value: `${(r.score.top3 * 100).toFixed(1)} % · ${(r.score.top1 * 100).toFixed(1)} % · ${ms(r.latency.p50)} / ${ms(r.latency.p95)}`,
    target,
  });
  return [
    row('this search', ours, `recall above MiniSearch; p95 ≤ 2 × MiniSearch (${ms(peer.latency.p95 * 2)})`),
    row('MiniSearch 7 (fuzzy 0.2 + prefix)', peer),
  ];
}
