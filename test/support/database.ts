// Test databases: the migrated schema is built once per run (a template), then each test file gets its
// own copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so tests never share records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Config } from '../../server/config/config';
import { createDatabase } from '../../server/db/database';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL;
export const testDialect: 'sqlite' | 'postgres' = TEST_PG_URL ? 'postgres' : 'sqlite';

const RUN_DIR = process.env.HELPDESK_TEST_RUN_DIR ?? path.join(os.tmpdir(), `helpdesk-test-${process.pid}`);
process.env.HELPDESK_TEST_RUN_DIR = RUN_DIR;
const TEMPLATE_NAME = `helpdesk_tpl_${process.pid}`;
let counter = 0;

export interface TestDatabase {
  db: Knex;
  settings: Config['database'];
  drop(): Promise<void>;
}

function pgUrlFor(database: string): string {
  const url = new URL(TEST_PG_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withPgAdmin<T>(fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: TEST_PG_URL, pool: { min: 0, max: 1 } });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

export function databaseSettings(name: string): Config['database'] {
  if (testDialect === 'postgres') return { client: 'postgres', url: pgUrlFor(name), poolMax: 5 };
  const filename = path.join(RUN_DIR, `${name}.sqlite`);
  return { client: 'sqlite', url: `sqlite:${filename}`, filename, poolMax: 1 };
}

/** Builds the template once: prepare() migrates it (and loads whatever every test needs). */
export async function createTemplate(prepare: (db: Knex) => Promise<void>): Promise<void> {
  if (testDialect === 'postgres') {
    await withPgAdmin(async (admin) => {
      await admin.raw(`DROP DATABASE IF EXISTS ${TEMPLATE_NAME}`);
      await admin.raw(`CREATE DATABASE ${TEMPLATE_NAME}`);
    });
  } else {
    fs.mkdirSync(RUN_DIR, { recursive: true });
  }
  const db = createDatabase(databaseSettings(TEMPLATE_NAME));
  try {
    await prepare(db);
    if (testDialect === 'sqlite') await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    await db.destroy();
  }
}

export async function dropTemplate(): Promise<void> {
  if (testDialect === 'postgres') {
    await withPgAdmin((admin) => admin.raw(`DROP DATABASE IF EXISTS ${TEMPLATE_NAME}`));
  } else {
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
  }
}

/** A new, empty database (no migrations): for the migration tests. */
export async function emptyDatabase(): Promise<TestDatabase> {
  return copyOrCreate(null);
}

/** A new database holding the migrated template. */
export async function freshDatabase(): Promise<TestDatabase> {
  return copyOrCreate(TEMPLATE_NAME);
}

async function copyOrCreate(template: string | null): Promise<TestDatabase> {
  counter += 1;
  const name = `helpdesk_t_${process.pid}_${counter}`;
  if (testDialect === 'postgres') {
    await withPgAdmin((admin) =>
      admin.raw(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`),
    );
  } else if (template) {
    fs.copyFileSync(path.join(RUN_DIR, `${template}.sqlite`), path.join(RUN_DIR, `${name}.sqlite`));
  }
  const settings = databaseSettings(name);
  const db = createDatabase(settings);
  return {
    db,
    settings,
    async drop() {
      await db.destroy();
      if (testDialect === 'postgres') {
        await withPgAdmin((admin) => admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      } else {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${settings.filename}${suffix}`, { force: true });
      }
    },
  };
}
