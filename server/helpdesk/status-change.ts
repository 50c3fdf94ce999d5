// A status change of a ticket, with its history entry; closing stamps closed_at, reopening clears it.
import type { Knex } from 'knex';
import { toIso } from '../db/time';
import type { Ticket } from './model';
import type { HelpdeskRepository } from './repository';
import type { TicketStatus } from './vocabulary';

export async function changeStatus(
  repo: HelpdeskRepository,
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
  await repo.update(trx, ticket.id, patch);
  await repo.addEvent(trx, {
    ticketId: ticket.id,
    at,
    actorUserId,
    actorLabel,
    field: 'status',
    oldValue: ticket.status,
    newValue: status,
  });
}
