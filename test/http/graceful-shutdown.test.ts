import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { closeGracefully } from '../../server/http/shutdown';

const ROOT = path.resolve(import.meta.dirname, '../..');

function get(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: new http.Agent({ keepAlive: true }) }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('graceful shutdown', () => {
  it('lets requests in flight finish, refuses new connections, then cleans up', async () => {
    const app = express();
    app.get('/slow', (_req, res) => void setTimeout(() => res.send('done'), 500));
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;

    const inFlight = get(port, '/slow');
    await new Promise((r) => setTimeout(r, 100));
    let cleanedUp = false;
    const closing = closeGracefully({
      server,
      timeoutMs: 5000,
      cleanup: async () => void (cleanedUp = true),
      log: () => {},
    });

    await assert.rejects(get(port, '/slow'), /ECONNREFUSED/);
    assert.deepEqual(await inFlight, { status: 200, body: 'done' });
    assert.equal(await closing, 'clean');
    assert.equal(cleanedUp, true);
  });

  it('stops the real server on SIGTERM and exits 0 within 10 seconds', async function () {
    this.timeout(40_000);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-shutdown-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/"port":(\d+)/);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
    });
    assert.equal((await get(port, '/healthz')).status, 200);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(Date.now() - started < 10_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
