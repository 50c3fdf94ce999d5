// The audit trail of security events: who did what to whom, when, from which address. Never secrets.
import type { Knex } from 'knex';
import { toDate, toIso, type Clock } from '../db/time';
import { translateOr } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';

/** Every audited event; each has a label in the catalogs (`audit_events.<event>`), shown on the audit log page. */
export const AUDIT_EVENTS = [
  'sign_in.success',
  'sign_in.failure',
  'sign_in.locked',
  'sign_out',
  'password.changed',
  'password.reset_requested',
  'password.reset',
  'user.created',
  'user.invited',
  'user.invitation_accepted',
  'user.updated',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'organisation.updated',
  'data_subject.exported',
  'data_subject.erased',
  'faq.published',
  'faq.updated',
  'ticket.priority_changed',
  'closing_day.added',
  'closing_day.removed',
  'clause_feedback.handled',
  'clause_feedback.reopened',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** An event as the audit log page names it; an event without a label yet shows its code. */
export function auditEventLabel(lang: Lang, event: string): string {
  return translateOr(lang, `audit_events.${event}`, event);
}

export interface AuditEntry {
  id: number;
  at: Date | null;
  event: string;
  actorUserId: number | null;
  actorName: string | null;
  targetUserId: number | null;
  targetName: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export class AuditLog {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {}

  async record(
    event: AuditEvent,
    entry: {
      actorUserId?: number | null;
      targetUserId?: number | null;
      ip?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.db('audit_log').insert({
      at: toIso(this.clock.now()),
      event,
      actor_user_id: entry.actorUserId ?? null,
      target_user_id: entry.targetUserId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    });
  }

  async recent(limit = 200, event?: string): Promise<AuditEntry[]> {
    const query = this.db('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
      .leftJoin('users as target', 'target.id', 'a.target_user_id')
      .select('a.*', 'actor.name as actor_name', 'target.name as target_name')
      .orderBy('a.id', 'desc')
      .limit(limit);
    if (event) query.where('a.event', event);
    const rows = (await query) as Record<string, unknown>[];
    return rows.map((row) => ({
      id: Number(row.id),
      at: toDate(row.at),
      event: String(row.event),
      actorUserId: (row.actor_user_id as number | null) ?? null,
      actorName: (row.actor_name as string | null) ?? null,
      targetUserId: (row.target_user_id as number | null) ?? null,
      targetName: (row.target_name as string | null) ?? null,
      ip: (row.ip as string | null) ?? null,
      details: row.details ? (JSON.parse(String(row.details)) as Record<string, unknown>) : null,
    }));
  }
}
