// The settings table: small named values every instance must agree on (a generated session secret, the
// clause library's fingerprint, the search revision). Each domain names its own keys; this file owns the SQL.
import type { Knex } from 'knex';
import { toIso, type Clock } from './time';

type Db = Knex | Knex.Transaction;

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = (await db('settings').where({ key }).first()) as { value: string } | undefined;
  return row?.value;
}

export async function writeSetting(db: Db, clock: Clock, key: string, value: string): Promise<void> {
  await db('settings')
    .insert({ key, value, updated_at: toIso(clock.now()) })
    .onConflict('key')
    .merge();
}

/** Stores the value unless the key has one already (the first instance wins); returns the value kept. */
export async function settleSetting(db: Db, clock: Clock, key: string, value: string): Promise<string> {
  await db('settings')
    .insert({ key, value, updated_at: toIso(clock.now()) })
    .onConflict('key')
    .ignore();
  return (await readSetting(db, key))!;
}
