// Search latency on the real library and on a generated library of 10,000 clauses; index build and
// load times; search start-up from a saved index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLibrary } from '../server/clauses/files';
import { clauseSearchDocument } from '../server/clauses/search-documents';
import type { ClauseDocument } from '../server/clauses/schema';
import type { SearchDocument } from '../server/search/documents';
import { forgetReadings, runSearch, type SearchParams } from '../server/search/query';
import {
  buildIndex,
  IndexCache,
  serializeIndex,
  deserializeIndex,
  type BuiltIndex,
} from '../server/search/search-index';
import { categoryGroups } from '../server/search/thesaurus';
import { peerBench } from './search-peer';
import { ms, summarise, time, type Row } from './stats';
import { ClauseRepository, contentOf } from '../server/clauses/repository';
import { clauseDocumentSource } from '../server/clauses/search-documents';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { createLogger } from '../server/http/logger';
import { SearchService } from '../server/search/service';
import { replaceThesaurus } from '../server/search/thesaurus-store';
import { systemClock } from '../server/db/time';

const QUERIES: [string, 'nl' | 'fr'][] = [
  ['schoonmaak', 'nl'],
  ['biologische voeding', 'nl'],
  ['onderaanneming paritair comité', 'nl'],
  ['90910000', 'nl'],
  ['sociale clausule opleiding werkzoekenden', 'nl'],
  ['levenscycluskost', 'nl'],
  ['critères d’attribution', 'fr'],
  ['pénalités', 'fr'],
  ['sous-traitance nettoyage', 'fr'],
  ['commerce équitable textile', 'fr'],
  ['', 'fr'],
  ['45', 'fr'],
  // Typo tolerance, synonyms, English, compounds and phrases on.
  ['schonmaak', 'nl'],
  ['nettoyge', 'fr'],
  ['gardienage', 'fr'],
  ['poetsdienst', 'nl'],
  ['meubles', 'fr'],
  ['electric vehicles', 'nl'],
  ['kantoorschoonmaak', 'nl'],
  ['dienstvoertuigen', 'nl'],
  ['entretien des locaux', 'fr'],
  ['herbruikbaar meubilair', 'nl'],
  ['cantine scolaire', 'fr'],
];

function realDocuments() {
  const library = readLibrary(path.resolve(import.meta.dirname, '../clauses'));
  const names = new Map(library.categories.map((c) => [c.code, c.name]));
  const cpv = new Map(library.categories.map((c) => [c.code, c.cpv.map((x) => x.code)]));
  const published = library.clauses.filter((c) => c.status === 'published');
  return {
    docs: published.map((c) => clauseSearchDocument(c, names, cpv)),
    cpv,
    clauses: library.clauses,
    // What the service builds with: the thesaurus and the category names.
    groups: [...library.thesaurus, ...categoryGroups(library.categories)],
  };
}

/** A large library made from the real clauses: each generated clause takes a real clause's sentences in
 * another order and swaps one word in five for a word from elsewhere in the library, so documents keep
 * realistic sizes and topical vocabularies while no two are the same. */
export function generatedDocuments(count: number, base: SearchDocument[]): SearchDocument[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const words = { nl: base.flatMap((d) => d.text.nl.split(/\s+/)), fr: base.flatMap((d) => d.text.fr.split(/\s+/)) };
  const vary = (lang: 'nl' | 'fr', text: string) =>
    text
      .split(/(?<=[.;])\s+/)
      .sort(() => random() - 0.5)
      .join(' ')
      .split(/\s+/)
      .map((w) => (random() < 0.2 ? words[lang][Math.floor(random() * words[lang].length)] : w))
      .join(' ');
  return Array.from({ length: count }, (_, i) => {
    const template = base[i % base.length];
    const id = `${template.id.slice(0, 3)}-GEN${String(Math.floor(i / 1000)).padStart(2, '0')}-${String(i % 1000).padStart(3, '0')}`;
    return {
      ...template,
      ref: `clause:${id}`,
      id,
      title: { nl: vary('nl', template.title.nl), fr: vary('fr', template.title.fr) },
      text: { nl: vary('nl', template.text.nl), fr: vary('fr', template.text.fr) },
      extra: { nl: vary('nl', template.extra.nl), fr: vary('fr', template.extra.fr) },
    };
  });
}

/** Latency of the queries; `remembered: false` forgets the query readings first, so every sample pays the
 * whole analysis (thesaurus, compounds, typo lookup) as a query seen for the first time does. */
function measureQueries(built: BuiltIndex, cpv: Map<string, string[]>, rounds: number, remembered = false) {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    for (const [q, lang] of QUERIES) {
      const params: SearchParams = { q, lang, filters: r % 3 === 0 ? { level: ['basis'] } : {}, page: 1, pageSize: 20 };
      if (!remembered) forgetReadings(built);
      const start = performance.now();
      runSearch(built, params, cpv);
      samples.push(performance.now() - start);
    }
  }
  return summarise(samples);
}

/** Start-up of search with 10,000 published clauses in a database: the first start builds (in a worker)
 * and saves the index; the next start reads the clause keys and loads the saved index. */
