// Opens the knex pool for SQLite (embedded default) or PostgreSQL (scale-out), with per-connection pragmas.
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { Config } from '../config/config';

export type Database = Knex;
export type DatabaseClient = 'sqlite' | 'postgres';

interface SqliteConnection {
  run(sql: string, callback: (err: Error | null) => void): void;
}

/** Pragmas every SQLite connection needs: concurrent readers, enforced foreign keys, waiting instead of SQLITE_BUSY. */
const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 10000',
  'PRAGMA synchronous = NORMAL',
];

function applyPragmas(connection: SqliteConnection, done: (err: Error | null, connection: SqliteConnection) => void) {
  const [first, ...rest] = SQLITE_PRAGMAS;
  const runNext = (sql: string | undefined, remaining: string[]) => {
    if (!sql) return done(null, connection);
    connection.run(sql, (err) => (err ? done(err, connection) : runNext(remaining[0], remaining.slice(1))));
  };
  runNext(first, rest);
}

export function createDatabase(database: Config['database']): Database {
  if (database.client === 'sqlite') {
    const filename = database.filename!;
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    return knexFactory({
      client: 'sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // One writer at a time is SQLite's rule; a single connection serialises writes in-process
      // instead of letting them collide, and WAL keeps reads cheap.
      pool: { min: 1, max: 1, afterCreate: applyPragmas, idleTimeoutMillis: Number.MAX_SAFE_INTEGER },
      acquireConnectionTimeout: 60_000,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: database.url,
    pool: { min: 0, max: database.poolMax },
    acquireConnectionTimeout: 30_000,
  });
}

export function databaseClient(db: Database): DatabaseClient {
  return db.client.config.client === 'pg' ? 'postgres' : 'sqlite';
}

/** Answers within the timeout or throws: used by the health check. */
export async function pingDatabase(db: Database, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
  });
  try {
    await Promise.race([db.raw('select 1 as ok'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
