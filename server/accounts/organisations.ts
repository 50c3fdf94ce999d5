// Facilitator organisations and the coordination cell: data seeded by a migration, edited by coordinators.
import type { Knex } from 'knex';
import { LANGUAGES, type Lang } from '../i18n/languages';

/** Which public holidays an organisation closes on (the days themselves: server/helpdesk/closing-days.ts). */
export const HOLIDAY_CALENDARS = ['federal', 'brussels_regional'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export interface Organisation {
  code: string;
  /** The name in each language (columns name_<lang>). */
  names: Record<Lang, string>;
  kind: 'facilitator' | 'coordination';
  queueEmail: string | null;
  holidayCalendar: HolidayCalendar;
}

export function organisationName(org: Organisation, lang: Lang): string {
  return org.names[lang];
}

export class OrganisationRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Organisation[]> {
    const rows = (await this.db('organisations').orderBy('code')) as Record<string, unknown>[];
    return rows.map((row) => ({
      code: String(row.code),
      names: Object.fromEntries(LANGUAGES.map((l) => [l, String(row[`name_${l}`])])) as Record<Lang, string>,
      kind: row.kind === 'coordination' ? 'coordination' : 'facilitator',
      queueEmail: (row.queue_email as string | null) ?? null,
      holidayCalendar: row.holiday_calendar === 'brussels_regional' ? 'brussels_regional' : 'federal',
    }));
  }

  async find(code: string): Promise<Organisation | undefined> {
    return (await this.list()).find((org) => org.code === code);
  }

  async update(code: string, changes: { names: Record<Lang, string>; queueEmail: string | null }): Promise<void> {
    const names = Object.fromEntries(LANGUAGES.map((l) => [`name_${l}`, changes.names[l]]));
    await this.db('organisations')
      .where({ code })
      .update({ ...names, queue_email: changes.queueEmail });
  }
}
