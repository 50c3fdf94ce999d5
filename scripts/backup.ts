// npm run backup [-- FILE]: a consistent copy of the SQLite database while the app keeps writing
// (VACUUM INTO reads one snapshot). On PostgreSQL it runs pg_dump when it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';

const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

if (config.database.client === 'postgres') {
  const target = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups', `helpdesk-${stamp}.dump`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.database.url], {
    stdio: 'inherit',
  });
  if (run.error || run.status !== 0) {
    console.error(
      'pg_dump failed or is not installed. Back up PostgreSQL with: pg_dump --format=custom --file=helpdesk.dump "$DATABASE_URL" (see README).',
    );
    process.exit(1);
  }
  console.log(`Backup written to ${target}`);
} else {
  const target = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups', `helpdesk-${stamp}.sqlite`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    console.error(`${target} already exists; choose another file name.`);
    process.exit(1);
  }
  const db = createDatabase(config.database);
  try {
    await db.raw('VACUUM INTO ?', [target]);
    const check = createDatabase({ ...config.database, url: `sqlite:${target}`, filename: target });
    const [result] = (await check.raw('PRAGMA integrity_check')) as { integrity_check: string }[];
    await check.destroy();
    if (result.integrity_check !== 'ok')
      throw new Error(`the copy fails its integrity check: ${result.integrity_check}`);
    console.log(`Backup written to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB, integrity ok)`);
  } catch (err) {
    console.error(`Backup failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
