// The thesaurus as the database holds it (table search_thesaurus_groups, owned by search): replaced as a
// whole when the file's hash changes, read by every instance to build its index.
import type { Knex } from 'knex';
import { readSetting, writeSetting } from '../db/settings';
import type { Clock } from '../db/time';
import { everyLanguage, FURTHER_LANGUAGE } from '../i18n/languages';
import type { ThesaurusGroup } from './thesaurus';

const TABLE = 'search_thesaurus_groups';
const HASH_KEY = 'thesaurus.fingerprint';

export function storedThesaurusHash(db: Knex | Knex.Transaction): Promise<string | undefined> {
  return readSetting(db, HASH_KEY);
}

/** Replaces the stored thesaurus when its hash differs; true when it did. Call inside the import's
 * transaction, which also bumps the search revision. */
export async function replaceThesaurus(
  trx: Knex.Transaction,
  groups: ThesaurusGroup[],
  hash: string,
  clock: Clock,
): Promise<boolean> {
  if ((await storedThesaurusHash(trx)) === hash) return false;
  await trx(TABLE).delete();
  const rows = groups.map((g, position) => ({
    id: g.id,
    position,
    category: g.category ?? null,
    terms: JSON.stringify({
      ...everyLanguage((lang) => g[lang]),
      ...(g[FURTHER_LANGUAGE] ? { [FURTHER_LANGUAGE]: g[FURTHER_LANGUAGE] } : {}),
    }),
  }));
  for (let i = 0; i < rows.length; i += 100) await trx(TABLE).insert(rows.slice(i, i + 100));
  await writeSetting(trx, clock, HASH_KEY, hash);
  return true;
}

export async function thesaurusGroups(db: Knex): Promise<ThesaurusGroup[]> {
  const rows = (await db(TABLE).orderBy('position')) as { id: string; category: string | null; terms: string }[];
  return rows.map((row) => {
    const terms = JSON.parse(row.terms) as Omit<ThesaurusGroup, 'id' | 'category'>;
    return { id: row.id, ...(row.category ? { category: row.category } : {}), ...terms };
  });
}
