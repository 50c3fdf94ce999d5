// FAQ entries published from answered tickets: a redacted question and answer in both languages,
// searchable beside the clauses.
import type { Knex } from 'knex';
import type { CurrentUser } from '../accounts/roles';
import { toDate, toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import type { SearchDocument } from '../search/documents';
import { bumpRevision } from '../search/revision';
import type { DocumentSource, SearchService } from '../search/service';
import type { TicketService } from './tickets';

export interface FaqEntry {
  id: number;
  ticketId: number | null;
  question: { nl: string; fr: string };
  answer: { nl: string; fr: string };
  theme: string | null;
  category: string | null;
  status: 'published' | 'unpublished';
  version: number;
  updatedAt: Date | null;
}

export interface FaqInput {
  question_nl: string;
  question_fr: string;
  answer_nl: string;
  answer_fr: string;
}

function toEntry(row: Record<string, unknown>): FaqEntry {
  return {
    id: Number(row.id),
    ticketId: (row.ticket_id as number | null) ?? null,
    question: { nl: String(row.question_nl), fr: String(row.question_fr) },
    answer: { nl: String(row.answer_nl), fr: String(row.answer_fr) },
    theme: (row.theme as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    status: row.status === 'published' ? 'published' : 'unpublished',
    version: Number(row.version),
    updatedAt: toDate(row.updated_at),
  };
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

export class FaqService {
  constructor(
    private readonly db: Knex,
    private readonly tickets: TicketService,
    private readonly search: SearchService,
    private readonly clock: Clock,
  ) {}

  private validate(input: FaqInput): FaqInput {
    const problems: FieldProblem[] = [];
    const out = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, String(v ?? '').trim()]),
    ) as unknown as FaqInput;
    for (const [field, value] of Object.entries(out)) {
      if (!value) problems.push({ field, messageKey: 'validation.required' });
      else if (value.length > 5000) problems.push({ field, messageKey: 'validation.too_long', params: { max: 5000 } });
      else if (EMAIL.test(value)) problems.push({ field, messageKey: 'helpdesk.errors.faq_personal_data' });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
    return out;
  }

  /** Publishes an answered ticket as an FAQ entry; the text is the facilitator's redacted version. */
  async publishFromTicket(ticketId: number, user: CurrentUser, input: FaqInput): Promise<number> {
    const ticket = await this.tickets.forStaff(ticketId, user);
    const text = this.validate(input);
    const now = toIso(this.clock.now());
    const id = await this.db.transaction(async (trx) => {
      const [row] = await trx('faq_entries')
        .insert({
          ticket_id: ticket.id,
          ...text,
          theme: ticket.theme,
          category: ticket.category,
          status: 'published',
          version: 1,
          created_by: user.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id');
      await bumpRevision(trx, this.clock);
      return typeof row === 'object' ? Number((row as { id: number }).id) : Number(row);
    });
    await this.search.refresh();
    return id;
  }

  async update(id: number, input: FaqInput, status: 'published' | 'unpublished'): Promise<void> {
    const entry = await this.find(id);
    const text = this.validate(input);
    await this.db.transaction(async (trx) => {
      await trx('faq_entries')
        .where({ id: entry.id })
        .update({ ...text, status, version: entry.version + 1, updated_at: toIso(this.clock.now()) });
      await bumpRevision(trx, this.clock);
    });
    await this.search.refresh();
  }

  async find(id: number): Promise<FaqEntry> {
    const row = Number.isInteger(id)
      ? ((await this.db('faq_entries').where({ id }).first()) as Record<string, unknown> | undefined)
      : undefined;
    if (!row) throw new NotFound();
    return toEntry(row);
  }

  async published(id: number): Promise<FaqEntry> {
    const entry = await this.find(id);
    if (entry.status !== 'published') throw new NotFound();
    return entry;
  }

  async list(status?: 'published'): Promise<FaqEntry[]> {
    const query = this.db('faq_entries').orderBy('id', 'desc');
    if (status) query.where({ status });
    return ((await query) as Record<string, unknown>[]).map(toEntry);
  }
}

export function faqDocumentSource(db: Knex): DocumentSource {
  return {
    keys: async () =>
      (
        (await db('faq_entries').where({ status: 'published' }).select('id', 'version')) as {
          id: number;
          version: number;
        }[]
      ).map((r) => ({ ref: `faq:${r.id}`, version: Number(r.version) })),
    documents: async () =>
      ((await db('faq_entries').where({ status: 'published' })) as Record<string, unknown>[]).map(
        (row): SearchDocument => {
          const entry = toEntry(row);
          return {
            ref: `faq:${entry.id}`,
            type: 'faq',
            id: `FAQ-${entry.id}`,
            version: entry.version,
            title: entry.question,
            text: entry.answer,
            extra: { nl: '', fr: '' },
            theme: entry.theme,
            categories: entry.category ? [entry.category] : [],
            stage: null,
            level: null,
            owner: null,
          };
        },
      ),
  };
}
