// Codes of the helpdesk: procedure stages of a question, ticket statuses and moves, obstacles (MPDI 4).

export const TICKET_STAGES = ['preparation', 'publication', 'award', 'execution'] as const;
export type TicketStage = (typeof TICKET_STAGES)[number];

export const TICKET_STATUSES = ['new', 'open', 'waiting', 'answered', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Which status a facilitator may move a ticket to from each status (reopen included). */
export const STATUS_MOVES: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'waiting', 'closed'],
  open: ['waiting', 'answered', 'closed'],
  waiting: ['open', 'answered', 'closed'],
  answered: ['open', 'waiting', 'closed'],
  closed: ['open'],
};

export const OBSTACLES = [
  'knowledge_of_criteria',
  'extra_cost',
  'legal_admissibility',
  'verification',
  'market_capacity',
  'sme_access',
  'time_and_skills',
  // Obstacles firms meet, as the strategy names them (MPDI 4): they reach the helpdesk through buyers too.
  'local_circular_actors',
  'unknown_procedures',
  'administrative_burden',
  'cash_flow',
  'turnover_requirements',
  'weak_sustainability_weight',
  'other',
] as const;
export type Obstacle = (typeof OBSTACLES)[number];

/** The longest texts the helpdesk keeps (characters, after trimming; a line break counts once). */
export const TEXT_LIMITS = { question: 5000, requesterReply: 5000, staffMessage: 10_000 } as const;

/** How much of a posted text a route reads: well above the limits, so an over-long text comes back whole
 * with a message instead of being cut (the body parser bounds the request itself). */
export const POSTED_TEXT_CAP = 100_000;

/** A typed text as the helpdesk counts and stores it: Windows line breaks as one, no surrounding blanks. */
export function normalisedText(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}
