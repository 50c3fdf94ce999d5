// The queries on market_events and market_registrations (owned by the market domain).
import type { Knex } from 'knex';
import { toDate } from '../db/time';
import { fromSuffixed, parseLang } from '../i18n/languages';
import type { EventType, MarketEvent, Registration, RegistrationStatus } from './model';

type Row = Record<string, unknown>;

export function toEvent(row: Row): MarketEvent {
  return {
    id: Number(row.id),
    orgCode: String(row.org_code),
    type: row.type as EventType,
    title: fromSuffixed(row, 'title'),
    description: fromSuffixed(row, 'description'),
    startsAt: toDate(row.starts_at)!,
    endsAt: toDate(row.ends_at)!,
    place: (row.place as string | null) ?? null,
    onlineUrl: (row.online_url as string | null) ?? null,
    language: String(row.language),
    category: (row.category as string | null) ?? null,
    announcementId:
      row.announcement_id === null || row.announcement_id === undefined ? null : Number(row.announcement_id),
    capacity: Number(row.capacity),
    status: row.status as MarketEvent['status'],
    sequence: Number(row.sequence),
  };
}

export function toRegistration(row: Row): Registration {
  return {
    id: Number(row.id),
    eventId: Number(row.event_id),
    name: (row.name as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    organisation: (row.organisation as string | null) ?? null,
    lang: parseLang(row.lang),
    status: row.status as RegistrationStatus,
    createdAt: toDate(row.created_at)!,
    confirmedAt: toDate(row.confirmed_at),
  };
}

export class EventRepository {
  constructor(private readonly db: Knex) {}

  async insertEvent(row: Row): Promise<number> {
    const [inserted] = await this.db('market_events').insert(row).returning('id');
    return typeof inserted === 'object' ? Number((inserted as { id: number }).id) : Number(inserted);
  }

  async updateEvent(id: number, row: Row): Promise<void> {
    await this.db('market_events')
      .where({ id })
      .update({ ...row, sequence: this.db.raw('sequence + 1') });
  }

  async find(id: number, db: Knex = this.db): Promise<MarketEvent | undefined> {
    const row = (await db('market_events').where({ id }).first()) as Row | undefined;
    return row ? toEvent(row) : undefined;
  }

  async list(filter: { from?: string; type?: EventType; orgCode?: string }): Promise<MarketEvent[]> {
    const query = this.db('market_events').where({ status: 'scheduled' }).orderBy('starts_at');
    if (filter.from) query.where('ends_at', '>=', filter.from);
    if (filter.type) query.where({ type: filter.type });
    if (filter.orgCode) query.where({ org_code: filter.orgCode });
    return ((await query.limit(500)) as Row[]).map(toEvent);
  }

  async registrations(eventId: number): Promise<Registration[]> {
    const rows = (await this.db('market_registrations')
      .where({ event_id: eventId })
      .whereIn('status', ['registered', 'waiting'])
      .orderBy([{ column: 'status' }, { column: 'confirmed_at' }, { column: 'id' }])) as Row[];
    return rows.map(toRegistration);
  }

  async countsByEvent(): Promise<Map<number, { registered: number; waiting: number }>> {
    const rows = (await this.db('market_registrations')
      .whereIn('status', ['registered', 'waiting'])
      .groupBy('event_id', 'status')
      .select('event_id', 'status')
      .count({ n: '*' })) as Row[];
    const out = new Map<number, { registered: number; waiting: number }>();
    for (const row of rows) {
      const entry = out.get(Number(row.event_id)) ?? { registered: 0, waiting: 0 };
      if (row.status === 'registered') entry.registered = Number(row.n);
      else entry.waiting = Number(row.n);
      out.set(Number(row.event_id), entry);
    }
    return out;
  }
}
