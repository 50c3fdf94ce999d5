// Personal data in tickets (GDPR): anonymise requesters of tickets closed long ago (keeping question and
// answer), export everything held about an e-mail address, and erase it on request.
import type { Knex } from 'knex';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../db/time';
import type { Mailer } from '../mail/mailer';
import type { AttachmentRepository } from './attachment-repository';
import { forgetRatingComments, ratingOf } from './ratings';
import type { HelpdeskRepository } from './repository';

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
    private readonly repo: HelpdeskRepository,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly attachments: AttachmentRepository,
  ) {}

  /** Anonymises tickets closed more than `months` ago, and removes the e-mails about them from the outbox
   * (their subject names the ticket, their body the question and answers). Running it again changes nothing. */
  async applyRetention(months: number): Promise<number> {
    const now = this.clock.now();
    const ids = await this.repo.closedAndKnownBefore(monthsBefore(now, months));
    if (ids.length === 0) return 0;
    const requesters = await this.repo.requesters(ids);
    await this.db.transaction(async (trx) => {
      for (const { email, reference } of requesters) await this.mailer.forgetAbout(email, reference, trx);
      await this.repo.anonymise(trx, ids, now);
      await forgetRatingComments(trx, ids);
    });
    return ids.length;
  }

  async export(email: string, actorUserId: number, ip?: string): Promise<DataExport> {
    const address = email.trim().toLowerCase();
    const tickets = [];
    for (const ticket of await this.repo.byRequester(address)) {
      // Everything held about the person (GDPR art. 15), the facilitators' internal notes about the ticket included.
      const messages = await this.repo.messages(ticket.id, ['public_reply', 'requester', 'internal_note']);
      const rating = await ratingOf(this.db, ticket.id);
      // Every file on the ticket (notes' files included), by name, size and date; not their content.
      const files = await this.attachments.list(ticket.id, false);
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
          author: m.kind === 'requester' ? ticket.requesterName : m.authorName,
          body: m.body,
          at: m.createdAt.toISOString(),
        })),
        attachments: files.map((f) => ({
          filename: f.filename,
          size: f.size,
          mediaType: f.mediaType,
          sentWith: f.messageKind ?? 'question',
          at: f.createdAt.toISOString(),
        })),
        rating: rating && { score: rating.score, comment: rating.comment, at: rating.createdAt.toISOString() },
      });
    }
    const emails = (await this.mailer.outbox(Number.MAX_SAFE_INTEGER, address)).reverse().map((m) => ({
      subject: m.subject,
      body: m.body,
      at: m.createdAt?.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    }));
    await this.audit.record('data_subject.exported', { actorUserId, ip, details: { tickets: tickets.length } });
    return { email: address, exportedAt: this.clock.now().toISOString(), tickets, emails };
  }

  /** Erases the personal data of an address: its tickets are anonymised and its e-mails removed. */
  async erase(email: string, actorUserId: number, ip?: string): Promise<{ tickets: number; emails: number }> {
    const address = email.trim().toLowerCase();
    const now = this.clock.now();
    const ids = (await this.repo.byRequester(address)).map((t) => t.id);
    let emails = 0;
    await this.db.transaction(async (trx) => {
      await this.repo.anonymise(trx, ids, now);
      await forgetRatingComments(trx, ids);
      emails = await this.mailer.forget(address, trx);
    });
    await this.audit.record('data_subject.erased', { actorUserId, ip, details: { tickets: ids.length, emails } });
    return { tickets: ids.length, emails };
  }
}
