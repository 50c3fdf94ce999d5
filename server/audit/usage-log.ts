// Usage events behind the monitoring figures: what was viewed, added or generated, never by whom.
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';

export type UsageKind = 'clause_viewed' | 'clause_added' | 'template_generated' | 'action_plan_generated';

export interface UsageEvent {
  kind: UsageKind;
  clauseId?: string | null;
  category?: string | null;
  theme?: string | null;
  level?: string | null;
  documentId?: string | null;
}

export class UsageRecorder {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {}

  async record(events: UsageEvent | UsageEvent[]): Promise<void> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return;
    const at = toIso(this.clock.now());
    const rows = list.map((e) => ({
      kind: e.kind,
      clause_id: e.clauseId ?? null,
      category: e.category ?? null,
      theme: e.theme ?? null,
      level: e.level ?? null,
      document_id: e.documentId ?? null,
      created_at: at,
    }));
    for (let i = 0; i < rows.length; i += 200) await this.db('usage_events').insert(rows.slice(i, i + 200));
  }
}
