// The observatory at 10,000 notices on SQLite: importing notices generated from the SDK examples (new ids,
// half of them Brussels), importing them again (nothing changes), and the figures for a year.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config/config';
import { createLogger } from '../server/http/logger';
import { buildDeps, prepareDatabase } from '../server/startup';
import { validFixtures, variant } from '../test/support/notices';
import { median, ms, type Row } from './stats';

const COUNT = 10_000;
const CPV = ['90910000', '45000000', '55520000', '30213100', '39130000', '34144900', '77310000', '79710000'];
const ADDED = [
  [],
  [{ list: 'strategic-procurement', code: 'env-imp' }],
  [{ list: 'gpp-criteria', code: 'eu' }],
  [{ list: 'strategic-procurement', code: 'soc-obj' }],
];

/** Writes the notices; answers how many are Brussels procedures (planning notices have no procedure). */
function generate(dir: string, year: number): number {
  const bases = validFixtures();
  let brusselsProcedures = 0;
  for (let i = 0; i < COUNT; i += 1) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const base = bases[i % bases.length];
    const xml = variant(base, {
      id: randomUUID(),
      procedure: randomUUID(),
      issueDate: `${year}-${month}-15`,
      nuts: i % 2 === 0 ? 'BE100' : 'BE211',
      cpv: CPV[i % CPV.length],
      add: ADDED[i % ADDED.length],
    });
    fs.writeFileSync(path.join(dir, `notice-${String(i).padStart(5, '0')}.xml`), xml);
    if (i % 2 === 0 && xml.includes('<cbc:ContractFolderID>')) brusselsProcedures += 1;
  }
  return brusselsProcedures;
}

export async function observatoryBench(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-observatory-'));
  const notices = path.join(dir, 'notices');
  fs.mkdirSync(notices);
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RETENTION_INTERVAL_HOURS: '0',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  });
  const logger = createLogger('silent');
  const db = await prepareDatabase(config, logger);
  try {
    const deps = await buildDeps(config, db, logger);
    const year = new Date().getUTCFullYear();
    const generating = performance.now();
    const expected = generate(notices, year);
    process.stderr.write(`bench: observatory: ${COUNT} notices generated in ${ms(performance.now() - generating)}\n`);
    const megabytes =
      fs.readdirSync(notices).reduce((sum, f) => sum + fs.statSync(path.join(notices, f)).size, 0) / 2 ** 20;

    const first = performance.now();
    const report = await deps.observatory.importer.importPaths([notices]);
    const importMs = performance.now() - first;
    if (report.added !== COUNT)
      throw new Error(`expected ${COUNT} notices added, got ${report.added} (${report.refused} refused)`);
    const again = performance.now();
    const second = await deps.observatory.importer.importPaths([notices]);
    const againMs = performance.now() - again;
    if (second.unchanged !== COUNT) throw new Error(`expected ${COUNT} unchanged, got ${second.unchanged}`);

    const filter = { region: 'BE100', from: `${year}-01-01`, to: `${year}-12-31` };
    const samples: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const start = performance.now();
      const stats = await deps.observatory.stats(filter);
      if (i > 0) samples.push(performance.now() - start);
      if (stats.procedures !== expected)
        throw new Error(`expected ${expected} Brussels procedures, got ${stats.procedures}`);
    }
    await deps.stop();
    const area = 'observatory';
    const label = `${COUNT.toLocaleString('en')} generated notices (SQLite)`;
    return [
      {
        area,
        case: label,
        metric: `import from files (${megabytes.toFixed(0)} MB): notices/s · per notice`,
        value: `${Math.round(COUNT / (importMs / 1000))}/s · ${ms(importMs / COUNT)}`,
        target: '≥ 200/s',
      },
      {
        area,
        case: label,
        metric: 'import again (nothing changes): notices/s',
        value: `${Math.round(COUNT / (againMs / 1000))}/s`,
      },
      {
        area,
        case: label,
        metric: 'figures for a year, Brussels (median of 5)',
        value: ms(median(samples)),
        target: '≤ 300 ms',
      },
    ];
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
