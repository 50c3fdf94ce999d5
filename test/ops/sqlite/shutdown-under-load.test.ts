import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, stopApp, type AppProcess } from '../../support/app-process';

describe('graceful shutdown under load', () => {
  let dataDir: string;
  let app: AppProcess;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-shutdown-'));
  });
  after(async () => {
    await stopApp(app).catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes requests in flight, refuses new ones and exits 0 on SIGTERM', async () => {
    app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    const body = JSON.stringify({ lang: 'nl', authority: 'Gemeente', title: 'Schoonmaak', procedure: 'open', clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-002', 'DMP-CLEAN-001', 'ENV-CLEAN-003'] });
    const inFlight = Array.from({ length: 30 }, () =>
      fetch(`${app.url}/api/v1/tender-documents`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(async (res) => ({ status: res.status, bytes: (await res.arrayBuffer()).byteLength })),
    );
    await new Promise((r) => setTimeout(r, 150));
    app.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    await assert.rejects(fetch(`${app.url}/healthz`), 'a new connection is refused once shutting down');
    const results = await Promise.all(inFlight);
    for (const result of results) {
      assert.equal(result.status, 200);
      assert.ok(result.bytes > 10_000, 'a whole document');
    }
    assert.equal(await app.exited, 0);
    assert.match(app.output.join(''), /"outcome":"clean"/);
  });
});
