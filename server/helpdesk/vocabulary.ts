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
  'other',
] as const;
export type Obstacle = (typeof OBSTACLES)[number];
