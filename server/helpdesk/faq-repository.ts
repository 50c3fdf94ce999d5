// The SQL of the FAQ: entries published from answered tickets.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import { fromSuffixed } from '../i18n/languages';
import type { FaqEntry, FaqInput } from './faq';
import { COORDINATION_ORG } from './routing';

function toEntry(row: Record<string, unknown>): FaqEntry {
  return {
    id: Number(row.id),
    ticketId: (row.ticket_id as number | null) ?? null,
    orgCode: (row.org_code as string | null) ?? COORDINATION_ORG,
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
  orgCode: string;
  theme: string | null;
  category: string | null;
  createdBy: number;
}

export interface FaqVersion {
  version: number;
  status: FaqEntry['status'];
  authorName: string | null;
  createdAt: Date | null;
}

export class FaqRepository {
  constructor(private readonly db: Knex) {}

  async insert(trx: Knex.Transaction, entry: NewFaqEntry, at: Date): Promise<number> {
    const { ticketId, orgCode, theme, category, createdBy, text } = entry;
    const [row] = await trx('faq_entries')
      .insert({
        ticket_id: ticketId,
        org_code: orgCode,
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

  async findByTicket(ticketId: number): Promise<FaqEntry | undefined> {
    const row = (await this.db('faq_entries').where({ ticket_id: ticketId }).first()) as
      Record<string, unknown> | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Keeps a version of an entry's text: every publication and every edit, with its author. */
  async addVersion(
    trx: Knex.Transaction,
    version: { faqId: number; version: number; text: FaqInput; status: FaqEntry['status'] },
    author: { id: number; name: string },
    at: Date,
  ): Promise<void> {
    await trx('faq_entry_versions').insert({
      faq_id: version.faqId,
      version: version.version,
      ...version.text,
      status: version.status,
      author_user_id: author.id,
      author_name: author.name,
      created_at: toIso(at),
    });
  }

  async versions(faqId: number): Promise<FaqVersion[]> {
    const rows = (await this.db('faq_entry_versions').where({ faq_id: faqId }).orderBy('version', 'desc')) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({
      version: Number(r.version),
      status: r.status === 'published' ? 'published' : 'unpublished',
      authorName: (r.author_name as string | null) ?? null,
      createdAt: toDate(r.created_at),
    }));
  }
}
