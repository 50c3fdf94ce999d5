// Tender document generation: a typical document (20 clauses) and a large one (200 clauses), built the
// way the server builds them (in the document pool's worker thread); and /healthz while 16 clients
// generate 200-clause documents over HTTP, which shows whether generation starves other requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLibrary } from '../server/clauses/files';
import { readAnnexes } from '../server/clauses/annex-files';
import { presentAnnex } from '../server/clauses/annex-presenter';
import type { ClauseDocument } from '../server/clauses/schema';
import { DocumentPool } from '../server/tenders/document-pool';
import type { DocumentTask } from '../server/tenders/document-worker';
import type { TenderRequest } from '../server/tenders/model';
import { referencedAnnexIds, type TenderPlan } from '../server/tenders/plan';
import { startApp, stopApp } from '../test/support/app-process';
import { runLoad } from './load';
import { median, ms, type Row } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const GENERATORS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4) * 2;
const ANNEXES = readAnnexes(path.join(ROOT, 'clauses')).annexes;

function plan(clauses: ClauseDocument[]): TenderPlan {
  const request: TenderRequest = {
    lang: 'nl',
    authority: 'Gemeente Bench',
    title: 'Benchmark',
    reference: 'B-1',
    procedure: 'open',
    estimatedValue: 480_000,
    lots: [{ name: 'A' }, { name: 'B' }],
    clauseIds: clauses.map((c) => c.id),
    parameters: {},
  };
  const resolved = clauses.map((document) => ({
    document,
    values: {},
    weight: document.stage === 'award' ? 1 : undefined,
  }));
  const awards = resolved.filter((c) => c.weight !== undefined).length;
  return {
    request,
    contractType: 'services',
    clauses: resolved,
    priceWeight: 100 - awards,
    awardBasis: awards > 0 ? 'price_quality' : 'price_only',
    checks: [],
    // The library annexes the clauses refer to, rendered as annex sections (and spreadsheets in the package).
    annexes: referencedAnnexIds(resolved).flatMap((id) =>
      ANNEXES.filter((a) => a.id === id).map((a) => presentAnnex(a, 'nl')),
    ),
  };
}

const WARM_UPS = 3;
const RUNS = 9;

/** The median build time of a task in a warm worker (a server's workers stay up), and the document's size. */
async function timeBuilds(pool: DocumentPool, task: DocumentTask): Promise<{ metric: string; value: string }> {
  for (let i = 0; i < WARM_UPS; i += 1) await pool.build(task); // starts the worker and warms its code
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    size = (await pool.build(task)).length;
    times.push(performance.now() - start);
  }
  return {
    metric: `generation time in a warm worker (median of ${RUNS} after ${WARM_UPS} warm-ups) / size`,
    value: `${ms(median(times))} / ${(size / 1024).toFixed(0)} KiB`,
  };
}

async function generationRows(library: ClauseDocument[]): Promise<Row[]> {
  const big = Array.from({ length: 200 }, (_, i) => ({
    ...library[i % library.length],
    id: `SOC-BENCH-${String(i).padStart(3, '0')}`,
  }));
  const pool = new DocumentPool({ threads: 1, queueLimit: 4 });
  const rows: Row[] = [];
  try {
    for (const [label, clauses, target] of [
      ['typical (20 clauses)', library.slice(0, 20), '≤ 100 ms'],
      ['large (200 clauses)', big, '≤ 500 ms'],
    ] as const) {
      const task = { kind: 'tender' as const, plan: plan(clauses as ClauseDocument[]), now: new Date() };
      rows.push({ area: 'tender document', case: label, ...(await timeBuilds(pool, task)), target });
    }
    const task = { kind: 'tender_package' as const, plan: plan(big), now: new Date(), fileStem: 'bestek-B-1' };
    rows.push({
      area: 'tender document',
      case: 'ZIP package (200 clauses: .docx and the .xlsx annexes)',
      ...(await timeBuilds(pool, task)),
    });
  } finally {
    await pool.close();
  }
  return rows;
}

/** A copy of the library with enough extra clauses (copies of a performance clause) for a 200-clause tender. */
function libraryOf200(dir: string): string[] {
  const source = path.join(ROOT, 'clauses');
  fs.cpSync(source, dir, { recursive: true });
  const template = fs.readFileSync(path.join(source, 'SOC-CLEAN-001.yaml'), 'utf8');
  const ids = readLibrary(source)
    .clauses.filter((c) => c.stage !== 'award')
    .map((c) => c.id);
  for (let i = 1; ids.length < 200; i += 1) {
    const id = `SOC-BENCH-${String(i).padStart(3, '0')}`;
    fs.writeFileSync(path.join(dir, `${id}.yaml`), template.replace(/^id: .*$/m, `id: ${id}`));
    ids.push(id);
  }
  return ids.slice(0, 200);
}

async function healthUnderLoad(): Promise<Row> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tenders-'));
  const clausesDir = path.join(work, 'clauses');
  const ids = libraryOf200(clausesDir);
  const app = await startApp({ DATA_DIR: path.join(work, 'data'), DATABASE_URL: undefined, CLAUSES_DIR: clausesDir });
  try {
    const body = JSON.stringify({
      lang: 'fr',
      authority: 'Commune',
      title: 'Grand cahier',
      procedure: 'open',
      estimatedValue: '1 250 000,50',
      clauseIds: ids,
      weights: { price: 100 },
    });
    const generate = { method: 'POST' as const, path: '/api/v1/tender-documents', body };
    const probe = await fetch(`${app.url}/api/v1/tender-documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    if (probe.status !== 200) throw new Error(`200-clause document: ${probe.status} ${await probe.text()}`);
    const [generation, health] = await Promise.all([
      runLoad(app.url, { name: 'generate', expect: 200, request: () => generate }, GENERATORS, SECONDS),
      runLoad(
        app.url,
        { name: 'healthz', expect: 200, request: () => ({ method: 'GET', path: '/healthz' }) },
        1,
        SECONDS,
      ),
    ]);
    return {
      area: 'tender document',
      case: `/healthz while ${GENERATORS} clients generate 200-clause documents (SQLite, ${os.availableParallelism()} workers)`,
      metric: '/healthz p50 / p95 · documents/s, p95, errors',
      value: `${health.p50.toFixed(1)} / ${health.p95.toFixed(1)} ms · ${generation.rps.toFixed(1)}/s, ${(generation.p95 / 1000).toFixed(1)} s, ${generation.errors}`,
      target: 'p95 < 100 ms',
    };
  } finally {
    await stopApp(app);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function tenderBench(): Promise<Row[]> {
  const library = readLibrary(path.join(ROOT, 'clauses')).clauses;
  return [...(await generationRows(library)), await healthUnderLoad()];
}
