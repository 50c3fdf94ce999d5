// The days an answering organisation is closed beyond weekends and the federal public holidays: the Brussels
// regional days off of its holiday calendar, and the closing days coordinators set (for one organisation or all).
// Stored in the database so every instance computes the same due times.
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import type { OrganisationRepository } from '../accounts/organisations';
import type { AuditLog } from '../audit/audit-log';
import { BRUSSELS_ZONE, toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import type { BusinessCalendar } from './business-time';

/**
 * Days off (MM-DD) of the agents of the Brussels regional public services (SPR) and bodies of public interest (OIP)
 * on top of the ten federal public holidays, under the two Brussels Government orders of 21 March 2018 on their
 * administrative and pecuniary statute (art. 186): 8 May (Iris day, the Region's holiday), 2 November (All Souls),
 * 15 November (King's feast) and 26 December (second day of Christmas). Verified on the Region's HR portal:
 * https://talentanalytics.brussels/fr/actualites/lesaviezvous-les-conges-2025-la-region-bruxelloise-tout-ce-que-vous-devez-savoir-613547
 * Not modelled: the days off in lieu between 27 and 31 December when one of these falls on a weekend (given to
 * each agent, not a closure of the office); coordinators add them as closing days when the office closes.
 */
export const BRUSSELS_REGIONAL_DAYS_OFF = ['05-08', '11-02', '11-15', '12-26'] as const;

export interface ClosingDay {
  id: number;
  day: string;
  /** null: every organisation closes. */
  orgCode: string | null;
  label: string | null;
}

export class ClosingDays {
  constructor(
    private readonly db: Knex,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ClosingDay[]> {
    const rows = (await this.db('closing_days').orderBy(['day', 'id'])) as Record<string, unknown>[];
    return rows.map((row) => ({
      id: Number(row.id),
      day: String(row.day),
      orgCode: (row.org_code as string | null) ?? null,
      label: (row.label as string | null) ?? null,
    }));
  }

  /** The calendar due times of an organisation's tickets follow. */
  async calendarFor(orgCode: string): Promise<BusinessCalendar> {
    const org = await this.organisations.find(orgCode);
    const rows = (await this.db('closing_days')
      .where((q) => q.where({ org_code: orgCode }).orWhereNull('org_code'))
      .select('day')) as { day: string }[];
    const closed = new Set(rows.map((row) => row.day));
    const regional = org?.holidayCalendar === 'brussels_regional';
    const regionalDays: ReadonlySet<string> = new Set(BRUSSELS_REGIONAL_DAYS_OFF);
    return { isClosed: (date) => closed.has(date) || (regional && regionalDays.has(date.slice(5))) };
  }

  async add(input: { day: string; orgCode: string; label: string }, actor: { id: number; ip?: string }) {
    const day = input.day.trim();
    const problems: FieldProblem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !DateTime.fromISO(day, { zone: BRUSSELS_ZONE }).isValid)
      problems.push({ field: 'day', messageKey: 'validation.date' });
    const orgCode = input.orgCode || null;
    if (orgCode && !(await this.organisations.find(orgCode)))
      problems.push({ field: 'org', messageKey: 'validation.one_of' });
    const label = input.label.trim();
    if (label.length > 200) problems.push({ field: 'label', messageKey: 'validation.too_long', params: { max: 200 } });
    if (problems.length === 0 && (await this.db('closing_days').where({ day, org_code: orgCode }).first()))
      problems.push({ field: 'day', messageKey: 'helpdesk_misc.closing.duplicate' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.db('closing_days').insert({
      day,
      org_code: orgCode,
      label: label || null,
      created_by: actor.id,
      created_at: toIso(this.clock.now()),
    });
    await this.audit.record('closing_day.added', { actorUserId: actor.id, ip: actor.ip, details: { day, orgCode } });
  }

  async remove(id: number, actor: { id: number; ip?: string }): Promise<void> {
    const row = Number.isInteger(id) ? await this.db('closing_days').where({ id }).first() : undefined;
    if (!row) throw new NotFound();
    await this.db('closing_days').where({ id }).delete();
    await this.audit.record('closing_day.removed', {
      actorUserId: actor.id,
      ip: actor.ip,
      details: { day: row.day, orgCode: row.org_code ?? null },
    });
  }
}
