// The monitoring dashboard at 100,000 tickets on SQLite: the figures alone, and the whole page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config/config';
import { createLogger } from '../server/http/logger';
import { periodFrom } from '../server/monitoring/period';
import { buildDeps, prepareDatabase } from '../server/startup';
import { seedTickets, seedUsage } from './seed';
import { median, ms, type Row } from './stats';

export async function monitoringBench(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-monitoring-'));
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
    await seedTickets(db, 100_000, year);
    const clauseIds = ((await db('clauses').select('id')) as { id: string }[]).map((r) => r.id);
    await seedUsage(db, 100_000, year, clauseIds);
    await deps.accountService.createWithPassword({
      email: 'bench@example.org',
      name: 'Bench',
      password: 'a bench coordinator sentence',
      roles: ['coordinator'],
      orgCode: 'coordination_cell',
      lang: 'nl',
    });
    const period = periodFrom({ period: 'year', year: String(year) }, new Date());
    const warm = performance.now();
    await deps.stats.warmUp();
    const warmUpMs = performance.now() - warm;
    const compute: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const start = performance.now();
      const stats = await deps.stats.compute(period, null);
      if (i > 0) compute.push(performance.now() - start);
      if (stats.tickets.received !== 100_000)
        throw new Error(`expected 100,000 tickets, got ${stats.tickets.received}`);
    }
    const app = createApp(deps);
    const agent = request.agent(app);
    const signIn = await agent.get('/nl/signin');
    const token = signIn.text.match(/name="_csrf" value="([^"]+)"/)![1];
    await agent
      .post('/nl/signin')
      .type('form')
      .send({ email: 'bench@example.org', password: 'a bench coordinator sentence', _csrf: token });
    const page: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const start = performance.now();
      const res = await agent.get('/nl/staff/monitoring').query({ period: 'year', year: String(year) });
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      if (i > 0) page.push(performance.now() - start);
    }
    await deps.stop();
    return [
      {
        area: 'monitoring',
        case: '100,000 tickets, 100,000 usage events (SQLite)',
        metric: 'loading the in-memory copy once per process',
        value: ms(warmUpMs),
      },
      {
        area: 'monitoring',
        case: '100,000 tickets, 100,000 usage events (SQLite)',
        metric: 'figures for a year (median of 5)',
        value: ms(median(compute)),
        target: '< 300 ms',
      },
      {
        area: 'monitoring',
        case: '100,000 tickets, 100,000 usage events (SQLite)',
        metric: 'dashboard page (median of 5)',
        value: ms(median(page)),
        target: '< 300 ms',
      },
    ];
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
