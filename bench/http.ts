// HTTP load at 20 concurrent clients on 127.0.0.1, on SQLite and on PostgreSQL: search, clause page,
// tender document, ticket creation and the monitoring dashboard. Figures are medians of 3 runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScript, startApp, stopApp } from '../test/support/app-process';
import { runLoad, type Scenario } from './load';
import { median, type Row } from './stats';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const RUNS = 3;
const ROOT = path.resolve(import.meta.dirname, '..');
const QUERIES = [
  'schoonmaak',
  'biologische%20voeding',
  'onderaanneming',
  '90910000',
  'levenscycluskost',
  'sociale%20clausule',
  'p%C3%A9nalit%C3%A9s',
  'hergebruik',
];
const CLAUSES = [
  'SOC-CLEAN-001',
  'ENV-CLEAN-001',
  'ENV-FOOD-001',
  'DMP-BUILD-001',
  'ENV-IT-001',
  'ETH-TEXT-001',
  'ENV-VEH-002',
  'SME-CLEAN-001',
];

async function cookieFor(baseUrl: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/nl/signin`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1];
  const res = await fetch(`${baseUrl}/nl/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: token }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function scenarios(cookie: string): Scenario[] {
  const tender = JSON.stringify({
    lang: 'nl',
    authority: 'Gemeente',
    title: 'Schoonmaak',
    procedure: 'open',
    clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-002', 'DMP-CLEAN-001', 'ENV-CLEAN-003'],
  });
  return [
    {
      name: 'search (API)',
      expect: 200,
      request: (i) => ({ method: 'GET', path: `/api/v1/clauses?lang=nl&q=${QUERIES[i % QUERIES.length]}` }),
    },
    {
      name: 'clause page',
      expect: 200,
      request: (i) => ({ method: 'GET', path: `/${i % 2 ? 'fr' : 'nl'}/clauses/${CLAUSES[i % CLAUSES.length]}` }),
    },
    {
      name: 'tender document (5 clauses)',
      expect: 200,
      request: () => ({ method: 'POST', path: '/api/v1/tender-documents', body: tender }),
    },
    {
      name: 'ticket creation',
      expect: 201,
      request: (i) => ({
        method: 'POST',
        path: '/api/v1/tickets',
        body: JSON.stringify({
          question: `Load test question ${i} about social clauses`,
          theme: 'social',
          name: 'L',
          email: `l${i}@example.org`,
          organisation: 'O',
          lang: 'nl',
        }),
      }),
    },
    {
      name: 'monitoring dashboard',
      expect: 200,
      request: () => ({ method: 'GET', path: '/nl/staff/monitoring?period=year', headers: { Cookie: cookie } }),
    },
  ];
}

async function measure(label: string, env: Record<string, string | undefined>): Promise<Row[]> {
  const app = await startApp({ ...env, TICKET_RATE_LIMIT: '0', DOCUMENT_RATE_LIMIT: '0' });
  try {
    await runScript(
      'scripts/user-create.ts',
      ['--email', 'bench@example.org', '--name', 'Bench', '--role', 'coordinator'],
      { ...env, NEW_USER_PASSWORD: 'a bench coordinator sentence' },
    );
    const cookie = await cookieFor(app.url, 'bench@example.org', 'a bench coordinator sentence');
    const rows: Row[] = [];
    for (const scenario of scenarios(cookie)) {
      await runLoad(app.url, scenario, CLIENTS, 1);
      const runs: Awaited<ReturnType<typeof runLoad>>[] = [];
      for (let r = 0; r < RUNS; r += 1) runs.push(await runLoad(app.url, scenario, CLIENTS, SECONDS));
      const errors = runs.reduce((s, r) => s + r.errors, 0);
      const m = (pick: (x: (typeof runs)[number]) => number) => median(runs.map(pick));
      rows.push({
        area: `http, ${label}`,
        case: scenario.name,
        metric: `req/s · p50 / p95 / p99 (${CLIENTS} clients)`,
        value: `${m((x) => x.rps).toFixed(0)} · ${m((x) => x.p50).toFixed(1)} / ${m((x) => x.p95).toFixed(1)} / ${m((x) => x.p99).toFixed(1)} ms${errors ? ` (${errors} errors)` : ''}`,
      });
    }
    return rows;
  } finally {
    await stopApp(app);
  }
}

export async function httpBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'));
  try {
    rows.push(...(await measure('SQLite', { DATA_DIR: sqliteDir, DATABASE_URL: undefined })));
  } finally {
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  }
  if (!fs.existsSync('/usr/lib/postgresql/15/bin/initdb'))
    return [
      ...rows,
      { area: 'http, PostgreSQL', case: 'all', metric: 'not measured', value: 'PostgreSQL 15 binaries not installed' },
    ];
  const pgDir = fs.mkdtempSync('/tmp/bench-pg-');
  fs.chmodSync(pgDir, 0o755);
  const cluster = path.join(ROOT, 'scripts/pg-cluster.sh');
  try {
    const adminUrl = execFileSync('bash', [cluster, 'start', pgDir], { encoding: 'utf8' }).trim();
    const url = new URL(adminUrl);
    execFileSync('/usr/lib/postgresql/15/bin/psql', [adminUrl, '-c', 'CREATE DATABASE helpdesk_bench'], {
      stdio: 'ignore',
    });
    url.pathname = '/helpdesk_bench';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-pg-'));
    rows.push(...(await measure('PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: url.toString() })));
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    execFileSync('bash', [cluster, 'stop', pgDir]);
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
  return rows;
}
