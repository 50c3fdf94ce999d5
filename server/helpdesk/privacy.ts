// Personal data in tickets (GDPR): anonymise requesters of tickets closed long ago (keeping question and
// answer), export everything held about an e-mail address, and erase it on request.
import type { Knex } from 'knex';
import type { AuditLog } from '../audit/audit-log';
import { toDate, toIso, type Clock } from '../db/time';
import { toTicket } from './repository';

export interface DataExport {
  email: string;
  exportedAt: string;
  tickets: Record<string, unknown>[];
  emails: Record<string, unknown>[];
}

function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export class HelpdeskPrivacy {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  private async anonymise(trx: Knex.Transaction, ticketIds: number[], at: Date): Promise<void> {
    if (ticketIds.length === 0) return;
    for (let i = 0; i < ticketIds.length; i += 500) {
      const ids = ticketIds.slice(i, i + 500);
      await trx('tickets')
        .whereIn('id', ids)
        .update({ requester_name: null, requester_email: null, requester_org: null, anonymised_at: toIso(at) });
      await trx('ticket_messages').whereIn('ticket_id', ids).where({ kind: 'requester' }).update({ author_name: null });
      await trx('ticket_tokens').whereIn('ticket_id', ids).delete();
    }
  }

  /** Anonymises tickets closed more than `months` ago. Running it again changes nothing more. */
  async applyRetention(months: number): Promise<number> {
    const now = this.clock.now();
    const cutoff = toIso(monthsBefore(now, months));
    const ids = (
      (await this.db('tickets')
        .where({ status: 'closed' })
        .whereNull('anonymised_at')
        .where('closed_at', '<', cutoff)
        .select('id')) as { id: number }[]
    ).map((r) => Number(r.id));
    await this.db.transaction((trx) => this.anonymise(trx, ids, now));
    return ids.length;
  }

  async export(email: string, actorUserId: number, ip?: string): Promise<DataExport> {
    const address = email.trim().toLowerCase();
    const rows = (await this.db('tickets').where({ requester_email: address }).orderBy('id')) as Record<
      string,
      unknown
    >[];
    const tickets = [];
    for (const row of rows) {
      const ticket = toTicket(row);
      const messages = (await this.db('ticket_messages')
        .where({ ticket_id: ticket.id })
        .whereIn('kind', ['public_reply', 'requester'])
        .orderBy('id')) as Record<string, unknown>[];
      tickets.push({
        reference: ticket.reference,
        createdAt: ticket.createdAt.toISOString(),
        status: ticket.status,
        question: ticket.question,
        theme: ticket.theme,
        category: ticket.category,
        stage: ticket.stage,
        tenderReference: ticket.tenderReference,
        requester: {
          name: ticket.requesterName,
          email: ticket.requesterEmail,
          organisation: ticket.requesterOrg,
          language: ticket.lang,
        },
        messages: messages.map((m) => ({
          kind: m.kind,
          author: m.kind === 'requester' ? ticket.requesterName : m.author_name,
          body: m.body,
          at: toDate(m.created_at)?.toISOString(),
        })),
      });
    }
    const emails = (
      (await this.db('mail_outbox').where({ recipient: address }).orderBy('id')) as Record<string, unknown>[]
    ).map((m) => ({
      subject: m.subject,
      body: m.body,
      at: toDate(m.created_at)?.toISOString(),
      sentAt: toDate(m.sent_at)?.toISOString() ?? null,
    }));
    await this.audit.record('data_subject.exported', { actorUserId, ip, details: { tickets: tickets.length } });
    return { email: address, exportedAt: this.clock.now().toISOString(), tickets, emails };
  }

  /** Erases the personal data of an address: its tickets are anonymised and its e-mails removed. */
  async erase(email: string, actorUserId: number, ip?: string): Promise<{ tickets: number; emails: number }> {
    const address = email.trim().toLowerCase();
    const now = this.clock.now();
    const ids = ((await this.db('tickets').where({ requester_email: address }).select('id')) as { id: number }[]).map(
      (r) => Number(r.id),
    );
    let emails = 0;
    await this.db.transaction(async (trx) => {
      await this.anonymise(trx, ids, now);
      emails = await trx('mail_outbox').where({ recipient: address }).delete();
    });
    await this.audit.record('data_subject.erased', { actorUserId, ip, details: { tickets: ids.length, emails } });
    return { tickets: ids.length, emails };
  }
}
