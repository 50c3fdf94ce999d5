// Deadline alerts of the helpdesk, run by the in-process timer of every instance: a warning to whoever handles a
// ticket when its first response is due within 4 business hours, and an escalation to the coordination cell once
// it is overdue. Each alert is claimed by inserting (ticket, kind) first; only the instance whose insert landed
// sends, so any number of instances on one database send each alert once. "Within 4 business hours" is counted on the
// calendar of the organisation that answers the ticket (its holidays and closing days), as its due time was.
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';
import { addBusinessHours, type BusinessCalendar } from './business-time';
import type { ClosingDays } from './closing-days';
import type { HelpdeskNotifications } from './notifications';
import { toTicket } from './repository';

export const WARNING_BUSINESS_HOURS = 4;
export type AlertKind = 'due_soon' | 'overdue';

type Db = Knex | Knex.Transaction;

/** A ticket whose due time moved (pilot priority) may be warned again about its new deadline. */
export async function forgetDeadlineAlerts(db: Db, ticketId: number): Promise<void> {
  await db('ticket_alerts').where({ ticket_id: ticketId }).delete();
}

export class TicketAlerts {
  constructor(
    private readonly db: Knex,
    private readonly notify: HelpdeskNotifications,
    private readonly clock: Clock,
    private readonly closingDays: ClosingDays,
  ) {}

  /** Sends the alerts that are due and not yet sent; returns how many of each this run sent. */
  async run(): Promise<Record<AlertKind, number>> {
    const now = this.clock.now();
    const sent: Record<AlertKind, number> = { due_soon: 0, overdue: 0 };
    const calendars = new Map<string, BusinessCalendar>();
    for (const ticket of await this.waiting('due_soon', (q) => q.where('due_at', '>', toIso(now)))) {
      if (!calendars.has(ticket.orgCode))
        calendars.set(ticket.orgCode, await this.closingDays.calendarFor(ticket.orgCode));
      const warnUntil = addBusinessHours(now, WARNING_BUSINESS_HOURS, calendars.get(ticket.orgCode));
      if (ticket.dueAt.getTime() > warnUntil.getTime()) continue;
      if (await this.claim(ticket.id, 'due_soon', now)) {
        await this.notify.firstResponseDueSoon(ticket);
        sent.due_soon += 1;
      }
    }
    for (const ticket of await this.waiting('overdue', (q) => q.where('due_at', '<=', toIso(now))))
      if (await this.claim(ticket.id, 'overdue', now)) {
        await this.notify.firstResponseOverdue(ticket);
        sent.overdue += 1;
      }
    return sent;
  }

  /** Open tickets still without a first response, in the given due window, not yet alerted of this kind. */
  private async waiting(kind: AlertKind, window: (q: Knex.QueryBuilder) => Knex.QueryBuilder) {
    const query = this.db('tickets')
      .whereNull('first_response_at')
      .whereNull('anonymised_at')
      .whereNot({ status: 'closed' })
      .whereNotExists((a) =>
        a
          .select(this.db.raw('1'))
          .from('ticket_alerts')
          .whereRaw('ticket_alerts.ticket_id = tickets.id')
          .where('ticket_alerts.kind', kind),
      )
      .orderBy('due_at');
    return ((await window(query)) as Record<string, unknown>[]).map(toTicket);
  }

  private async claim(ticketId: number, kind: AlertKind, at: Date): Promise<boolean> {
    const inserted = await this.db('ticket_alerts')
      .insert({ ticket_id: ticketId, kind, created_at: toIso(at) })
      .onConflict(['ticket_id', 'kind'])
      .ignore()
      .returning('ticket_id');
    return inserted.length > 0;
  }
}
