// Search API throughput against the same server's /healthz, side by side in one run at 20 connections on
// 127.0.0.1 (SQLite): a plain query and a misspelt one (typo tolerance at work). Runs alternate between
// the three so that the machine's load affects them alike; figures are medians of 3 runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stopApp } from '../test/support/app-process';
import { runLoad, type LoadResult, type Scenario } from './load';
import { median, type Row } from './stats';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RUNS = 3;
const PLAIN = [
  'schoonmaak',
  'biologische voeding',
  'mobilier',
  'sous-traitance nettoyage',
  'onderaanneming',
  'textiel',
];
const MISSPELT = ['schonmaak', 'voedng', 'nettoyge', 'gardienage', 'meubliair', 'onderanneming'];

const api = (queries: string[]) => (i: number) => ({
  method: 'GET' as const,
  path: `/api/v1/clauses?lang=${i % 2 ? 'fr' : 'nl'}&q=${encodeURIComponent(queries[i % queries.length])}`,
});

const SCENARIOS: Scenario[] = [
  { name: '/healthz', expect: 200, request: () => ({ method: 'GET', path: '/healthz' }) },
  { name: 'search API, plain query', expect: 200, request: api(PLAIN) },
  { name: 'search API, misspelt query', expect: 200, request: api(MISSPELT) },
];

export async function searchHttpBench(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-http-'));
  const app = await startApp({ DATA_DIR: dir, DATABASE_URL: undefined });
  try {
    const runs = new Map<string, LoadResult[]>(SCENARIOS.map((s) => [s.name, []]));
    for (const scenario of SCENARIOS) await runLoad(app.url, scenario, CLIENTS, 1);
    for (let r = 0; r < RUNS; r += 1)
      for (const scenario of SCENARIOS)
        runs.get(scenario.name)!.push(await runLoad(app.url, scenario, CLIENTS, SECONDS));
    const rps = (name: string) => median(runs.get(name)!.map((x) => x.rps));
    const health = rps('/healthz');
    return SCENARIOS.map((scenario, i) => {
      const results = runs.get(scenario.name)!;
      const m = (pick: (x: LoadResult) => number) => median(results.map(pick));
      const errors = results.reduce((sum, x) => sum + x.errors, 0);
      const ratio = i === 0 ? '' : ` = ${(rps(scenario.name) / health).toFixed(2)} × /healthz`;
      return {
        area: 'search, http (SQLite)',
        case: scenario.name,
        metric: `req/s · p50 / p95 (${CLIENTS} clients)`,
        value: `${m((x) => x.rps).toFixed(0)}${ratio} · ${m((x) => x.p50).toFixed(1)} / ${m((x) => x.p95).toFixed(1)} ms${errors ? ` (${errors} errors)` : ''}`,
        target: i === 0 ? undefined : i === 1 ? '≥ 0.6 × /healthz' : '≥ 0.5 × /healthz',
      };
    });
  } finally {
    await stopApp(app);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
