// Purchasing centrals (MPDI 11) and their framework contracts per category, maintained by coordinators;
// the lookup behind "a framework of central X covers this until date Y" on the category and tender pages.
import type { Knex } from 'knex';
import { z } from 'zod';
import { toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed } from '../http/errors';
import { parseOrFail } from '../http/validation';
import { fromSuffixed, pick, suffixedNames, toSuffixed, type Lang } from '../i18n/languages';
import { givenLanguages, perLanguage, withoutBlanks } from './forms';
import { CENTRAL_LEVELS, type Central, type Framework } from './model';

type Row = Record<string, unknown>;
const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const codes = (pattern: RegExp) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(/[\s,;]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern)).max(50));

export const centralSchema = z.strictObject({
  ...perLanguage('name', text(200)),
  level: z.enum(CENTRAL_LEVELS),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  contact_email: z.email().max(254),
});

export const frameworkSchema = z.strictObject({
  category: z.string().regex(/^[a-z_]{2,40}$/),
  ...perLanguage('title', text(300)),
  ...perLanguage('scope', text(5000)),
  cpv: codes(/^\d{8}$/),
  ends_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
  ...perLanguage('who_may_join', text(2000)),
  contact_email: z.email().max(254),
  clause_ids: codes(/^[A-Z]{3}-[A-Z0-9]+-\d{3}$/),
  ...perLanguage('sustainability', optional(5000)),
});

function toCentral(row: Row): Central {
  return {
    id: Number(row.id),
    name: fromSuffixed(row, 'name'),
    level: row.level as Central['level'],
    website: (row.website as string | null) ?? null,
    contactEmail: String(row.contact_email),
  };
}

function toFramework(row: Row): Framework {
  return {
    id: Number(row.id),
    centralId: Number(row.central_id),
    category: String(row.category),
    title: fromSuffixed(row, 'title'),
    scope: fromSuffixed(row, 'scope'),
    cpv: JSON.parse(String(row.cpv)) as string[],
    endsOn: String(row.ends_on),
    whoMayJoin: fromSuffixed(row, 'who_may_join'),
    contactEmail: String(row.contact_email),
    clauseIds: JSON.parse(String(row.clause_ids)) as string[],
    sustainability: fromSuffixed(row, 'sustainability'),
  };
}

export class CentralService {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
    private readonly categoryCodes: () => Promise<Set<string>>,
  ) {}

  async centrals(): Promise<(Central & { frameworks: Framework[] })[]> {
    const centrals = ((await this.db('market_centrals').orderBy('id')) as Row[]).map(toCentral);
    const frameworks = ((await this.db('market_frameworks').orderBy('ends_on')) as Row[]).map(toFramework);
    return centrals.map((c) => ({ ...c, frameworks: frameworks.filter((f) => f.centralId === c.id) }));
  }

  async central(id: number): Promise<Central & { frameworks: Framework[] }> {
    const found = (await this.centrals()).find((c) => c.id === id);
    if (!found) throw new NotFound();
    return found;
  }

  async saveCentral(input: unknown, id?: number): Promise<number> {
    const c = parseOrFail(centralSchema, withoutBlanks(input));
    const now = toIso(this.clock.now());
    const row = {
      ...toSuffixed('name', fromSuffixed(c, 'name')),
      level: c.level,
      website: c.website ?? null,
      contact_email: c.contact_email,
      updated_at: now,
    };
    if (id) {
      if ((await this.db('market_centrals').where({ id }).update(row)) !== 1) throw new NotFound();
      return id;
    }
    const [inserted] = await this.db('market_centrals')
      .insert({ ...row, created_at: now })
      .returning('id');
    return typeof inserted === 'object' ? Number((inserted as { id: number }).id) : Number(inserted);
  }

  async addFramework(centralId: number, input: unknown, knownClause: (id: string) => Promise<boolean>): Promise<void> {
    await this.central(centralId);
    const f = parseOrFail(frameworkSchema, withoutBlanks(input));
    if (!(await this.categoryCodes()).has(f.category))
      throw new ValidationFailed([{ field: 'category', messageKey: 'validation.one_of' }]);
    for (const clauseId of f.clause_ids)
      if (!(await knownClause(clauseId)))
        throw new ValidationFailed([{ field: 'clause_ids', messageKey: 'market.errors.clause_unknown' }]);
    const now = toIso(this.clock.now());
    await this.db('market_frameworks').insert({
      central_id: centralId,
      category: f.category,
      ...toSuffixed('title', fromSuffixed(f, 'title')),
      ...toSuffixed('scope', fromSuffixed(f, 'scope')),
      cpv: JSON.stringify(f.cpv),
      ends_on: f.ends_on,
      ...toSuffixed('who_may_join', fromSuffixed(f, 'who_may_join')),
      contact_email: f.contact_email,
      clause_ids: JSON.stringify(f.clause_ids),
      ...toSuffixed('sustainability', givenLanguages(f, 'sustainability')),
      created_at: now,
      updated_at: now,
    });
  }

  async removeFramework(id: number): Promise<void> {
    await this.db('market_frameworks').where({ id }).delete();
  }

  /** The frameworks still running for a category, with their central's name (for the category and tender pages). */
  async coveringCategory(category: string): Promise<{ central: Central; framework: Framework }[]> {
    const today = toIso(this.clock.now()).slice(0, 10);
    const rows = (await this.db('market_frameworks as f')
      .join('market_centrals as c', 'c.id', 'f.central_id')
      .where('f.category', category)
      .where('f.ends_on', '>=', today)
      .orderBy('f.ends_on', 'desc')
      .select('f.*', 'c.level as c_level', ...suffixedNames('name').map((n) => `c.${n} as c_${n}`))
      .select('c.website as c_website', 'c.contact_email as c_contact_email')) as Row[];
    return rows.map((row) => ({
      framework: toFramework(row),
      central: toCentral({
        id: row.central_id,
        ...Object.fromEntries(suffixedNames('name').map((n) => [n, row[`c_${n}`]])),
        level: row.c_level,
        website: row.c_website,
        contact_email: row.c_contact_email,
      }),
    }));
  }

  /** "A framework of central X covers this until date Y": what the category and tender pages show. */
  async frameworkNotices(category: string, lang: Lang): Promise<FrameworkNotice[]> {
    return (await this.coveringCategory(category)).map(({ central, framework }) => ({
      central: pick(central.name, lang),
      title: pick(framework.title, lang),
      endsOn: framework.endsOn,
    }));
  }
}

export interface FrameworkNotice {
  central: string;
  title: string;
  endsOn: string;
}

/** The lookup other domains' pages are given (bound to this service). */
export type FrameworkLookup = (category: string, lang: Lang) => Promise<FrameworkNotice[]>;
