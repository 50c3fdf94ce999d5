// The rules of the helpdesk: buyers ask (routing by theme, priority, due time), track and answer back;
// facilitators of the ticket's organisation (and coordinators) answer, note, assign, transfer and tag.
import { z } from 'zod';
import type { Knex } from 'knex';
import type { AccountRepository } from '../accounts/repository';
import type { OrganisationRepository } from '../accounts/organisations';
import type { CurrentUser } from '../accounts/roles';
import { hashToken, newToken } from '../accounts/tokens';
import { THEMES, type Theme } from '../clauses/vocabulary';
import type { Config } from '../config/config';
import { toIso, type Clock } from '../db/time';
import { Conflict, NotFound, ValidationFailed } from '../http/errors';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { parseOrFail } from '../http/validation';
import { addBusinessDays, businessHoursBetween } from './business-time';
import { canHandle } from './permissions';
import { answeringOrganisation } from './routing';
import type { Ticket } from './model';
import type { HelpdeskNotifications } from './notifications';
import type { PilotCodeRepository } from './pilot-codes';
import type { HelpdeskRepository } from './repository';
import { OBSTACLES, STATUS_MOVES, TICKET_STAGES, type TicketStatus } from './vocabulary';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const newTicketSchema = z.strictObject({
  question: z.string().trim().min(10).max(5000),
  theme: z.enum(THEMES).optional(),
  category: z
    .string()
    .regex(/^[a-z_]{2,40}$/)
    .optional(),
  stage: z.enum(TICKET_STAGES).optional(),
  tenderReference: optionalText(100),
  pilotCode: optionalText(40),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  organisation: z.string().trim().min(1).max(200),
  lang: z.enum(LANGUAGES),
});
export type NewTicket = z.infer<typeof newTicketSchema>;

export class TicketService {
  constructor(
    private readonly db: Knex,
    private readonly repo: HelpdeskRepository,
    private readonly pilotCodes: PilotCodeRepository,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly notify: HelpdeskNotifications,
    private readonly clock: Clock,
    private readonly config: Config,
  ) {}

  parseNew(input: unknown): NewTicket {
    const body = input && typeof input === 'object' ? { ...(input as Record<string, unknown>) } : input;
    if (body && typeof body === 'object') {
      // An empty choice in a form means "not given"; "unknown" is the "I don't know" theme.
      for (const key of ['theme', 'category', 'stage', 'tenderReference', 'pilotCode'] as const) {
        const record = body as Record<string, unknown>;
        if (record[key] === '' || record[key] === null || record[key] === 'unknown') delete record[key];
      }
    }
    return parseOrFail(newTicketSchema, body);
  }

