// npm run clauses:export [-- DIR]: writes the clauses in the database back to files (default: clauses/).
import path from 'node:path';
import { exportLibrary } from '../server/clauses/exporter';
import { ClauseRepository } from '../server/clauses/repository';
import { loadConfig } from '../server/config/config';
import { createLogger } from '../server/http/logger';
import { prepareDatabase } from '../server/startup';

const config = loadConfig();
const dir = process.argv[2] ? path.resolve(process.argv[2]) : config.clausesDir;
const db = await prepareDatabase(config, createLogger('warn'));
try {
  const { written, unchanged } = await exportLibrary(new ClauseRepository(db), dir);
  console.log(`${written.length} file(s) written, ${unchanged} unchanged, in ${dir}.`);
  for (const id of written) console.log(`  ${id}.yaml`);
} catch (err) {
  console.error(`Export failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
