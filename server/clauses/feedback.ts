// Feedback on clauses (from buyers and from tickets) as editors read it: open or handled, and marking it handled
// with the clause version that addressed it (MPDI 7: editors revise clauses from feedback). Audited.
import type { Knex } from 'knex';
import type { CurrentUser } from '../accounts/roles';
import type { AuditLog } from '../audit/audit-log';
import { toDate, toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';

export const FEEDBACK_STATES = ['open', 'handled', 'all'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export interface ClauseFeedbackItem {
  id: number;
  clauseId: string;
  version: number;
  kind: string;
  comment: string | null;
  lang: string;
  source: string;
  ticketId: number | null;
  createdAt: Date | null;
  handled: { at: Date | null; version: number | null; by: string | null } | null;
  /** The clause's versions, newest first: the choices for "handled in". */
  versions: number[];
}

export class ClauseFeedback {
  constructor(
    private readonly db: Knex,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(
    options: { clauseId?: string; state?: FeedbackState; limit?: number } = {},
  ): Promise<ClauseFeedbackItem[]> {
    const query = this.db('clause_feedback as f')
      .leftJoin('users as u', 'u.id', 'f.handled_by')
      .select('f.*', 'u.name as handled_by_name')
      .orderBy('f.id', 'desc')
      .limit(options.limit ?? 200);
    if (options.clauseId) query.where('f.clause_id', options.clauseId);
    if (options.state === 'open') query.whereNull('f.handled_at');
    if (options.state === 'handled') query.whereNotNull('f.handled_at');
    const rows = (await query) as Record<string, unknown>[];
    const versions = await this.versionsOf([...new Set(rows.map((r) => String(r.clause_id)))]);
    return rows.map((r) => ({
      id: Number(r.id),
      clauseId: String(r.clause_id),
      version: Number(r.clause_version),
      kind: String(r.kind),
      comment: (r.comment as string | null) ?? null,
      lang: String(r.lang),
      source: String(r.source),
      ticketId: r.ticket_id === null || r.ticket_id === undefined ? null : Number(r.ticket_id),
      createdAt: toDate(r.created_at),
      handled: r.handled_at
        ? {
            at: toDate(r.handled_at),
            version: r.handled_version === null ? null : Number(r.handled_version),
            by: (r.handled_by_name as string | null) ?? null,
          }
        : null,
      versions: versions.get(String(r.clause_id)) ?? [],
    }));
  }

  private async versionsOf(clauseIds: string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    if (clauseIds.length === 0) return out;
    const rows = (await this.db('clause_versions')
      .whereIn('clause_id', clauseIds)
      .orderBy('version', 'desc')
      .select('clause_id', 'version')) as { clause_id: string; version: number }[];
    for (const row of rows) out.set(row.clause_id, [...(out.get(row.clause_id) ?? []), Number(row.version)]);
    return out;
  }

  /** Marks feedback handled by a version of its clause; marking it again replaces the version named. */
  async markHandled(id: number, version: number, user: CurrentUser, ip?: string): Promise<void> {
    const row = Number.isInteger(id) ? await this.db('clause_feedback').where({ id }).first() : undefined;
    if (!row) throw new NotFound();
    const exists =
      Number.isInteger(version) &&
      (await this.db('clause_versions').where({ clause_id: row.clause_id, version }).first());
    if (!exists)
      throw new ValidationFailed([{ field: `version-${id}`, messageKey: 'helpdesk_misc.feedback.version_unknown' }]);
    await this.db('clause_feedback')
      .where({ id })
      .update({ handled_at: toIso(this.clock.now()), handled_version: version, handled_by: user.id });
    await this.audit.record('clause_feedback.handled', {
      actorUserId: user.id,
      ip,
      details: { feedbackId: id, clauseId: row.clause_id, version },
    });
  }

  /** Back to open (handled by mistake). */
  async reopen(id: number, user: CurrentUser, ip?: string): Promise<void> {
    const row = Number.isInteger(id) ? await this.db('clause_feedback').where({ id }).first() : undefined;
    if (!row) throw new NotFound();
    await this.db('clause_feedback')
      .where({ id })
      .update({ handled_at: null, handled_version: null, handled_by: null });
    await this.audit.record('clause_feedback.reopened', {
      actorUserId: user.id,
      ip,
      details: { feedbackId: id, clauseId: row.clause_id },
    });
  }
}
