import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../../server/db/database';
import { startApp, stopApp, type AppProcess } from '../../support/app-process';

interface Outcome {
  index: number;
  status?: number;
  body?: { reference?: string; trackingUrl?: string; error?: { code: string } };
  error?: string;
}

describe('crash safety on SQLite', () => {
  let dataDir: string;
  let app: AppProcess | undefined;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-crash-'));
  });
  after(async () => {
    if (app) await stopApp(app).catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every ticket that got a 201 after a SIGKILL in the middle of 200 creations from 20 clients', async () => {
    app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: undefined, TICKET_RATE_LIMIT: '0' });
    const outcomes: Outcome[] = [];
    let next = 0;
    let killed = false;
    const client = async () => {
      while (next < 200) {
        const index = next++;
        const question = `Crash test question number ${index}: how do I check training hours?`;
        try {
          const res = await fetch(`${app!.url}/api/v1/tickets`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              question,
              theme: 'social',
              name: `Buyer ${index}`,
              email: `buyer${index}@example.org`,
              organisation: 'Gemeente',
              lang: 'nl',
            }),
          });
          outcomes.push({ index, status: res.status, body: (await res.json()) as Outcome['body'] });
        } catch (err) {
          outcomes.push({ index, error: (err as Error).message });
        }
        if (!killed && outcomes.length >= 80) {
          killed = true;
          app!.signal('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, client));
    assert.equal(await app.exited, null, 'the server was killed');
    const created = outcomes.filter((o) => o.status === 201);
    const failedBeforeKill = outcomes.filter((o) => o.status !== undefined && o.status !== 201);
    assert.ok(created.length >= 80, `${created.length} tickets created before the kill`);
    assert.deepEqual(
      failedBeforeKill.map((o) => `${o.status} ${o.body?.error?.code}`),
      [],
      'no error (SQLITE_BUSY, pool timeout) answered before the kill',
    );

    const db = createDatabase({
      client: 'sqlite',
      url: `sqlite:${dataDir}/helpdesk.sqlite`,
      filename: path.join(dataDir, 'helpdesk.sqlite'),
      poolMax: 1,
    });
    const [integrity] = (await db.raw('PRAGMA integrity_check')) as { integrity_check: string }[];
    await db.destroy();
    assert.equal(integrity.integrity_check, 'ok');

    app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: undefined, TICKET_RATE_LIMIT: '0' });
    for (const outcome of created) {
      const tracking = new URL(outcome.body!.trackingUrl!);
      const page = await fetch(`${app.url}${tracking.pathname}`);
      assert.equal(page.status, 200, outcome.body!.reference);
      assert.ok(
        (await page.text()).includes(`Crash test question number ${outcome.index}:`),
        `${outcome.body!.reference} is intact`,
      );
    }
  });
});