  /** Creates the ticket in its organisation's queue with its due time; returns the tracking token. */
  async create(input: NewTicket): Promise<{ ticket: Ticket; token: string }> {
    const now = this.clock.now();
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
    );
    const { token, hash } = newToken();
    const id = await this.db.transaction(async (trx) => {
      const reference = await this.repo.nextReference(
        trx,
        Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Brussels' }).format(now)),
      );
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
    await this.notify.newInQueue(ticket, (lang) => `${this.baseUrl()}/${lang}/staff/tickets/${ticket.id}`);
    return { ticket, token };
  }

  private baseUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port || 3000}`;
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

  async staffView(ticket: Ticket) {
    const [messages, events, obstacles, links] = await Promise.all([
      this.repo.messages(ticket.id),
      this.repo.events(ticket.id),
      this.repo.obstacles(ticket.id),
      this.repo.clauseLinks(ticket.id),
    ]);
    return { messages, events, obstacles, links };
  }

  async requesterReply(token: string, body: string): Promise<void> {
    const ticket = await this.byToken(token);
    const text = body.trim();
    if (text.length < 2) throw new ValidationFailed([{ field: 'body', messageKey: 'validation.required' }]);
    if (text.length > 5000)
      throw new ValidationFailed([{ field: 'body', messageKey: 'validation.too_long', params: { max: 5000 } }]);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'requester',
        authorUserId: null,
        authorName: ticket.requesterName,
        body: text,
        at: now,
      });
      if (ticket.status !== 'new' && ticket.status !== 'open')
        await this.changeStatus(trx, ticket, 'open', null, 'requester', now);
      await this.repo.update(trx, ticket.id, { updated_at: toIso(now) });
    });
  }

  async requesterClose(token: string): Promise<void> {
    const ticket = await this.byToken(token);
    if (ticket.status === 'closed') return;
    const now = this.clock.now();
    await this.db.transaction((trx) => this.changeStatus(trx, ticket, 'closed', null, 'requester', now));
  }

  private async changeStatus(
    trx: Knex.Transaction,
    ticket: Ticket,
    status: TicketStatus,
    actorUserId: number | null,
    actorLabel: string,
    at: Date,
  ): Promise<void> {
    const patch: Record<string, unknown> = { status, updated_at: toIso(at) };
    if (status === 'closed') patch.closed_at = toIso(at);
    if (status !== 'closed' && ticket.closedAt) patch.closed_at = null;
    await this.repo.update(trx, ticket.id, patch);
    await this.repo.addEvent(trx, {
      ticketId: ticket.id,
      at,
      actorUserId,
      actorLabel,
      field: 'status',
      oldValue: ticket.status,
      newValue: status,
    });
  }

  /** A ticket the user may handle (see canHandle); any other ticket is not found, so none is revealed. */
  async forStaff(id: number, user: CurrentUser): Promise<Ticket> {
    const ticket = Number.isInteger(id) ? await this.repo.find(id) : undefined;
    if (!ticket || !canHandle(user, ticket)) throw new NotFound();
    return ticket;
  }

  private text(body: string, field = 'body'): string {
    const text = body.trim();
    if (!text) throw new ValidationFailed([{ field, messageKey: 'validation.required' }]);
    if (text.length > 10_000)
      throw new ValidationFailed([{ field, messageKey: 'validation.too_long', params: { max: 10_000 } }]);
    return text;
  }

  /** A public reply reaches the requester (e-mail with a fresh tracking link) and marks the ticket answered. */
  async reply(id: number, user: CurrentUser, body: string): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const text = this.text(body);
    if (ticket.anonymisedAt) throw new Conflict('helpdesk.errors.anonymised');
    const now = this.clock.now();
    const { token, hash } = newToken();
    await this.db.transaction(async (trx) => {
      await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'public_reply',
        authorUserId: user.id,
        authorName: user.name,
        body: text,
        at: now,
      });
      await this.repo.addToken(trx, ticket.id, hash, now);
      const patch: Record<string, unknown> = { answered_at: toIso(now), updated_at: toIso(now) };
      if (!ticket.firstResponseAt) {
        patch.first_response_at = toIso(now);
        patch.first_response_hours = businessHoursBetween(ticket.createdAt, now);
      }
      if (!ticket.assigneeUserId) patch.assignee_user_id = user.id;
      await this.repo.update(trx, ticket.id, patch);
      if (ticket.status !== 'answered') await this.changeStatus(trx, ticket, 'answered', user.id, user.name, now);
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: 'public_reply',
        oldValue: null,
        newValue: null,
      });
    });
    await this.notify.reply(ticket, token, text);
  }

  async note(id: number, user: CurrentUser, body: string, field = 'body'): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const text = this.text(body, field);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'internal_note',
        authorUserId: user.id,
        authorName: user.name,
        body: text,
        at: now,
      });
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: 'internal_note',
        oldValue: null,
        newValue: null,
      });
    });
  }

  async assign(id: number, user: CurrentUser, assigneeId: number | null): Promise<void> {
    const ticket = await this.forStaff(id, user);
    if (assigneeId !== null) {
      const assignee = await this.accounts.findById(assigneeId);
      if (!assignee || !canHandle(assignee, ticket))
        throw new ValidationFailed([{ field: 'assignee', messageKey: 'helpdesk.errors.assignee_not_in_org' }]);
    }
    if (assigneeId === ticket.assigneeUserId) return;
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.update(trx, ticket.id, { assignee_user_id: assigneeId, updated_at: toIso(now) });
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: 'assignee',
        oldValue: ticket.assigneeUserId ? String(ticket.assigneeUserId) : null,
        newValue: assigneeId ? String(assigneeId) : null,
      });
      if (assigneeId !== null && ticket.status === 'new')
        await this.changeStatus(trx, ticket, 'open', user.id, user.name, now);
    });
  }

  async setStatus(id: number, user: CurrentUser, status: string): Promise<void> {
    const ticket = await this.forStaff(id, user);
    if (!(STATUS_MOVES[ticket.status] as string[]).includes(status))
      throw new ValidationFailed([
        { field: 'status', messageKey: 'helpdesk.errors.status_move', params: { from: ticket.status, to: status } },
      ]);
    await this.db.transaction((trx) =>
      this.changeStatus(trx, ticket, status as TicketStatus, user.id, user.name, this.clock.now()),
    );
  }

  async transfer(id: number, user: CurrentUser, orgCode: string, reason: string): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const problems = [];
    if (!(await this.organisations.find(orgCode)) || orgCode === ticket.orgCode)
      problems.push({ field: 'org', messageKey: 'validation.one_of' });
    if (!reason.trim()) problems.push({ field: 'reason', messageKey: 'helpdesk.errors.reason_needed' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.update(trx, ticket.id, { org_code: orgCode, assignee_user_id: null, updated_at: toIso(now) });
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: 'organisation',
        oldValue: ticket.orgCode,
        newValue: orgCode,
      });
      await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'internal_note',
        authorUserId: user.id,
        authorName: user.name,
        body: reason.trim().slice(0, 2000),
        at: now,
      });
    });
    const moved = (await this.repo.find(ticket.id))!;
    await this.notify.newInQueue(moved, (lang) => `${this.baseUrl()}/${lang}/staff/tickets/${ticket.id}`);
  }

  async setObstacles(id: number, user: CurrentUser, obstacles: string[]): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const chosen = [...new Set(obstacles)];
    if (chosen.some((o) => !(OBSTACLES as readonly string[]).includes(o)))
      throw new ValidationFailed([{ field: 'obstacles', messageKey: 'validation.one_of' }]);
    const before = await this.repo.obstacles(ticket.id);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.setObstacles(trx, ticket.id, chosen, now);
      await this.repo.update(trx, ticket.id, { updated_at: toIso(now) });
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: 'obstacles',
        oldValue: before.join(', ') || null,
        newValue: [...chosen].sort().join(', ') || null,
      });
    });
  }

  /** Links a clause the answer cites; a "clause problem" link lands in the clause's feedback for editors. */
  async linkClause(id: number, user: CurrentUser, clauseId: string, problem: boolean, comment: string): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const clause = (await this.db('clauses').where({ id: clauseId.toUpperCase() }).first()) as
      { id: string; published_version: number | null; latest_version: number } | undefined;
    if (!clause)
      throw new ValidationFailed([
        { field: 'clause', messageKey: 'tender.errors.unknown_clause', params: { id: clauseId } },
      ]);
    if (problem && !comment.trim())
      throw new ValidationFailed([{ field: 'comment', messageKey: 'clauses.feedback.comment_needed' }]);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await trx('ticket_clause_links')
        .insert({
          ticket_id: ticket.id,
          clause_id: clause.id,
          clause_problem: problem,
          created_by: user.id,
          created_at: toIso(now),
        })
        .onConflict(['ticket_id', 'clause_id'])
        .merge(['clause_problem']);
      if (problem) {
        await trx('clause_feedback').insert({
          clause_id: clause.id,
          clause_version: clause.published_version ?? clause.latest_version,
          kind: 'problem',
          comment: comment.trim().slice(0, 2000),
          lang: ticket.lang,
          source: 'ticket',
          ticket_id: ticket.id,
          created_at: toIso(now),
        });
      }
      await this.repo.addEvent(trx, {
        ticketId: ticket.id,
        at: now,
        actorUserId: user.id,
        actorLabel: user.name,
        field: problem ? 'clause_problem' : 'clause_link',
        oldValue: null,
        newValue: clause.id,
      });
    });
  }
}
