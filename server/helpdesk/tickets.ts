// The staff side of the helpdesk: facilitators of the ticket's organisation (and coordinators) answer, note,
// assign, transfer and tag. The buyer's side (ask, track, answer back) is in intake.ts.
import type { Knex } from 'knex';
import type { AccountRepository } from '../accounts/repository';
import type { OrganisationRepository } from '../accounts/organisations';
import type { CurrentUser } from '../accounts/roles';

import { newToken } from '../accounts/tokens';
import type { ClauseService } from '../clauses/service';
import type { Config } from '../config/config';
import type { AuditLog } from '../audit/audit-log';
import { toIso, type Clock } from '../db/time';
import { Conflict, NotFound, ValidationFailed } from '../http/errors';
import { TicketChanged } from './ticket-changed';
import { forgetDeadlineAlerts } from './alerts';
import type { AttachmentRepository } from './attachment-repository';
import type { AttachmentRules, IncomingFile } from './attachments';
import { addBusinessDays, businessHoursBetween } from './business-time';
import type { ClosingDays } from './closing-days';
import { canHandle } from './permissions';
import { changeStatus } from './status-change';
import type { Ticket } from './model';
import type { HelpdeskNotifications } from './notifications';
import type { HelpdeskRepository } from './repository';
import { normalisedText, OBSTACLES, STATUS_MOVES, TEXT_LIMITS, type TicketStatus } from './vocabulary';

export class TicketService {
  constructor(
    private readonly db: Knex,
    private readonly repo: HelpdeskRepository,
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
    private readonly clauses: ClauseService,
    private readonly notify: HelpdeskNotifications,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly audit: AuditLog,
    private readonly closingDays: ClosingDays,
    private readonly attachmentRules: AttachmentRules,
    private readonly attachments: AttachmentRepository,
  ) {}

  /** When the form carried the version it was opened with, the change goes through only if nobody changed the
   * ticket since (checked and moved on in one conditional update, so two instances cannot both pass). */
  private async claim(trx: Knex.Transaction, ticket: Ticket, expectedVersion?: number): Promise<void> {
    if (expectedVersion === undefined) return;
    if (!(await this.repo.claimVersion(trx, ticket.id, expectedVersion))) throw new TicketChanged();
  }

  async staffView(ticket: Ticket) {
    const [messages, events, obstacles, links, attachments] = await Promise.all([
      this.repo.messages(ticket.id),
      this.repo.events(ticket.id),
      this.repo.obstacles(ticket.id),
      this.repo.clauseLinks(ticket.id),
      this.attachments.list(ticket.id, false),
    ]);
    return { messages, events, obstacles, links, attachments };
  }

  private staffEvent(
    trx: Knex.Transaction,
    ticket: Ticket,
    user: CurrentUser,
    at: Date,
    field: string,
    oldValue: string | null,
    newValue: string | null,
  ): Promise<void> {
    return this.repo.addEvent(trx, {
      ticketId: ticket.id,
      at,
      actorUserId: user.id,
      actorLabel: user.name,
      field,
      oldValue,
      newValue,
    });
  }

  /** A ticket the user may handle (see canHandle); any other ticket is not found, so none is revealed. */
  async forStaff(id: number, user: CurrentUser): Promise<Ticket> {
    const ticket = Number.isInteger(id) ? await this.repo.find(id) : undefined;
    if (!ticket || !canHandle(user, ticket)) throw new NotFound();
    return ticket;
  }

  private text(body: string, field = 'body'): string {
    const text = normalisedText(body);
    const max = TEXT_LIMITS.staffMessage;
    if (!text) throw new ValidationFailed([{ field, messageKey: 'validation.required' }]);
    if (text.length > max) throw new ValidationFailed([{ field, messageKey: 'validation.too_long', params: { max } }]);
    return text;
  }

  /** The text and the files of a reply or note, checked together (one 422 names every problem). */
  private async checked(body: string, field: string, files: IncomingFile[], filesField: string) {
    const checked = await this.attachmentRules.checkAlong(files, () => this.text(body, field), filesField);
    return { text: checked.value, accepted: checked.files };
  }

