// Who may do what with a ticket: one place for the rules the console, the services and the views follow.
import type { TicketStatus } from './vocabulary';

/** A signed-in user or a stored account: their roles and organisation. */
export interface StaffMember {
  roles: readonly string[];
  orgCode: string | null;
  disabledAt?: Date | null;
}

/** Coordinators handle every ticket; a facilitator handles the tickets of their own organisation. */
export function canHandle(person: StaffMember, ticket: { orgCode: string }): boolean {
  if (person.disabledAt) return false;
  return (
    person.roles.includes('coordinator') || (person.roles.includes('facilitator') && person.orgCode === ticket.orgCode)
  );
}

/** Only a ticket that was answered (or closed after an answer) can become a FAQ entry. */
export const FAQ_SOURCE_STATUSES: readonly TicketStatus[] = ['answered', 'closed'];

export function canPublishFaq(person: StaffMember, ticket: { orgCode: string; status: TicketStatus }): boolean {
  return canHandle(person, ticket) && FAQ_SOURCE_STATUSES.includes(ticket.status);
}

/** The queue a person sees: a coordinator every organisation's (or the one they pick), a facilitator their own. */
export function queueScope(person: StaffMember, requestedOrg?: string): string | undefined {
  if (person.roles.includes('coordinator')) return requestedOrg || undefined;
  return person.orgCode ?? '__none__';
}

/** The requester may close their question once the helpdesk has answered it (and it is not closed yet). */
export function requesterMayClose(ticket: { status: TicketStatus; firstResponseAt: Date | null }): boolean {
  return ticket.firstResponseAt !== null && ticket.status !== 'closed';
}
