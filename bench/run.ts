// npm run bench: runs every benchmark and prints one table (also written to bench/results.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchBench } from './search';
import { tenderBench } from './tenders';
import { monitoringBench } from './monitoring';
import { httpBench } from './http';
import { observatoryBench } from './observatory';
import type { Row } from './stats';

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  search: searchBench,
  tenders: tenderBench,
  monitoring: monitoringBench,
  observatory: observatoryBench,
  http: httpBench,
};

function table(rows: Row[]): string {
  const header = ['area', 'case', 'metric', 'measured', 'target'];
  const lines = rows.map((r) => [r.area, r.case, r.metric, r.value, r.target ?? '']);
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
}

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const report = `# Benchmark results\n\nMeasured ${new Date().toISOString()} on ${machine}.\n\n${table(rows)}\n`;
console.log(report);
if (only.length === 0) fs.writeFileSync(path.join(import.meta.dirname, 'results.md'), report);
