import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config/config';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('configuration', () => {
  it('works with nothing set: port 3000 and a SQLite file under data/', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.client, 'sqlite');
    assert.equal(config.database.filename, path.join(ROOT, 'data', 'helpdesk.sqlite'));
  });

  it('switches to PostgreSQL with a postgres:// DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:secret@db.internal:5432/helpdesk' });
    assert.equal(config.database.client, 'postgres');
  });

  it('names the bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (err: unknown) => err instanceof ConfigError && /PORT/.test(err.message),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      (err: unknown) => err instanceof ConfigError && /DATABASE_URL: must start with sqlite:/.test(err.message),
    );
    assert.throws(
      () => loadConfig({ SESSION_SECRET: 'short' }),
      (err: unknown) =>
        err instanceof ConfigError && /SESSION_SECRET: must be at least 32 characters/.test(err.message),
    );
  });

  it('treats an empty variable as not set', () => {
    assert.equal(loadConfig({ SMTP_URL: '', PORT: '' }).port, 3000);
  });

  it('reads TRUST_PROXY as a boolean, a hop count or an address list', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy, 'loopback');
  });

  it('stops the server at boot with a message naming the bad variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /PORT/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/);
  });
});
