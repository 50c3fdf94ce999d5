// Tender document generation: a typical document (20 clauses) and a large one (200 clauses).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLibrary } from '../server/clauses/files';
import type { ClauseDocument } from '../server/clauses/schema';
import type { TenderRequest } from '../server/tenders/model';
import type { TenderPlan } from '../server/tenders/plan';
import { tenderDocument } from '../server/tenders/tender-document';
import { median, ms, type Row } from './stats';

function plan(clauses: ClauseDocument[]): TenderPlan {
  const request: TenderRequest = {
    lang: 'nl',
    authority: 'Gemeente Bench',
    title: 'Benchmark',
    reference: 'B-1',
    procedure: 'open',
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
  return { request, contractType: 'services', clauses: resolved, priceWeight: 100 - awards, checks: [] };
}

export async function tenderBench(): Promise<Row[]> {
  const library = readLibrary(path.resolve(import.meta.dirname, '../clauses')).clauses;
  const big = Array.from({ length: 200 }, (_, i) => ({
    ...library[i % library.length],
    id: `SOC-BENCH-${String(i).padStart(3, '0')}`,
  }));
  const rows: Row[] = [];
  for (const [label, clauses] of [
    ['typical (20 clauses)', library.slice(0, 20)],
    ['large (200 clauses)', big],
  ] as const) {
    const p = plan(clauses as ClauseDocument[]);
    await tenderDocument(p, new Date());
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      const buffer = await tenderDocument(p, new Date());
      times.push(performance.now() - start);
      size = buffer.length;
    }
    rows.push({
      area: 'tender document',
      case: label,
      metric: 'generation time (median of 5) / size',
      value: `${ms(median(times))} / ${(size / 1024).toFixed(0)} KiB`,
    });
  }
  fs.rmSync(path.join(os.tmpdir(), 'bench-tenders'), { recursive: true, force: true });
  return rows;
}
