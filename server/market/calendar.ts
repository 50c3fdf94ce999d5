// iCalendar (RFC 5545) for the agenda: the feed of all events or one type, and the invitation attached to
// a registration's confirmation. Times are written in UTC; each event keeps a stable UID across edits.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { pick, type Lang } from '../i18n/languages';
import type { MarketEvent } from './model';

export function eventUid(event: Pick<MarketEvent, 'id'>, host: string): string {
  return `market-event-${event.id}@${host}`;
}

export function calendarOf(
  events: MarketEvent[],
  lang: Lang,
  options: { name: string; baseUrl: string; method?: 'request' },
): string {
  const host = new URL(options.baseUrl).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: host, product: 'market-agenda', language: lang.toUpperCase() },
    method: options.method === 'request' ? ICalCalendarMethod.REQUEST : undefined,
  });
  for (const event of events) {
    const url = `${options.baseUrl}/${lang}/agenda/${event.id}`;
    calendar.createEvent({
      id: eventUid(event, host),
      sequence: event.sequence,
      start: event.startsAt,
      end: event.endsAt,
      summary: pick(event.title, lang),
      description: `${pick(event.description, lang)}\n\n${url}`,
      location: event.place ?? event.onlineUrl ?? undefined,
      url,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
