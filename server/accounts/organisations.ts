// Facilitator organisations and the coordination cell: data seeded by a migration, edited by coordinators.
import type { Knex } from 'knex';
import type { Lang } from '../i18n/languages';

export interface Organisation {
  code: string;
  nameNl: string;
  nameFr: string;
  kind: 'facilitator' | 'coordination';
  queueEmail: string | null;
}

export function organisationName(org: Organisation, lang: Lang): string {
  return lang === 'fr' ? org.nameFr : org.nameNl;
}

export class OrganisationRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Organisation[]> {
    const rows = (await this.db('organisations').orderBy('code')) as Record<string, unknown>[];
    return rows.map((row) => ({
      code: String(row.code),
      nameNl: String(row.name_nl),
      nameFr: String(row.name_fr),
      kind: row.kind === 'coordination' ? 'coordination' : 'facilitator',
      queueEmail: (row.queue_email as string | null) ?? null,
    }));
  }

  async find(code: string): Promise<Organisation | undefined> {
    return (await this.list()).find((org) => org.code === code);
  }

  async update(code: string, changes: { nameNl: string; nameFr: string; queueEmail: string | null }): Promise<void> {
    await this.db('organisations')
      .where({ code })
      .update({ name_nl: changes.nameNl, name_fr: changes.nameFr, queue_email: changes.queueEmail });
  }
}
