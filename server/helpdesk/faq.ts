// FAQ entries published from answered tickets: a redacted question and answer in both languages,
// searchable beside the clauses.
import type { Knex } from 'knex';
import type { CurrentUser } from '../accounts/roles';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../db/time';
import { everyLanguage, suffixedNames, type Lang } from '../i18n/languages';
import { Conflict, NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import type { SearchDocument } from '../search/documents';
import { bumpRevision } from '../search/revision';
import type { DocumentSource, SearchService } from '../search/service';
import { FaqRepository } from './faq-repository';
import type { Ticket } from './model';
import { canPublishFaq } from './permissions';
import type { TicketService } from './tickets';

export interface FaqEntry {
  id: number;
  ticketId: number | null;
  question: Record<Lang, string>;
  answer: Record<Lang, string>;
  theme: string | null;
  category: string | null;
  status: 'published' | 'unpublished';
  version: number;
  updatedAt: Date | null;
}

/** The fields of a FAQ entry as the forms send them: question_<lang> and answer_<lang>. */
export const FAQ_FIELDS = suffixedNames('question', 'answer');
export type FaqInput = Record<string, string>;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

export class FaqService {
  private readonly repo: FaqRepository;

  constructor(
    private readonly db: Knex,
    private readonly tickets: TicketService,
    private readonly search: SearchService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.repo = new FaqRepository(db);
  }

  private validate(input: FaqInput): FaqInput {
    const problems: FieldProblem[] = [];
    const out: FaqInput = Object.fromEntries(FAQ_FIELDS.map((f) => [f, String(input[f] ?? '').trim()]));
    for (const [field, value] of Object.entries(out)) {
      if (!value) problems.push({ field, messageKey: 'validation.required' });
      else if (value.length > 5000) problems.push({ field, messageKey: 'validation.too_long', params: { max: 5000 } });
      else if (EMAIL.test(value)) problems.push({ field, messageKey: 'helpdesk.errors.faq_personal_data' });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
    return out;
  }

  /** The ticket, when the user may publish it as a FAQ entry (see canPublishFaq). */
  async publishableTicket(ticketId: number, user: CurrentUser): Promise<Ticket> {
    const ticket = await this.tickets.forStaff(ticketId, user);
    if (!canPublishFaq(user, ticket)) throw new Conflict('faq.not_publishable');
    return ticket;
  }

  /** Publishes an answered ticket as an FAQ entry; the text is the facilitator's redacted version. */
  async publishFromTicket(ticketId: number, user: CurrentUser, input: FaqInput, ip?: string): Promise<number> {
    const ticket = await this.publishableTicket(ticketId, user);
    const text = this.validate(input);
    const now = this.clock.now();
    const id = await this.db.transaction(async (trx) => {
      const entryId = await this.repo.insert(
        trx,
        { text, ticketId: ticket.id, theme: ticket.theme, category: ticket.category, createdBy: user.id },
        now,
      );
      await bumpRevision(trx, this.clock);
      return entryId;
    });
    await this.audit.record('faq.published', {
      actorUserId: user.id,
      ip,
      details: { faq: id, ticket: ticket.id, ticketOrg: ticket.orgCode, actorOrg: user.orgCode },
    });
    await this.search.refresh();
    return id;
  }

  /** Every edit is audited with who made it from which organisation (an FAQ is shared by all of them). */
  async update(
    id: number,
    input: FaqInput,
    status: 'published' | 'unpublished',
    ctx: { user: CurrentUser; ip?: string },
  ): Promise<void> {
    const entry = await this.find(id);
    const text = this.validate(input);
    await this.db.transaction(async (trx) => {
      await this.repo.update(trx, entry.id, text, status, entry.version + 1, this.clock.now());
      await bumpRevision(trx, this.clock);
    });
    await this.audit.record('faq.updated', {
      actorUserId: ctx.user.id,
      ip: ctx.ip,
      details: {
        faq: entry.id,
        version: entry.version + 1,
        status: { from: entry.status, to: status },
        ticket: entry.ticketId,
        actorOrg: ctx.user.orgCode,
      },
    });
    await this.search.refresh();
  }

  async find(id: number): Promise<FaqEntry> {
    const entry = Number.isInteger(id) ? await this.repo.find(id) : undefined;
    if (!entry) throw new NotFound();
    return entry;
  }

  async published(id: number): Promise<FaqEntry> {
    const entry = await this.find(id);
    if (entry.status !== 'published') throw new NotFound();
    return entry;
  }

  list(status?: 'published'): Promise<FaqEntry[]> {
    return this.repo.list(status);
  }
}

export function faqDocumentSource(db: Knex): DocumentSource {
  const repo = new FaqRepository(db);
  return {
    keys: async () => (await repo.publishedKeys()).map((r) => ({ ref: `faq:${r.id}`, version: r.version })),
    documents: async () =>
      (await repo.list('published')).map((entry): SearchDocument => ({
        ref: `faq:${entry.id}`,
        type: 'faq',
        id: `FAQ-${entry.id}`,
        version: entry.version,
        title: entry.question,
        text: entry.answer,
        extra: everyLanguage(() => ''),
        theme: entry.theme,
        categories: entry.category ? [entry.category] : [],
        stage: null,
        level: null,
        owner: null,
      })),
  };
}