  /** A public reply reaches the requester (e-mail with a fresh tracking link) and marks the ticket answered. */
  async reply(id: number, user: CurrentUser, body: string, expectedVersion?: number, files: IncomingFile[] = []) {
    const ticket = await this.forStaff(id, user);
    const { text, accepted } = await this.checked(body, 'body', files, 'reply_attachments');
    if (ticket.anonymisedAt) throw new Conflict('helpdesk.errors.anonymised');
    const now = this.clock.now();
    const { token, hash } = newToken();
    const calendar = await this.closingDays.calendarFor(ticket.orgCode); // read before the transaction (SQLite)
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, expectedVersion);
      const messageId = await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'public_reply',
        authorUserId: user.id,
        authorName: user.name,
        body: text,
        at: now,
      });
      await this.attachments.add(trx, ticket.id, messageId, accepted, now);
      await this.repo.addToken(trx, ticket.id, hash, now);
      const patch: Record<string, unknown> = { answered_at: toIso(now), updated_at: toIso(now) };
      if (!ticket.firstResponseAt) {
        patch.first_response_at = toIso(now);
        patch.first_response_hours = businessHoursBetween(ticket.createdAt, now, calendar);
      }
      if (!ticket.assigneeUserId) patch.assignee_user_id = user.id;
      await this.repo.update(trx, ticket.id, patch);
      if (ticket.status !== 'answered') await changeStatus(this.repo, trx, ticket, 'answered', user.id, user.name, now);
      await this.staffEvent(trx, ticket, user, now, 'public_reply', null, null);
    });
    await this.notify.reply(ticket, token, text);
  }

  async note(
    id: number,
    user: CurrentUser,
    body: string,
    field = 'body',
    version?: number,
    files: IncomingFile[] = [],
  ) {
    const ticket = await this.forStaff(id, user);
    const { text, accepted } = await this.checked(body, field, files, `${field}_attachments`);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, version);
      const messageId = await this.repo.addMessage(trx, {
        ticketId: ticket.id,
        kind: 'internal_note',
        authorUserId: user.id,
        authorName: user.name,
        body: text,
        at: now,
      });
      await this.attachments.add(trx, ticket.id, messageId, accepted, now);
      // A note changes the ticket too: a colleague's form opened before it is stale.
      await this.repo.update(trx, ticket.id, { updated_at: toIso(now) });
      await this.staffEvent(trx, ticket, user, now, 'internal_note', null, null);
    });
  }

  async assign(id: number, user: CurrentUser, assigneeId: number | null, expectedVersion?: number): Promise<void> {
    const ticket = await this.forStaff(id, user);
    if (assigneeId !== null) {
      const assignee = await this.accounts.findById(assigneeId);
      if (!assignee || !canHandle(assignee, ticket))
        throw new ValidationFailed([{ field: 'assignee', messageKey: 'helpdesk.errors.assignee_not_in_org' }]);
    }
    if (assigneeId === ticket.assigneeUserId) return;
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, expectedVersion);
      await this.repo.update(trx, ticket.id, { assignee_user_id: assigneeId, updated_at: toIso(now) });
      await this.staffEvent(
        trx,
        ticket,
        user,
        now,
        'assignee',
        ticket.assigneeUserId ? String(ticket.assigneeUserId) : null,
        assigneeId ? String(assigneeId) : null,
      );
      if (assigneeId !== null && ticket.status === 'new')
        await changeStatus(this.repo, trx, ticket, 'open', user.id, user.name, now);
    });
  }

  async setStatus(id: number, user: CurrentUser, status: string, expectedVersion?: number): Promise<void> {
    const ticket = await this.forStaff(id, user);
    if (!(STATUS_MOVES[ticket.status] as string[]).includes(status))
      throw new ValidationFailed([
        { field: 'status', messageKey: 'helpdesk.errors.status_move', params: { from: ticket.status, to: status } },
      ]);
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, expectedVersion);
      await changeStatus(this.repo, trx, ticket, status as TicketStatus, user.id, user.name, this.clock.now());
    });
  }

  async transfer(id: number, user: CurrentUser, orgCode: string, reason: string, expectedVersion?: number) {
    const ticket = await this.forStaff(id, user);
    const problems = [];
    if (!(await this.organisations.find(orgCode)) || orgCode === ticket.orgCode)
      problems.push({ field: 'org', messageKey: 'validation.one_of' });
    if (!reason.trim()) problems.push({ field: 'reason', messageKey: 'helpdesk.errors.reason_needed' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, expectedVersion);
      await this.repo.update(trx, ticket.id, { org_code: orgCode, assignee_user_id: null, updated_at: toIso(now) });
      await this.staffEvent(trx, ticket, user, now, 'organisation', ticket.orgCode, orgCode);
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
    await this.notify.newInQueue(moved);
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
      await this.staffEvent(
        trx,
        ticket,
        user,
        now,
        'obstacles',
        before.join(', ') || null,
        [...chosen].sort().join(', ') || null,
      );
    });
  }

  /** Links a clause the answer cites; a "clause problem" link lands in the clause's feedback for editors. */
  async linkClause(id: number, user: CurrentUser, clauseId: string, problem: boolean, comment: string): Promise<void> {
    const ticket = await this.forStaff(id, user);
    const clause = await this.clauses.citable(clauseId);
    if (!clause)
      throw new ValidationFailed([
        { field: 'clause', messageKey: 'helpdesk.errors.unknown_clause', params: { id: clauseId } },
      ]);
    if (problem && !comment.trim())
      throw new ValidationFailed([{ field: 'comment', messageKey: 'clauses.feedback.comment_needed' }]);
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.repo.linkClause(trx, { ticketId: ticket.id, clauseId: clause.id, problem, userId: user.id, at: now });
      if (problem)
        await this.clauses.addTicketProblem(trx, {
          clauseId: clause.id,
          version: clause.version,
          comment,
          lang: ticket.lang,
          ticketId: ticket.id,
        });
      await this.staffEvent(trx, ticket, user, now, problem ? 'clause_problem' : 'clause_link', null, clause.id);
    });
  }

  /** Raises a ticket to pilot priority after filing (or back); the due time is recomputed as intake does it. */
  async setPilot(id: number, user: CurrentUser, pilot: boolean, expectedVersion?: number, ip?: string) {
    const ticket = await this.forStaff(id, user);
    if (ticket.isPilot === pilot) return ticket;
    const { pilotBusinessDays, defaultBusinessDays } = this.config.sla;
    const dueAt = addBusinessDays(
      ticket.createdAt,
      pilot ? pilotBusinessDays : defaultBusinessDays,
      await this.closingDays.calendarFor(ticket.orgCode),
    );
    const [before, after] = pilot ? ['normal', 'pilot'] : ['pilot', 'normal'];
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      await this.claim(trx, ticket, expectedVersion);
      await this.repo.update(trx, ticket.id, { is_pilot: pilot, due_at: toIso(dueAt), updated_at: toIso(now) });
      await forgetDeadlineAlerts(trx, ticket.id);
      await this.staffEvent(trx, ticket, user, now, 'priority', before, after);
    });
    await this.audit.record('ticket.priority_changed', {
      actorUserId: user.id,
      ip,
      details: { reference: ticket.reference, from: before, to: after, dueAt: toIso(dueAt) },
    });
    return { ...ticket, isPilot: pilot, dueAt };
  }
}

export { TicketChanged } from './ticket-changed';
