// The dashboard's headline: the few figures a coordinator reads first. Open and overdue are counted now, over
// every ticket in scope; the service level and the volume are counted over the tickets received in the period.
import type { TicketFact } from './mirror';
import { median } from './stats-model';

export interface Headline {
  /** Tickets not closed, whenever received. */
  openNow: number;
  /** Tickets without a first response whose due time has passed (not closed). */
  overdueNow: number;
  /** Of the period's tickets answered or past due: the share answered within the due time (0–1), null if none. */
  shareOnTime: number | null;
  /** Median business hours to the first response of the period's answered tickets, null if none. */
  medianFirstResponseHours: number | null;
  received: { period: number; previous: number };
}

export function headline(
  tickets: Iterable<TicketFact>,
  scope: { org: string | null; now: number },
  period: { from: number; to: number },
  previous: { from: number; to: number },
): Headline {
  const out: Headline = {
    openNow: 0,
    overdueNow: 0,
    shareOnTime: null,
    medianFirstResponseHours: null,
    received: { period: 0, previous: 0 },
  };
  const hours: number[] = [];
  let onTime = 0;
  let decided = 0;
  for (const t of tickets) {
    if (scope.org && t.org !== scope.org) continue;
    if (!t.closed) out.openNow += 1;
    if (!t.closed && t.firstResponse === null && t.due < scope.now) out.overdueNow += 1;
    if (t.created >= previous.from && t.created < previous.to) out.received.previous += 1;
    if (t.created < period.from || t.created >= period.to) continue;
    out.received.period += 1;
    if (t.firstResponse !== null) {
      hours.push(t.hours ?? 0);
      decided += 1;
      if (t.firstResponse <= t.due) onTime += 1;
    } else if (t.due < scope.now) decided += 1;
  }
  out.shareOnTime = decided ? onTime / decided : null;
  const m = median(hours.sort((a, b) => a - b));
  out.medianFirstResponseHours = m === null ? null : Math.round(m * 10) / 10;
  return out;
}
