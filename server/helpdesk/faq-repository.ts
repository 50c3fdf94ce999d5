// The SQL of the FAQ: entries published from answered tickets.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import { fromSuffixed } from '../i18n/languages';
import type { FaqEntry, FaqInput } from './faq';

function toEntry(row: Record<string, unknown>): FaqEntry {
  return {
    id: Number(row.id),
    ticketId: (row.ticket_id as number | null) ?? null,
    question: fromSuffixed(row, 'question'),
    answer: fromSuffixed(row, 'answer'),
    theme: (row.theme as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    status: row.status === 'published' ? 'published' : 'unpublished',
    version: Number(row.version),
    updatedAt: toDate(row.updated_at),
  };
}

export interface NewFaqEntry {
  text: FaqInput;
  ticketId: number;
  theme: string | null;
  category: string | null;
  createdBy: number;
}

export class FaqRepository {
  constructor(private readonly db: Knex) {}

  async insert(trx: Knex.Transaction, entry: NewFaqEntry, at: Date): Promise<number> {
    const { ticketId, theme, category, createdBy, text } = entry;
    const [row] = await trx('faq_entries')
      .insert({
        ticket_id: ticketId,
        ...text,
        theme,
        category,
        status: 'published',
        version: 1,
        created_by: createdBy,
        created_at: toIso(at),
        updated_at: toIso(at),
      })
      .returning('id');
    return typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
  }

  async update(
    trx: Knex.Transaction,
    id: number,
    text: FaqInput,
    status: FaqEntry['status'],
    version: number,
    at: Date,
  ): Promise<void> {
    await trx('faq_entries')
      .where({ id })
      .update({ ...text, status, version, updated_at: toIso(at) });
  }

  async find(id: number): Promise<FaqEntry | undefined> {
    const row = (await this.db('faq_entries').where({ id }).first()) as Record<string, unknown> | undefined;
    return row ? toEntry(row) : undefined;
  }

  async list(status?: FaqEntry['status']): Promise<FaqEntry[]> {
    const query = this.db('faq_entries').orderBy('id', 'desc');
    if (status) query.where({ status });
    return ((await query) as Record<string, unknown>[]).map(toEntry);
  }

  async publishedKeys(): Promise<{ id: number; version: number }[]> {
    const rows = (await this.db('faq_entries').where({ status: 'published' }).select('id', 'version')) as {
      id: number;
      version: number;
    }[];
    return rows.map((r) => ({ id: Number(r.id), version: Number(r.version) }));
  }
}
