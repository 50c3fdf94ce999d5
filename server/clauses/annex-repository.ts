// The SQL of the clause annexes (table clause_annexes, owned by the clause library).
import type { Knex } from 'knex';
import { toIso } from '../db/time';
import { annexSchema, type AnnexDocument } from './annex-schema';

type Db = Knex | Knex.Transaction;

interface AnnexRow {
  id: string;
  content: string;
}

/** Makes the table hold exactly these annexes (the import of the library files). */
export async function replaceAnnexes(trx: Knex.Transaction, annexes: AnnexDocument[], at: Date): Promise<void> {
  const keep = annexes.map((a) => a.id);
  await trx('clause_annexes')
    .whereNotIn('id', keep.length > 0 ? keep : [''])
    .delete();
  for (const annex of annexes) {
    await trx('clause_annexes')
      .insert({ id: annex.id, content: JSON.stringify(annex), reviewed_on: annex.reviewed, updated_at: toIso(at) })
      .onConflict('id')
      .merge();
  }
}

export class AnnexRepository {
  constructor(private readonly db: Db) {}

  /** The annexes with these ids, in the order asked; unknown ids are left out. */
  async find(ids: string[]): Promise<AnnexDocument[]> {
    if (ids.length === 0) return [];
    const rows = (await this.db('clause_annexes').whereIn('id', ids).select('id', 'content')) as AnnexRow[];
    const byId = new Map(rows.map((r) => [r.id, annexSchema.parse(JSON.parse(r.content))]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async ids(): Promise<string[]> {
    return ((await this.db('clause_annexes').orderBy('id').select('id')) as { id: string }[]).map((r) => r.id);
  }
}
