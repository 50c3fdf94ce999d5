// FAQ entries published from answered tickets: a redacted question and answer in both languages,
// searchable beside the clauses.
import type { Knex } from 'knex';
import type { CurrentUser } from '../accounts/roles';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../db/time';
import { everyLanguage, suffixedNames, type Lang } from '../i18n/languages';
import { Conflict, Forbidden, NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import type { SearchDocument } from '../search/documents';
import { bumpRevision } from '../search/revision';
import type { DocumentSource, SearchService } from '../search/service';
import { FaqRepository, type FaqVersion } from './faq-repository';
import type { Ticket } from './model';
import { canHandle, canPublishFaq } from './permissions';
import { personalDataIn } from './redaction';
import type { TicketService } from './tickets';

export interface FaqEntry {
  id: number;
  ticketId: number | null;
  /** The organisation that answered: its facilitators (and coordinators) edit and unpublish the entry. */
  orgCode: string;
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

/** An answer as the public FAQ page shows it: one paragraph per line. */
export const answerParagraphs = (text: string): string[] => text.split(/\n+/);

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

  /** Checks each field: filled, not too long, and no personal data (the requester's name when known). */
  private validate(input: FaqInput, requesterName?: string | null): FaqInput {
    const problems: FieldProblem[] = [];
    const out: FaqInput = Object.fromEntries(FAQ_FIELDS.map((f) => [f, String(input[f] ?? '').trim()]));
    for (const [field, value] of Object.entries(out)) {
      if (!value) problems.push({ field, messageKey: 'validation.required' });
      else if (value.length > 5000) problems.push({ field, messageKey: 'validation.too_long', params: { max: 5000 } });
      else {
        const found = personalDataIn(value, requesterName);
        if (found) problems.push({ field, messageKey: `helpdesk.errors.faq_personal_${found}` });
      }
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

  /** The checks of publishing (ticket publishable, not published yet, texts redacted), for the preview too. */
  async checkDraftFromTicket(ticketId: number, user: CurrentUser, input: FaqInput): Promise<FaqInput> {
    return (await this.draftFromTicket(ticketId, user, input)).text;
  }

  private async draftFromTicket(ticketId: number, user: CurrentUser, input: FaqInput) {
    const ticket = await this.publishableTicket(ticketId, user);
    if (await this.repo.findByTicket(ticket.id)) throw new Conflict('faq.already_published');
    return { ticket, text: this.validate(input, ticket.requesterName) };
  }

  /** Publishes an answered ticket as an FAQ entry (once per ticket); the text is the facilitator's redacted version. */
  async publishFromTicket(ticketId: number, user: CurrentUser, input: FaqInput, ip?: string): Promise<number> {
    const { ticket, text } = await this.draftFromTicket(ticketId, user, input);
    const now = this.clock.now();
    const id = await this.db.transaction(async (trx) => {
      const entryId = await this.repo.insert(
        trx,
        {
          text,
          ticketId: ticket.id,
          orgCode: ticket.orgCode,
          theme: ticket.theme,
          category: ticket.category,
          createdBy: user.id,
        },
        now,
      );
      await this.repo.addVersion(trx, { faqId: entryId, version: 1, text, status: 'published' }, user, now);
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

  /** An entry its organisation's facilitators (or a coordinator) may edit and unpublish; others are refused. */
  async editable(id: number, user: CurrentUser): Promise<FaqEntry> {
    const entry = await this.find(id);
    if (!canHandle(user, entry)) throw new Forbidden('faq.not_yours');
    return entry;
  }

  /** Saves an edit as a new version, with its author and time; every edit is audited with the editor's organisation. */
  async update(
    id: number,
    input: FaqInput,
    status: FaqEntry['status'],
    ctx: { user: CurrentUser; ip?: string },
  ): Promise<void> {
    const { user } = ctx;
    const entry = await this.editable(id, user);
    const ticket = entry.ticketId
      ? await this.tickets.forStaff(entry.ticketId, user).catch(() => undefined)
      : undefined;
    const text = this.validate(input, ticket?.requesterName);
    const now = this.clock.now();
    const version = entry.version + 1;
    await this.db.transaction(async (trx) => {
      await this.repo.update(trx, entry.id, text, status, version, now);
      await this.repo.addVersion(trx, { faqId: entry.id, version, text, status }, user, now);
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

  versions(id: number): Promise<FaqVersion[]> {
    return this.repo.versions(id);
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