async function startupBench(clauses: ClauseDocument[]): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const db = createDatabase({
    client: 'sqlite',
    url: `sqlite:${dir}/bench.sqlite`,
    filename: path.join(dir, 'bench.sqlite'),
    poolMax: 1,
  });
  try {
    await migrateToLatest(db);
    const repo = new ClauseRepository(db);
    const library = readLibrary(path.resolve(import.meta.dirname, '../clauses'));
    await db.transaction(async (trx) => {
      await repo.replaceCategories(trx, library.categories);
      await replaceThesaurus(trx, library.thesaurus, library.thesaurusHash, systemClock);
    });
    const now = new Date().toISOString();
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const template = clauses[i % clauses.length];
      const id = `${template.id.slice(0, 3)}-G${String(Math.floor(i / 1000)).padStart(4, '0')}-${String(i % 1000).padStart(3, '0')}`;
      return { ...template, id, title: { nl: `${template.title.nl} ${i}`, fr: `${template.title.fr} ${i}` } };
    });
    for (let i = 0; i < rows.length; i += 200) {
      const batch = rows.slice(i, i + 200);
      await db('clauses').insert(
        batch.map((c) => ({
          id: c.id,
          status: 'published',
          theme: c.theme,
          stage: c.stage,
          level: c.level,
          owner_org: c.owner,
          latest_version: 1,
          published_version: 1,
          reviewed_on: c.reviewed,
          created_at: now,
          updated_at: now,
        })),
      );
      await db('clause_versions').insert(
        batch.map((c) => ({
          clause_id: c.id,
          version: 1,
          status: 'published',
          content: contentOf(c),
          reason: 'bench',
          author_name: 'bench',
          created_at: now,
          published_at: now,
        })),
      );
    }
    const logger = createLogger('silent');
    const make = () =>
      new SearchService(
        db,
        [clauseDocumentSource(repo)],
        () => repo.categories(),
        new IndexCache(path.join(dir, 'index')),
        logger,
      );
    const first = make();
    const cold = await time(() => first.refresh());
    const second = make();
    const warm = await time(() => second.refresh());
    if (second.documentCount !== 10_000 || second.lastBuild?.builtIn !== 'cache')
      throw new Error(`start-up did not load the saved index (${second.lastBuild?.builtIn})`);
    return [
      {
        area: 'search',
        case: '10,000 clauses in SQLite',
        metric: `first start (build in ${first.lastBuild?.builtIn})`,
        value: ms(cold.ms),
      },
      {
        area: 'search',
        case: '10,000 clauses in SQLite',
        metric: 'start-up with saved index',
        value: ms(warm.ms),
        target: '≤ 2 s',
      },
    ];
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function searchBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const { docs, cpv, groups } = realDocuments();
  const real = await time(() => buildIndex(docs, groups));
  measureQueries(real.value, cpv, 5);
  const realLatency = measureQueries(real.value, cpv, 100);
  const realRemembered = measureQueries(real.value, cpv, 100, true);
  rows.push({
    area: 'search',
    case: `real library (${docs.length} clauses)`,
    metric: 'latency p50 / p95 (query seen for the first time)',
    value: `${ms(realLatency.p50)} / ${ms(realLatency.p95)}`,
    target: 'p95 ≤ 2 ms',
  });
  rows.push({
    area: 'search',
    case: `real library (${docs.length} clauses)`,
    metric: 'latency p50 / p95 (reading remembered)',
    value: `${ms(realRemembered.p50)} / ${ms(realRemembered.p95)}`,
  });
  rows.push({
    area: 'search',
    case: `real library (${docs.length} clauses)`,
    metric: 'index build',
    value: ms(real.ms),
  });

  rows.push(...peerBench(real.value, docs, cpv));

  const big = generatedDocuments(10_000, docs);
  const built = await time(() => buildIndex(big, groups));
  measureQueries(built.value, cpv, 2);
  const bigLatency = measureQueries(built.value, cpv, 20);
  rows.push({
    area: 'search',
    case: 'generated library (10,000 clauses)',
    metric: 'latency p50 / p95 (query seen for the first time)',
    value: `${ms(bigLatency.p50)} / ${ms(bigLatency.p95)}`,
    target: 'p95 ≤ 10 ms',
  });
  rows.push({
    area: 'search',
    case: 'generated library (10,000 clauses)',
    metric: 'index build (rebuild)',
    value: ms(built.ms),
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-index-'));
  const cache = new IndexCache(dir);
  cache.save(built.value);
  const size = fs.statSync(path.join(dir, `${built.value.fingerprint}.json`)).size;
  const loaded = await time(() => cache.load(built.value.fingerprint));
  if (!loaded.value) throw new Error('saved index did not load');
  rows.push({
    area: 'search',
    case: 'generated library (10,000 clauses)',
    metric: 'saved index load (start-up)',
    value: `${ms(loaded.ms)} (${(size / 1e6).toFixed(1)} MB)`,
    target: '≤ 2 s',
  });
  const roundTrip = deserializeIndex(serializeIndex(real.value));
  if (roundTrip.docs.length !== docs.length) throw new Error('real index did not round-trip');
  fs.rmSync(dir, { recursive: true, force: true });
  rows.push(...(await startupBench(realDocuments().clauses)));
  return rows;
}
