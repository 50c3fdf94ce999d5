// The SQL of the helpdesk.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import type { Ticket, TicketEvent, TicketMessage } from './model';
import type { TicketStatus } from './vocabulary';
import { parseLang } from '../i18n/languages';

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

export function toTicket(row: Row): Ticket {
  return {
    id: Number(row.id),
    reference: String(row.reference),
    question: String(row.question),
    theme: (row.theme as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    stage: (row.stage as string | null) ?? null,
    tenderReference: (row.tender_reference as string | null) ?? null,
    pilotCode: (row.pilot_code as string | null) ?? null,
    isPilot: row.is_pilot === true || row.is_pilot === 1,
    status: row.status as TicketStatus,
    orgCode: String(row.org_code),
    assigneeUserId: (row.assignee_user_id as number | null) ?? null,
    requesterName: (row.requester_name as string | null) ?? null,
    requesterEmail: (row.requester_email as string | null) ?? null,
    requesterOrg: (row.requester_org as string | null) ?? null,
    lang: parseLang(row.lang),
    createdAt: toDate(row.created_at)!,
    updatedAt: toDate(row.updated_at)!,
    dueAt: toDate(row.due_at)!,
    firstResponseAt: toDate(row.first_response_at),
    answeredAt: toDate(row.answered_at),
    closedAt: toDate(row.closed_at),
    anonymisedAt: toDate(row.anonymised_at),
    version: Number(row.version ?? 0),
  };
}

export class HelpdeskRepository {
  constructor(private readonly db: Knex) {}

  /** The next reference of the year, HD-2026-00042; one row per year, incremented inside the transaction. */
  async nextReference(trx: Knex.Transaction, year: number): Promise<string> {
    await trx('ticket_sequences').insert({ year, last: 0 }).onConflict('year').ignore();
    await trx('ticket_sequences').where({ year }).increment('last', 1);
    const row = (await trx('ticket_sequences').where({ year }).first()) as { last: number };
    return `HD-${year}-${String(row.last).padStart(5, '0')}`;
  }

  async insertTicket(trx: Knex.Transaction, row: Row): Promise<number> {
    const [inserted] = await trx('tickets').insert(row).returning('id');
    return typeof inserted === 'object' ? Number((inserted as { id: number }).id) : Number(inserted);
  }

  async find(id: number, db: Db = this.db): Promise<Ticket | undefined> {
    const row = (await db('tickets').where({ id }).first()) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async findByReference(reference: string): Promise<Ticket | undefined> {
    const row = (await this.db('tickets').where({ reference }).first()) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async findByTokenHash(hash: string): Promise<Ticket | undefined> {
    const row = (await this.db('tickets as t')
      .join('ticket_tokens as k', 'k.ticket_id', 't.id')
      .where('k.token_hash', hash)
      .select('t.*')
      .first()) as Row | undefined;
    return row ? toTicket(row) : undefined;
  }

  async addToken(db: Db, ticketId: number, hash: string, at: Date): Promise<void> {
    await db('ticket_tokens').insert({ token_hash: hash, ticket_id: ticketId, created_at: toIso(at) });
  }

  /** Every change of a ticket moves its version on, so a form opened before the change is seen as stale. */
  async update(db: Db, id: number, patch: Row): Promise<void> {
    await db('tickets')
      .where({ id })
      .update({ ...patch, version: db.raw('version + 1') });
  }

  /** Moves the version on only if it is still the one the form was opened with; false when someone was first. */
  async claimVersion(db: Db, id: number, expected: number): Promise<boolean> {
    return (await db('tickets').where({ id, version: expected }).increment('version', 1)) > 0;
  }

  async addMessage(
    db: Db,
    message: {
      ticketId: number;
      kind: TicketMessage['kind'];
      authorUserId: number | null;
      authorName: string | null;
      body: string;
      at: Date;
    },
  ): Promise<number> {
    const [inserted] = await db('ticket_messages')
      .insert({
        ticket_id: message.ticketId,
        kind: message.kind,
        author_user_id: message.authorUserId,
        author_name: message.authorName,
        body: message.body,
        created_at: toIso(message.at),
      })
      .returning('id');
    return typeof inserted === 'object' ? Number((inserted as { id: number }).id) : Number(inserted);
  }

  async messages(ticketId: number, kinds?: TicketMessage['kind'][]): Promise<TicketMessage[]> {
    const query = this.db('ticket_messages').where({ ticket_id: ticketId }).orderBy('id');
    if (kinds) query.whereIn('kind', kinds);
    return ((await query) as Row[]).map((r) => ({
      id: Number(r.id),
      ticketId: Number(r.ticket_id),
      kind: r.kind as TicketMessage['kind'],
      authorUserId: (r.author_user_id as number | null) ?? null,
      authorName: (r.author_name as string | null) ?? null,
      body: String(r.body),
      createdAt: toDate(r.created_at)!,
    }));
  }

  async addEvent(
    db: Db,
    event: {
      ticketId: number;
      at: Date;
      actorUserId: number | null;
      actorLabel: string | null;
      field: string;
      oldValue: string | null;
      newValue: string | null;
    },
  ): Promise<void> {
    await db('ticket_events').insert({
      ticket_id: event.ticketId,
      at: toIso(event.at),
      actor_user_id: event.actorUserId,
      actor_label: event.actorLabel,
      field: event.field,
      old_value: event.oldValue,
      new_value: event.newValue,
    });
  }

  async events(ticketId: number): Promise<TicketEvent[]> {
    const rows = (await this.db('ticket_events').where({ ticket_id: ticketId }).orderBy('id')) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      at: toDate(r.at)!,
      actorUserId: (r.actor_user_id as number | null) ?? null,
      actorLabel: (r.actor_label as string | null) ?? null,
      field: String(r.field),
      oldValue: (r.old_value as string | null) ?? null,
      newValue: (r.new_value as string | null) ?? null,
    }));
  }

  async obstacles(ticketId: number): Promise<string[]> {
    return ((await this.db('ticket_obstacles').where({ ticket_id: ticketId }).orderBy('obstacle')) as Row[]).map((r) =>
      String(r.obstacle),
    );
  }

  async setObstacles(db: Db, ticketId: number, obstacles: string[], at: Date): Promise<void> {
    await db('ticket_obstacles').where({ ticket_id: ticketId }).delete();
    if (obstacles.length > 0)
      await db('ticket_obstacles').insert(
        obstacles.map((obstacle) => ({ ticket_id: ticketId, obstacle, created_at: toIso(at) })),
      );
  }

  async clauseLinks(ticketId: number): Promise<{ clauseId: string; clauseProblem: boolean }[]> {
    const rows = (await this.db('ticket_clause_links').where({ ticket_id: ticketId }).orderBy('clause_id')) as Row[];
    return rows.map((r) => ({
      clauseId: String(r.clause_id),
      clauseProblem: r.clause_problem === true || r.clause_problem === 1,
    }));
  }

  /** Tickets closed before the cutoff whose requester is still known (retention). */
  async closedAndKnownBefore(cutoff: Date): Promise<number[]> {
    const rows = (await this.db('tickets')
      .where({ status: 'closed' })
      .whereNull('anonymised_at')
      .where('closed_at', '<', toIso(cutoff))
      .select('id')) as { id: number }[];
    return rows.map((r) => Number(r.id));
  }

  /** Every ticket asked from an e-mail address, oldest first. */
  async byRequester(email: string): Promise<Ticket[]> {
    return ((await this.db('tickets').where({ requester_email: email }).orderBy('id')) as Row[]).map(toTicket);
  }

  /** Who asked which ticket (reference and address), for the tickets still holding their requester. */
  async requesters(ticketIds: number[]): Promise<{ reference: string; email: string }[]> {
    const out: { reference: string; email: string }[] = [];
    for (let i = 0; i < ticketIds.length; i += 500) {
      const rows = (await this.db('tickets')
        .whereIn('id', ticketIds.slice(i, i + 500))
        .whereNotNull('requester_email')
        .select('reference', 'requester_email')) as { reference: string; requester_email: string }[];
      out.push(...rows.map((r) => ({ reference: r.reference, email: r.requester_email })));
    }
    return out;
  }

  /** Forgets who asked: name, address and organisation, the author name of their messages, their tracking links
   * and reply addresses, and every attached file (a file may hold anyone's personal data). */
  async anonymise(trx: Knex.Transaction, ticketIds: number[], at: Date): Promise<void> {
    for (let i = 0; i < ticketIds.length; i += 500) {
      const ids = ticketIds.slice(i, i + 500);
      await trx('tickets')
        .whereIn('id', ids)
        .update({ requester_name: null, requester_email: null, requester_org: null, anonymised_at: toIso(at) });
      await trx('ticket_messages').whereIn('ticket_id', ids).where({ kind: 'requester' }).update({ author_name: null });
      await trx('ticket_tokens').whereIn('ticket_id', ids).delete();
      await trx('ticket_reply_tokens').whereIn('ticket_id', ids).delete();
      await trx('ticket_attachments').whereIn('ticket_id', ids).delete();
    }
  }

  /** Links a clause to a ticket once; linking again only updates the "clause problem" flag. */
  async linkClause(
    db: Db,
    link: { ticketId: number; clauseId: string; problem: boolean; userId: number; at: Date },
  ): Promise<void> {
    await db('ticket_clause_links')
      .insert({
        ticket_id: link.ticketId,
        clause_id: link.clauseId,
        clause_problem: link.problem,
        created_by: link.userId,
        created_at: toIso(link.at),
      })
      .onConflict(['ticket_id', 'clause_id'])
      .merge(['clause_problem']);
  }
}
