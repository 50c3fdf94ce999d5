// The shape of the monitoring figures, and the order statistics they use.

export interface Breakdown {
  key: string;
  received: number;
  answered: number;
  open: number;
}

export interface ResponseTimes {
  organisation: string;
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
  withinDue: number;
  decided: number;
  shareWithinDue: number | null;
}

export interface Stats {
  period: { kind: string; from: string; to: string };
  scope: { organisation: string | null };
  tickets: {
    received: number;
    answered: number;
    open: number;
    pilot: Omit<Breakdown, 'key'>;
    nonPilot: Omit<Breakdown, 'key'>;
    byTheme: Breakdown[];
    byOrganisation: Breakdown[];
    byCategory: Breakdown[];
    byStage: Breakdown[];
    byObstacle: { key: string; received: number }[];
  };
  responseTimes: ResponseTimes[];
  /** Ratings (1–5) requesters gave in the period; average rounded to 2 decimals, null without ratings. */
  satisfaction: { rated: number; average: number | null; byScore: { score: number; count: number }[] };
  obstaclesOverTime: {
    buckets: string[];
    series: { obstacle: string; counts: number[]; trend: 'growing' | 'shrinking' | 'stable' }[];
  };
  clauses: {
    mostViewed: { id: string; count: number }[];
    mostAdded: { id: string; count: number }[];
    mostFeedback: { id: string; count: number }[];
    mostProblemLinks: { id: string; count: number }[];
    notReviewedForAYear: { id: string; reviewedOn: string }[];
  };
  documents: {
    templates: number;
    templatesByCategory: { key: string; count: number }[];
    templatesByTheme: { key: string; count: number }[];
    templatesByLevel: { key: string; count: number }[];
    actionPlans: number;
    actionPlansByCategory: { key: string; count: number }[];
  };
}

/** The p-th percentile by nearest rank (p in 0–100) of numbers sorted ascending. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
