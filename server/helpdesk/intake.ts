// The buyer's side of the helpdesk: ask (routing by theme, pilot priority, due time), follow the question
// through the tracking link, answer back and close it.
import type { Knex } from 'knex';
import { hashToken, newToken } from '../accounts/tokens';
import type { Theme } from '../clauses/vocabulary';
import type { Config } from '../config/config';
import { brusselsYear, toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';
import type { Lang } from '../i18n/languages';
import type { AttachmentRepository, NewAttachment } from './attachment-repository';
import type { AttachmentRules, IncomingFile } from './attachments';
import { addBusinessDays } from './business-time';
import type { ClosingDays } from './closing-days';
import type { Ticket } from './model';
import type { HelpdeskNotifications } from './notifications';
import type { PilotCodeRepository } from './pilot-codes';
import type { HelpdeskRepository } from './repository';
import { answeringOrganisation } from './routing';
import { changeStatus } from './status-change';
import { parseNewTicket, type NewTicket } from './ticket-input';
import { normalisedText, TEXT_LIMITS } from './vocabulary';

export class TicketIntake {
  constructor(
    private readonly db: Knex,
    private readonly repo: HelpdeskRepository,
    private readonly pilotCodes: PilotCodeRepository,
    private readonly notify: HelpdeskNotifications,
    private readonly clock: Clock,
    private readonly config: Config,
    /** The clause library's category codes (ClauseService.categoryCodes): a ticket's category must be one. */
    private readonly categoryCodes: () => Promise<Set<string>>,
    private readonly closingDays: ClosingDays,
    private readonly attachmentRules: AttachmentRules,
    private readonly attachments: AttachmentRepository,
  ) {}

  parseNew(input: unknown): NewTicket {
    return parseNewTicket(input);
  }

  /** Creates the ticket in its organisation's queue with its due time; returns the tracking token. */
  async create(input: NewTicket, files: IncomingFile[] = []): Promise<{ ticket: Ticket; token: string }> {
    const now = this.clock.now();
    const accepted = await this.attachmentRules.check(files);
    if (input.category && !(await this.categoryCodes()).has(input.category))
      throw new ValidationFailed([{ field: 'category', messageKey: 'validation.one_of' }]);
    let isPilot = false;
    if (input.pilotCode) {
      const code = await this.pilotCodes.findActive(input.pilotCode);
      if (!code) throw new ValidationFailed([{ field: 'pilotCode', messageKey: 'helpdesk.errors.pilot_unknown' }]);
      input = { ...input, pilotCode: code.code };
      isPilot = true;
    }
    const orgCode = answeringOrganisation(input.theme as Theme | undefined);
    const dueAt = addBusinessDays(
      now,
      isPilot ? this.config.sla.pilotBusinessDays : this.config.sla.defaultBusinessDays,
      await this.closingDays.calendarFor(orgCode),
    );
    const { token, hash } = newToken();
    const id = await this.db.transaction(async (trx) => {
      const reference = await this.repo.nextReference(trx, brusselsYear(now));
      const ticketId = await this.repo.insertTicket(trx, {
        reference,
        question: input.question,
        theme: input.theme ?? null,
        category: input.category ?? null,
        stage: input.stage ?? null,
        tender_reference: input.tenderReference ?? null,
        pilot_code: input.pilotCode ?? null,
        is_pilot: isPilot,
        status: 'new',
        org_code: orgCode,
        requester_name: input.name,
        requester_email: input.email.toLowerCase(),
        requester_org: input.organisation,
        lang: input.lang,
        created_at: toIso(now),
        updated_at: toIso(now),
        due_at: toIso(dueAt),
      });
      await this.repo.addToken(trx, ticketId, hash, now);
      await this.attachments.add(trx, ticketId, null, accepted, now);
      await this.repo.addEvent(trx, {
        ticketId,
        at: now,
        actorUserId: null,
        actorLabel: 'requester',
        field: 'created',
        oldValue: null,
        newValue: orgCode,
      });
      return ticketId;
    });
    const ticket = (await this.repo.find(id))!;
    await this.notify.confirmation(ticket, token);
    await this.notify.newInQueue(ticket);
    return { ticket, token };
  }

  /** When the buyer may expect a first answer, and from which organisation (tracking page, confirmation). */
  expectedAnswer(ticket: Ticket, lang: Lang) {
    return this.notify.expectedAnswer(ticket, lang);
  }

  trackingUrl(lang: Lang, token: string): string {
    return this.notify.trackingUrl(lang, token);
  }

  async byToken(token: string): Promise<Ticket> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFound();
    const ticket = await this.repo.findByTokenHash(hashToken(token));
    if (!ticket || ticket.anonymisedAt) throw new NotFound();
    return ticket;
  }

  /** What the requester sees: public replies and their own messages, never internal notes. */
  publicMessages(ticket: Ticket) {
    return this.repo.messages(ticket.id, ['public_reply', 'requester']);
  }

  /** What the requester may download: the files of the question, their replies and the public replies. */
  publicAttachments(ticket: Ticket) {
    return this.attachments.list(ticket.id, true);
  }

  /** A requester's reply is text of 2 to TEXT_LIMITS.requesterReply characters. */
  private requesterText(body: string): string {
    const text = normalisedText(body);
    const max = TEXT_LIMITS.requesterReply;
    if (text.length < 2) throw new ValidationFailed([{ field: 'body', messageKey: 'validation.required' }]);
    if (text.length > max)
      throw new ValidationFailed([{ field: 'body', messageKey: 'validation.too_long', params: { max } }]);
    return text;
  }

  /** The tracking page's reply form: text and files checked together. */
  async requesterReply(token: string, body: string, files: IncomingFile[] = []): Promise<void> {
    const ticket = await this.byToken(token);
    const checked = await this.attachmentRules.checkAlong(files, () => this.requesterText(body));
    await this.addRequesterMessage(ticket, checked.value, checked.files);
  }

  /** The buyer answered back, on the tracking page or by e-mail (inbound-mail.ts): the message and its files are
   * stored, a ticket that was answered, waiting or closed is open again, and the handlers hear of it. */
  async addRequesterMessage(ticket: Ticket, body: string, files: NewAttachment[]): Promise<void> {
    const text = this.requesterText(body);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      const messageId = await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'requester',
        authorUserId: null,
        authorName: ticket.requesterName,
        body: text,
        at: now,
      });
      await this.attachments.add(trx, ticket.id, messageId, files, now);
      if (ticket.status !== 'new' && ticket.status !== 'open')
        await changeStatus(this.repo, trx, ticket, 'open', null, 'requester', now);
      await this.repo.update(trx, ticket.id, { updated_at: toIso(now) });
    });
    await this.notify.requesterReplied(ticket, ticket.status === 'closed');
  }

  async requesterClose(token: string): Promise<void> {
    const ticket = await this.byToken(token);
    if (ticket.status === 'closed') return;
    const now = this.clock.now();
    await this.db.transaction((trx) => changeStatus(this.repo, trx, ticket, 'closed', null, 'requester', now));
  }
}
