// Requesters' satisfaction with the answers: ratings given in the period (by when they were given), in scope.
import type { MonitoringMirror } from './mirror';
import type { Stats } from './stats-model';

const SCORES = [1, 2, 3, 4, 5];

export function satisfactionOf(
  mirror: MonitoringMirror,
  from: number,
  to: number,
  org: string | null,
): Stats['satisfaction'] {
  const counts = new Map<number, number>(SCORES.map((score) => [score, 0]));
  let sum = 0;
  let rated = 0;
  for (const r of mirror.ratings.values()) {
    if (r.created < from || r.created >= to) continue;
    if (org && mirror.tickets.get(r.ticketId)?.org !== org) continue;
    counts.set(r.score, (counts.get(r.score) ?? 0) + 1);
    sum += r.score;
    rated += 1;
  }
  return {
    rated,
    average: rated ? Math.round((sum / rated) * 100) / 100 : null,
    byScore: SCORES.map((score) => ({ score, count: counts.get(score)! })),
  };
}
