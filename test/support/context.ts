// A test gets an app over its own fresh database, without opening a port.
import os from 'node:os';
import path from 'node:path';
import type express from 'express';
import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config/config';
import type { Clock } from '../../server/db/time';
import type { AppDeps } from '../../server/deps';
import { createLogger } from '../../server/http/logger';
import { buildDeps } from '../../server/startup';
import { freshDatabase, type TestDatabase } from './database';

export interface TestContext {
  app: express.Express;
  deps: AppDeps;
  db: AppDeps['db'];
  config: Config;
  close(): Promise<void>;
}

/** The clause library the tests load: the real one, unless TEST_CLAUSES_DIR points elsewhere. */
export function testClausesDir(): string {
  return process.env.TEST_CLAUSES_DIR ?? path.resolve(import.meta.dirname, '../../clauses');
}

export function testConfig(env: Record<string, string> = {}, database?: Config['database']): Config {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: path.join(process.env.HELPDESK_TEST_RUN_DIR ?? os.tmpdir(), 'data'),
    SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
    CLAUSES_DIR: testClausesDir(),
    // Deadline alerts run when a test calls them (deps.alerts.run), not on a timer.
    HELPDESK_ALERT_MINUTES: '0',
    ...env,
  });
  return database ? { ...config, database } : config;
}

export async function createTestContext(env: Record<string, string> = {}, clock?: Clock): Promise<TestContext> {
  const database: TestDatabase = await freshDatabase();
  const config = testConfig(env, database.settings);
  const deps = await buildDeps(config, database.db, createLogger('silent'), clock);
  const app = createApp(deps);
  return {
    app,
    deps,
    db: database.db,
    config,
    async close() {
      await deps.stop();
      await database.drop();
    },
  };
}
