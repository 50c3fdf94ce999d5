// The conflict of a ticket form opened before someone else changed the ticket.
import { Conflict } from '../http/errors';

/** The ticket changed after the form was opened: the route shows the new state with the draft kept (409). */
export class TicketChanged extends Conflict {
  constructor() {
    super('desk.conflict.changed');
  }
}
