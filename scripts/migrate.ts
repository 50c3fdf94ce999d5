// npm run migrate [-- --rollback-all]: migrates the configured database to the latest schema.
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';
import { migrateToLatest, rollbackAll } from '../server/db/migrate';

const config = loadConfig();
const db = createDatabase(config.database);
try {
  if (process.argv.includes('--rollback-all')) {
    const reverted = await rollbackAll(db);
    console.log(reverted.length ? `Rolled back:\n  ${reverted.join('\n  ')}` : 'Nothing to roll back.');
  } else {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied:\n  ${applied.join('\n  ')}` : 'Already at the latest migration.');
  }
} catch (err) {
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
