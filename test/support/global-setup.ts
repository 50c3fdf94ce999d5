// Mocha global fixtures: one migrated template database per run, removed at the end.
import { migrateToLatest } from '../../server/db/migrate';
import { createTemplate, dropTemplate, testDialect } from './database';

export async function mochaGlobalSetup() {
  process.stdout.write(`Test database: ${testDialect}\n`);
  await createTemplate(async (db) => {
    await migrateToLatest(db);
  });
}

export async function mochaGlobalTeardown() {
  await dropTemplate();
}
