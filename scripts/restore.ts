// npm run restore -- FILE: replaces the SQLite database with a backup (stop the app first). The backup is
// checked before anything is replaced, and the current database is kept beside it. On PostgreSQL it runs
// pg_restore when it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config/config';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('Usage: npm run restore -- FILE   (a file written by npm run backup)');
  process.exit(2);
}
const config = loadConfig();
const source = path.resolve(file);

if (config.database.client === 'postgres') {
  const run = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', `--dbname=${config.database.url}`, source],
    { stdio: 'inherit' },
  );
  if (run.error || run.status !== 0) {
    console.error('pg_restore failed or is not installed (see README).');
    process.exit(1);
  }
  console.log('Restored.');
} else {
  const target = config.database.filename!;
  const check = createDatabase({ ...config.database, url: `sqlite:${source}`, filename: source });
  const [result] = (await check.raw('PRAGMA integrity_check')) as { integrity_check: string }[];
  await check.destroy();
  if (result.integrity_check !== 'ok') {
    console.error(`The backup fails its integrity check (${result.integrity_check}); nothing was changed.`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, kept);
    console.log(`The current database is kept as ${kept}`);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(source, target);
  const db = createDatabase(config.database);
  await migrateToLatest(db);
  await db.destroy();
  console.log(`Restored ${source} into ${target}.`);
}
