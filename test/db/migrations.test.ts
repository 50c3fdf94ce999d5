import assert from 'node:assert/strict';
import { migrateToLatest, rollbackAll } from '../../server/db/migrate';
import { emptyDatabase, testDialect, type TestDatabase } from '../support/database';

async function userTables(database: TestDatabase): Promise<string[]> {
  const db = database.db;
  const rows =
    testDialect === 'postgres'
      ? (await db.raw(`select table_name as name from information_schema.tables where table_schema = 'public'`)).rows
      : await db.raw(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`);
  return (rows as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !n.startsWith('knex_migrations'))
    .sort();
}

describe(`migrations on ${testDialect}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await emptyDatabase();
  });
  after(async () => database.drop());

  it('run latest, roll all back, and run latest again to the same schema', async () => {
    const applied = await migrateToLatest(database.db);
    assert.ok(applied.length > 0, 'no migration applied');
    const tablesAfterFirst = await userTables(database);
    assert.ok(tablesAfterFirst.includes('sessions'));

    const reverted = await rollbackAll(database.db);
    assert.equal(reverted.length, applied.length);
    assert.deepEqual(await userTables(database), []);

    const reapplied = await migrateToLatest(database.db);
    assert.deepEqual(reapplied, applied);
    assert.deepEqual(await userTables(database), tablesAfterFirst);
  });
});
