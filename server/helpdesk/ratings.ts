// The requester rates the helpdesk's answer on the tracking page: once per ticket (a score 1–5 and an optional
// comment), only after a public reply. Retention and erasure remove the comment with the ticket's personal data.
import type { Knex } from 'knex';
import { toDate, toIso, type Clock } from '../db/time';
import { Conflict, ValidationFailed, type FieldProblem } from '../http/errors';
import type { Ticket } from './model';
import { normalisedText } from './vocabulary';

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export const RATING_COMMENT_MAX = 2000;

export interface TicketRating {
  score: number;
  comment: string | null;
  createdAt: Date;
}

/** A ticket's rating, read with any connection (a transaction's too). */
export async function ratingOf(db: Knex, ticketId: number): Promise<TicketRating | null> {
  const row = await db('ticket_ratings').where({ ticket_id: ticketId }).first();
  if (!row) return null;
  return { score: Number(row.score), comment: row.comment ?? null, createdAt: toDate(row.created_at)! };
}

/** Removes the comments of these tickets' ratings (the scores stay, anonymous, for the figures). */
export async function forgetRatingComments(trx: Knex.Transaction, ticketIds: number[]): Promise<void> {
  for (let i = 0; i < ticketIds.length; i += 500)
    await trx('ticket_ratings')
      .whereIn('ticket_id', ticketIds.slice(i, i + 500))
      .update({ comment: null });
}

export class TicketRatings {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {}

  forTicket(ticketId: number): Promise<TicketRating | null> {
    return ratingOf(this.db, ticketId);
  }

  /** Whether the requester may rate now: the helpdesk answered and the ticket has no rating yet. */
  canRate(ticket: Ticket, rating: TicketRating | null): boolean {
    return ticket.answeredAt !== null && rating === null;
  }

  async rate(ticket: Ticket, input: { score: string; comment: string }): Promise<void> {
    const problems: FieldProblem[] = [];
    const score = Number(input.score);
    if (!RATING_SCORES.includes(score as (typeof RATING_SCORES)[number]))
      problems.push({ field: 'score', messageKey: 'helpdesk_misc.rating.score_required' });
    const comment = normalisedText(input.comment);
    if (comment.length > RATING_COMMENT_MAX)
      problems.push({
        field: 'comment',
        messageKey: 'helpdesk_misc.rating.comment_too_long',
        params: { max: RATING_COMMENT_MAX },
      });
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (ticket.answeredAt === null) throw new Conflict('helpdesk_misc.rating.not_answered');
    if (await this.forTicket(ticket.id)) throw new Conflict('helpdesk_misc.rating.already');
    await this.db('ticket_ratings')
      .insert({ ticket_id: ticket.id, score, comment: comment || null, created_at: toIso(this.clock.now()) })
      .onConflict('ticket_id')
      .ignore();
  }
}
