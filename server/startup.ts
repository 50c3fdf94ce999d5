// Everything that must happen before the app serves: database file and schema, shared secrets.
import type { Config } from './config/config';
import { createDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import type { AppDeps } from './deps';
import type { Logger } from './http/logger';

export async function prepareDatabase(config: Config, logger: Logger): Promise<Database> {
  const db = createDatabase(config.database);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  return db;
}

export async function buildDeps(config: Config, db: Database, logger: Logger): Promise<AppDeps> {
  return { config, db, logger };
}
