// Canned answers per organisation: ready-made replies a facilitator starts from.
import type { Knex } from 'knex';
import { toIso, type Clock } from '../db/time';
import { NotFound, ValidationFailed, type FieldProblem } from '../http/errors';
import { LANGUAGES, type Lang } from '../i18n/languages';

export interface CannedAnswer {
  id: number;
  orgCode: string;
  title: string;
  /** The answer in each language (columns body_<lang>). */
  bodies: Record<Lang, string>;
}

export class CannedAnswers {
  constructor(
    private readonly db: Knex,
    private readonly clock: Clock,
  ) {}

  async list(orgCode?: string): Promise<CannedAnswer[]> {
    const query = this.db('canned_answers').orderBy('title');
    if (orgCode) query.where({ org_code: orgCode });
    return ((await query) as Record<string, unknown>[]).map((r) => ({
      id: Number(r.id),
      orgCode: String(r.org_code),
      title: String(r.title),
      bodies: Object.fromEntries(LANGUAGES.map((l) => [l, String(r[`body_${l}`])])) as Record<Lang, string>,
    }));
  }

  async add(input: { orgCode: string; title: string; bodyNl: string; bodyFr: string }): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!input.title.trim()) problems.push({ field: 'title', messageKey: 'validation.required' });
    if (!input.bodyNl.trim()) problems.push({ field: 'body_nl', messageKey: 'validation.required' });
    if (!input.bodyFr.trim()) problems.push({ field: 'body_fr', messageKey: 'validation.required' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.db('canned_answers').insert({
      org_code: input.orgCode,
      title: input.title.trim().slice(0, 200),
      body_nl: input.bodyNl.trim().slice(0, 10_000),
      body_fr: input.bodyFr.trim().slice(0, 10_000),
      created_at: toIso(this.clock.now()),
    });
  }

  async remove(id: number, orgCode: string | null): Promise<void> {
    const query = this.db('canned_answers').where({ id });
    if (orgCode) query.where({ org_code: orgCode });
    if ((await query.delete()) === 0) throw new NotFound();
  }
}
