// A shared marker of "published content changed": every publish writes a new random value, and each
// instance compares it with the one its index was built from (so several instances converge).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';

const KEY = 'search.revision';

export async function bumpRevision(trx: Knex | Knex.Transaction, clock: Clock): Promise<string> {
  const value = randomUUID();
  await trx('settings')
    .insert({ key: KEY, value, updated_at: toIso(clock.now()) })
    .onConflict('key')
    .merge();
  return value;
}

export async function readRevision(db: Knex): Promise<string> {
  const row = (await db('settings').where({ key: KEY }).first()) as { value: string } | undefined;
  return row?.value ?? 'initial';
}
