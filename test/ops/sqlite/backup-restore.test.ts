import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../../server/db/database';
import { runScript, startApp, stopApp, type AppProcess } from '../../support/app-process';

async function count(file: string): Promise<number> {
  const db = createDatabase({ client: 'sqlite', url: `sqlite:${file}`, filename: file, poolMax: 1 });
  try {
    const [{ n }] = (await db('tickets').count({ n: '*' })) as { n: number }[];
    return Number(n);
  } finally {
    await db.destroy();
  }
}

describe('backup and restore on SQLite', () => {
  const dirs: string[] = [];
  const apps: AppProcess[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-backup-'));
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    for (const app of apps) await stopApp(app).catch(() => {});
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a consistent copy while the app writes, and restores it into a working app', async () => {
    const live = tempDir();
    const app = await startApp({ DATA_DIR: live, DATABASE_URL: undefined, TICKET_RATE_LIMIT: '0' });
    apps.push(app);
    let writing = true;
    const tracking: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        const res = await fetch(`${app.url}/api/v1/tickets`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            question: `Backup test question ${i} about social clauses`,
            theme: 'social',
            name: 'B',
            email: `b${i}@example.org`,
            organisation: 'O',
            lang: 'fr',
          }),
        });
        assert.equal(res.status, 201);
        tracking.push(((await res.json()) as { trackingUrl: string }).trackingUrl);
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const before = tracking.length;
    const backup = path.join(tempDir(), 'copy.sqlite');
    const output = await runScript('scripts/backup.ts', [backup], { DATA_DIR: live, DATABASE_URL: undefined });
    const after = tracking.length;
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await writer;
    assert.match(output, /integrity ok/);
    const inBackup = await count(backup);
    assert.ok(
      inBackup >= before && inBackup <= after + 1,
      `backup holds ${inBackup} tickets (writes: ${before} before, ${after} after)`,
    );
    assert.ok(tracking.length > inBackup, 'the app kept writing during and after the backup');

    const restored = tempDir();
    const restoreOutput = await runScript('scripts/restore.ts', [backup], {
      DATA_DIR: restored,
      DATABASE_URL: undefined,
    });
    assert.match(restoreOutput, /Restored/);
    const second = await startApp({ DATA_DIR: restored, DATABASE_URL: undefined });
    apps.push(second);
    const health = await fetch(`${second.url}/healthz`);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'sqlite' });
    for (const url of tracking.slice(0, Math.min(inBackup, 5))) {
      const page = await fetch(`${second.url}${new URL(url).pathname}`);
      assert.equal(page.status, 200, 'tickets in the backup are there after restore');
    }
    const search = await fetch(`${second.url}/api/v1/clauses?q=schoonmaak`);
    assert.ok(((await search.json()) as { total: number }).total > 0, 'the restored app serves the clause library');
  });

  it('refuses to restore a file that is not a sound database, changing nothing', async () => {
    const dir = tempDir();
    const bogus = path.join(dir, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'this is not a database');
    await assert.rejects(runScript('scripts/restore.ts', [bogus], { DATA_DIR: dir, DATABASE_URL: undefined }));
    assert.equal(fs.existsSync(path.join(dir, 'helpdesk.sqlite')), false);
  });
});
