// Tickets as the app sees them.
import type { TicketStatus } from './vocabulary';
import type { Lang } from '../i18n/languages';

export interface Ticket {
  id: number;
  reference: string;
  question: string;
  theme: string | null;
  category: string | null;
  stage: string | null;
  tenderReference: string | null;
  pilotCode: string | null;
  isPilot: boolean;
  status: TicketStatus;
  orgCode: string;
  assigneeUserId: number | null;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterOrg: string | null;
  lang: Lang;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date;
  firstResponseAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  anonymisedAt: Date | null;
  /** Moves on with every change: a form carries it, and a stale one gets a 409 instead of overwriting. */
  version: number;
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  kind: 'public_reply' | 'internal_note' | 'requester';
  authorUserId: number | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export interface TicketEvent {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorLabel: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** A first response is late when it came after the due time, or has not come and the due time passed. */
export function isBreached(ticket: Pick<Ticket, 'dueAt' | 'firstResponseAt'>, now: Date): boolean {
  return ticket.firstResponseAt ? ticket.firstResponseAt > ticket.dueAt : now > ticket.dueAt;
}
