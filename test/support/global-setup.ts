// Mocha global fixtures: one migrated template database per run, removed at the end.
import { importLibraryIfChanged } from '../../server/clauses/importer';
import { ClauseRepository } from '../../server/clauses/repository';
import { migrateToLatest } from '../../server/db/migrate';
import { systemClock } from '../../server/db/time';
import { createTemplate, dropTemplate, testDialect } from './database';
import { testClausesDir } from './context';

export async function mochaGlobalSetup() {
  process.stdout.write(`Test database: ${testDialect}\n`);
  await createTemplate(async (db) => {
    await migrateToLatest(db);
    // Every test database starts with the real clause library, imported once here.
    await importLibraryIfChanged(db, new ClauseRepository(db), testClausesDir(), systemClock);
  });
}

export async function mochaGlobalTeardown() {
  await dropTemplate();
}
