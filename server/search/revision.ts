// A shared marker of "published content changed": every publish writes a new random value, and each
// instance compares it with the one its index was built from (so several instances converge).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { readSetting, writeSetting } from '../db/settings';
import type { Clock } from '../db/time';

const KEY = 'search.revision';

export async function bumpRevision(trx: Knex | Knex.Transaction, clock: Clock): Promise<string> {
  const value = randomUUID();
  await writeSetting(trx, clock, KEY, value);
  return value;
}

export async function readRevision(db: Knex): Promise<string> {
  return (await readSetting(db, KEY)) ?? 'initial';
}
