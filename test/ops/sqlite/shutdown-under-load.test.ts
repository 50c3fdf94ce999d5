import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startApp, stopApp, type AppProcess } from '../../support/app-process';

/** A POST whose promise for "fully sent" and for the answer are kept apart. */
function post(port: number, pathname: string, body: string) {
  let sent!: () => void;
  const written = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      },
    );
    req.on('error', reject);
    req.on('finish', sent);
    req.end(body);
  });
  return { written, answer };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
    app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: undefined, DOCUMENT_RATE_LIMIT: '0' });
    const body = JSON.stringify({
      lang: 'nl',
      authority: 'Gemeente',
      title: 'Schoonmaak',
      procedure: 'open',
      clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-002', 'DMP-CLEAN-001', 'ENV-CLEAN-003'],
    });
    const requests = Array.from({ length: 30 }, () => post(app.port, '/api/v1/tender-documents', body));
    await Promise.all(requests.map((r) => r.written));
    // Give the server a moment to read the requests it was sent, then ask it to stop.
    await new Promise((r) => setTimeout(r, 300));
    app.signal('SIGTERM');
    await waitFor(() => app.output.join('').includes('shutting down'), 10_000);
    await assert.rejects(fetch(`${app.url}/healthz`), 'a new connection is refused once shutting down');
    const results = await Promise.all(requests.map((r) => r.answer));
    for (const result of results) {
      assert.equal(result.status, 200);
      assert.ok(result.bytes > 10_000, 'a whole document');
    }
    assert.equal(await app.exited, 0);
    assert.match(app.output.join(''), /"outcome":"clean"/);
  });
});
