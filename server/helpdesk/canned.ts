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

/** The SQL of the canned answers. */
export class CannedAnswerRepository {
  constructor(private readonly db: Knex) {}

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

  async insert(answer: Omit<CannedAnswer, 'id'>, at: Date): Promise<void> {
    await this.db('canned_answers').insert({
      org_code: answer.orgCode,
      title: answer.title,
      ...Object.fromEntries(LANGUAGES.map((l) => [`body_${l}`, answer.bodies[l]])),
      created_at: toIso(at),
    });
  }

  /** Deletes the answer (of that organisation only, when one is given); false when there was none. */
  async delete(id: number, orgCode: string | null): Promise<boolean> {
    const query = this.db('canned_answers').where({ id });
    if (orgCode) query.where({ org_code: orgCode });
    return (await query.delete()) > 0;
  }
}

export class CannedAnswers {
  private readonly repo: CannedAnswerRepository;

  constructor(
    db: Knex,
    private readonly clock: Clock,
  ) {
    this.repo = new CannedAnswerRepository(db);
  }

  list(orgCode?: string): Promise<CannedAnswer[]> {
    return this.repo.list(orgCode);
  }

  /** Adds an answer; its text is needed in every language (form fields body_<lang>). */
  async add(input: { orgCode: string; title: string; bodies: Record<Lang, string> }): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!input.title.trim()) problems.push({ field: 'title', messageKey: 'validation.required' });
    for (const l of LANGUAGES)
      if (!input.bodies[l]?.trim()) problems.push({ field: `body_${l}`, messageKey: 'validation.required' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    const bodies = Object.fromEntries(LANGUAGES.map((l) => [l, input.bodies[l].trim().slice(0, 10_000)]));
    await this.repo.insert(
      { orgCode: input.orgCode, title: input.title.trim().slice(0, 200), bodies: bodies as Record<Lang, string> },
      this.clock.now(),
    );
  }

  async remove(id: number, orgCode: string | null): Promise<void> {
    if (!(await this.repo.delete(id, orgCode))) throw new NotFound();
  }
}
