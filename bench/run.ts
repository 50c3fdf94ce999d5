// npm run bench: runs every benchmark and prints one table (also written to bench/results.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchBench } from './search';
import { searchHttpBench } from './search-http';
import { tenderBench } from './tenders';
import { monitoringBench } from './monitoring';
import { httpBench } from './http';
import { observatoryBench } from './observatory';
import { attachmentBench } from './attachments';
import type { Row } from './stats';

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  search: searchBench,
  'search-http': searchHttpBench,
  tenders: tenderBench,
  monitoring: monitoringBench,
  observatory: observatoryBench,
  http: httpBench,
  attachments: attachmentBench,
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

/** Rows of an earlier results.md, so that a run of some sections updates their rows and keeps the rest. */
function previousRows(file: string): Row[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| area ') && !/^[|\s-]+$/.test(line))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    )
    .map(([area, kase, metric, value, target]) => ({ area, case: kase, metric, value, target: target || undefined }));
}

const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => a !== '--write');
const rows: Row[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await run()));
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const file = path.join(import.meta.dirname, 'results.md');
let all = rows;
let when = `Measured ${new Date().toISOString()} on ${machine}.`;
if (only.length > 0 && write) {
  // Rows of the sections run now replace theirs (same area) in place; new areas go after them.
  const fresh = new Set(rows.map((r) => r.area));
  const kept = previousRows(file);
  const firstFresh = kept.findIndex((r) => fresh.has(r.area));
  const others = kept.filter((r) => !fresh.has(r.area));
  const at = firstFresh < 0 ? others.length : kept.slice(0, firstFresh).filter((r) => !fresh.has(r.area)).length;
  all = [...others.slice(0, at), ...rows, ...others.slice(at)];
  // The oldest measurement among the rows kept: the full run's date, carried from header to header.
  const header = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const oldest = header.match(/oldest (\S+)\)/)?.[1] ?? header.match(/Measured (\S+)/)?.[1] ?? 'unknown';
  when = `Measured ${new Date().toISOString()} (sections ${only.join(', ')}; the other rows earlier, the oldest ${oldest}) on ${machine}.`;
}
const report = `# Benchmark results\n\n${when}\n\n${table(all)}\n`;
console.log(report);
if (only.length === 0 || write) fs.writeFileSync(file, report);
