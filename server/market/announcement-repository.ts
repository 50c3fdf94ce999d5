// The queries on market_announcements (owned by the market domain).
import type { Knex } from 'knex';
import { toDate } from '../db/time';
import { parseLang } from '../i18n/languages';
import { givenLanguages } from './forms';
import type { Announcement, AnnouncementStatus, ValueRange } from './model';

type Row = Record<string, unknown>;

export function toAnnouncement(row: Row): Announcement {
  return {
    id: Number(row.id),
    status: row.status as AnnouncementStatus,
    title: String(row.title),
    authority: String(row.authority),
    category: String(row.category),
    cpv: (row.cpv as string | null) ?? null,
    theme: (row.theme as string | null) ?? null,
    orgCode: String(row.org_code),
    valueRange: row.value_range as ValueRange,
    quarter: String(row.quarter),
    lots: Number(row.lots),
    consultationPlanned: Boolean(row.consultation_planned),
    consultationDate: (row.consultation_date as string | null) ?? null,
    consultationPlace: (row.consultation_place as string | null) ?? null,
    contactEmail: String(row.contact_email),
    contactPhone: (row.contact_phone as string | null) ?? null,
    description: givenLanguages(row, 'description'),
    submitterEmail: (row.submitter_email as string | null) ?? null,
    lang: parseLang(row.lang),
    reviewReason: (row.review_reason as string | null) ?? null,
    createdAt: toDate(row.created_at)!,
    publishedAt: toDate(row.published_at),
  };
}

export interface AnnouncementFilter {
  statuses?: AnnouncementStatus[];
  category?: string;
  cpv?: string;
  quarter?: string;
  orgCode?: string;
}

export class AnnouncementRepository {
  constructor(private readonly db: Knex) {}

  async insert(row: Row): Promise<number> {
    const [inserted] = await this.db('market_announcements').insert(row).returning('id');
    return typeof inserted === 'object' ? Number((inserted as { id: number }).id) : Number(inserted);
  }

  async find(id: number): Promise<Announcement | undefined> {
    const row = (await this.db('market_announcements').where({ id }).first()) as Row | undefined;
    return row ? toAnnouncement(row) : undefined;
  }

  async findByToken(column: 'confirm_token_hash' | 'edit_token_hash', hash: string): Promise<Announcement | undefined> {
    const row = (await this.db('market_announcements').where(column, hash).first()) as Row | undefined;
    return row ? toAnnouncement(row) : undefined;
  }

  /** Updates a row only while it is in one of the expected statuses; answers whether it did. */
  async update(id: number, fromStatuses: AnnouncementStatus[], changes: Row): Promise<boolean> {
    const count = await this.db('market_announcements').where({ id }).whereIn('status', fromStatuses).update(changes);
    return count === 1;
  }

  async list(filter: AnnouncementFilter, limit = 200): Promise<Announcement[]> {
    const query = this.db('market_announcements').orderBy([
      { column: 'quarter', order: 'asc' },
      { column: 'id', order: 'desc' },
    ]);
    if (filter.statuses) query.whereIn('status', filter.statuses);
    if (filter.category) query.where({ category: filter.category });
    if (filter.cpv) query.where('cpv', 'like', `${filter.cpv.replace(/[^0-9]/g, '')}%`);
    if (filter.quarter) query.where({ quarter: filter.quarter });
    if (filter.orgCode) query.where({ org_code: filter.orgCode });
    return ((await query.limit(limit)) as Row[]).map(toAnnouncement);
  }

  /** Counts per category and quarter, and how many of them plan a market consultation. */
  async countsByCategoryAndQuarter(
    statuses: AnnouncementStatus[],
  ): Promise<{ category: string; quarter: string; total: number; withConsultation: number }[]> {
    const rows = (await this.db('market_announcements')
      .whereIn('status', statuses)
      .groupBy('category', 'quarter', 'consultation_planned')
      .select('category', 'quarter', 'consultation_planned')
      .count({ n: '*' })) as Row[];
    const out = new Map<string, { category: string; quarter: string; total: number; withConsultation: number }>();
    for (const row of rows) {
      const key = `${row.category}|${row.quarter}`;
      const entry = out.get(key) ?? {
        category: String(row.category),
        quarter: String(row.quarter),
        total: 0,
        withConsultation: 0,
      };
      entry.total += Number(row.n);
      if (row.consultation_planned) entry.withConsultation += Number(row.n);
      out.set(key, entry);
    }
    return [...out.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.category.localeCompare(b.category));
  }
}
