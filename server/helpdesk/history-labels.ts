// The ticket history as staff read it: every stored code (status, organisation, user id, obstacle) shown as its
// label in the page's language ("Nieuw → Beantwoord", "Actiris", "Administratieve last"), never the raw code.
import { translate, translateOr } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { TicketEvent } from './model';

export interface HistoryNames {
  users: Map<number, string>;
  organisations: Map<string, string>;
}

export interface HistoryRow {
  at: Date;
  actor: string;
  what: string;
  from: string | null;
  to: string | null;
}

function valueLabel(lang: Lang, field: string, value: string | null, names: HistoryNames): string | null {
  if (value === null || value === '') return null;
  switch (field) {
    case 'status':
      return translateOr(lang, `helpdesk_misc.staff_statuses.${value}`, value);
    case 'created':
    case 'organisation':
      return names.organisations.get(value) ?? value;
    case 'assignee':
      return names.users.get(Number(value)) ?? translate(lang, 'helpdesk_misc.history.former_user');
    case 'obstacles':
      return value
        .split(',')
        .map((code) => translateOr(lang, `helpdesk.obstacles.${code.trim()}`, code.trim()))
        .join(', ');
    default:
      return translateOr(lang, `helpdesk_misc.history.values.${value}`, value);
  }
}

export function historyRows(events: TicketEvent[], lang: Lang, names: HistoryNames): HistoryRow[] {
  return events.map((e) => ({
    at: e.at,
    actor:
      e.actorLabel === 'requester'
        ? translate(lang, 'helpdesk.staff.requester')
        : (e.actorLabel ?? translate(lang, 'helpdesk_misc.history.system')),
    what: translateOr(lang, `helpdesk.fields.${e.field}`, e.field),
    from: valueLabel(lang, e.field, e.oldValue, names),
    // An assignment to nobody reads "Niemand", not an empty cell.
    to:
      e.field === 'assignee' && !e.newValue
        ? translate(lang, 'helpdesk.staff.unassigned')
        : valueLabel(lang, e.field, e.newValue, names),
  }));
}
