// Generates tender templates and action plans, and records that they were generated (without personal data).
import { randomUUID } from 'node:crypto';
import type { ClauseRepository } from '../clauses/repository';
import type { ClauseService } from '../clauses/service';
import type { Clock } from '../db/time';
import { ValidationFailed } from '../http/errors';
import type { UsageRecorder } from '../audit/usage-log';
import type { SearchService } from '../search/service';
import type { ActionPlanCategory } from './action-plan-document';
import type { DocumentBuilder } from './document-pool';
import { actionPlanRequestSchema, tenderRequestSchema, type ActionPlanRequest, type TenderRequest } from './model';
import { hasBlockingCheck, planTender, type TenderPlan } from './plan';
import { DOCX_MIME, safeFileName } from './tender-document';
import { ZIP_MIME } from './tender-package';
import { fieldProblems, parseOrFail } from '../http/validation';
import type { FieldProblem } from '../http/errors';
import { readableClauseChoice } from './model';
import { resolveClauses } from './resolve-clauses';
import { checkMessages, type CheckMessage } from './check-messages';
import { eformsHints, type EformsHint } from './eforms-hints';
import { LANGUAGE_FACTS, type Lang } from '../i18n/languages';
import { basisChecks, type CategoryBasis } from './award-checks';

export interface TenderReview {
  plan: TenderPlan;
  blocking: boolean;
  checks: CheckMessage[];
  eforms: EformsHint[];
}

export interface GeneratedFile {
  buffer: Buffer;
  fileName: string;
  /** The .docx type unless said otherwise. */
  contentType?: string;
}

export class TenderService {
  constructor(
    private readonly clauses: ClauseService,
    private readonly repo: ClauseRepository,
    private readonly search: SearchService,
    private readonly usage: UsageRecorder,
    private readonly clock: Clock,
    private readonly euServicesThreshold: number,
    private readonly documents: DocumentBuilder,
  ) {}

  parseTender(input: unknown): TenderRequest {
    return parseOrFail(tenderRequestSchema, input);
  }

  /**
   * The plan of a request as the form or the API sends it, or ValidationFailed with every problem at once: the
   * fields the schema checks, and the clause parameters and weights, which need the clauses, in the same pass.
   */
  async planInput(input: unknown): Promise<TenderPlan> {
    const parsed = tenderRequestSchema.safeParse(input, { reportInput: true });
    if (parsed.success) return this.plan(parsed.data);
    const problems = fieldProblems(parsed.error);
    const { problems: clauseProblems } = await resolveClauses(readableClauseChoice(input), this.clauses);
    const category = objectCategory(input);
    if (category !== undefined && !(await this.categoryExists(category)))
      clauseProblems.push({ field: 'category', messageKey: 'validation.one_of' });
    const reported = new Set(problems.map((p) => p.field));
    throw new ValidationFailed([...problems, ...clauseProblems.filter((p) => !reported.has(p.field))]);
  }

  private async categoryExists(code: string): Promise<boolean> {
    return (await this.repo.categories()).some((c) => c.code === code);
  }

  async plan(request: TenderRequest): Promise<TenderPlan> {
    const problems: FieldProblem[] = [];
    if (request.category && !(await this.categoryExists(request.category)))
      problems.push({ field: 'category', messageKey: 'validation.one_of' });
    const plan = await planTender(request, this.clauses, this.euServicesThreshold).catch((err: unknown) => {
      if (err instanceof ValidationFailed) throw new ValidationFailed([...problems, ...err.details]);
      throw err;
    });
    if (problems.length > 0) throw new ValidationFailed(problems);
    // The basis clauses of the tender's category (given, or the one most chosen clauses belong to).
    const code = request.category ?? mostCommonCategory(plan);
    if (code) plan.checks.push(...basisChecks(plan.clauses, await this.categoryBasis(code, request.lang)));
    return plan;
  }

  private async categoryBasis(code: string, lang: Lang): Promise<CategoryBasis | undefined> {
    const category = (await this.repo.categories()).find((c) => c.code === code);
    if (!category) return undefined;
    const outcome = this.search.search({
      q: '',
      lang,
      filters: { category: [code] },
      type: 'clause',
      page: 1,
      pageSize: 1000,
    });
    const ids = outcome.hits.filter((h) => h.doc.level === 'basis').map((h) => h.doc.id);
    return { code, name: category.name[lang], ids };
  }

  /** The checks and the eForms hints for a request, in the document's language, without building it. */
  async review(input: unknown): Promise<TenderReview> {
    const plan = await this.planInput(input);
    const { request } = plan;
    return {
      plan,
      blocking: hasBlockingCheck(plan),
      checks: checkMessages(plan, request.lang),
      eforms: eformsHints(
        plan.clauses.map((c) => c.document),
        request.lang,
      ),
    };
  }

  /**
   * The .docx alone, or (`zip`) the .docx with the spreadsheet annexes, for a planned request (`planInput`).
   * Blocking checks (award weights not totalling 100) stop the download with the reason.
   */
  async generateTender(
    plan: TenderPlan,
    format: 'docx' | 'zip' = 'docx',
  ): Promise<GeneratedFile & { plan: TenderPlan }> {
    const { request } = plan;
    if (hasBlockingCheck(plan)) {
      throw new ValidationFailed(
        plan.checks
          .filter((c) => c.severity === 'error')
          .map((c) => ({ field: 'weights', messageKey: c.key, params: c.params })),
      );
    }
    const categoryName = request.category
      ? (await this.repo.categories()).find((c) => c.code === request.category)?.name[request.lang]
      : undefined;
    const fileStem = `${LANGUAGE_FACTS[request.lang].documentStems.tender}-${request.reference || request.title}`;
    const now = this.clock.now();
    const buffer = await this.documents.build(
      format === 'zip'
        ? { kind: 'tender_package', plan, now, categoryName, fileStem }
        : { kind: 'tender', plan, now, categoryName },
    );
    const documentId = randomUUID();
    const themes = [...new Set(plan.clauses.map((c) => c.document.theme))];
    const category = request.category ?? mostCommonCategory(plan);
    await this.usage.record(
      themes.map((theme) => ({
        kind: 'template_generated' as const,
        theme,
        category,
        level: request.level ?? null,
        documentId,
      })),
    );
    return {
      buffer,
      fileName: safeFileName(fileStem, format),
      contentType: format === 'zip' ? ZIP_MIME : DOCX_MIME,
      plan,
    };
  }

  parseActionPlan(input: unknown): ActionPlanRequest {
    return parseOrFail(actionPlanRequestSchema, input);
  }

  async generateActionPlan(request: ActionPlanRequest): Promise<GeneratedFile> {
    const all = await this.repo.categories();
    const unknown = request.categories.filter((code) => !all.some((c) => c.code === code));
    if (unknown.length > 0)
      throw new ValidationFailed(
        unknown.map((code) => ({
          field: `categories.${request.categories.indexOf(code)}`,
          messageKey: 'validation.one_of',
        })),
      );
    const entries: ActionPlanCategory[] = [];
    for (const code of [...new Set(request.categories)]) {
      const category = all.find((c) => c.code === code)!;
      const outcome = this.search.search({
        q: '',
        lang: request.lang,
        filters: { category: [code] },
        type: 'clause',
        page: 1,
        pageSize: 1000,
      });
      const documents = [];
      for (const hit of outcome.hits) documents.push((await this.clauses.published(hit.doc.id)).version.document);
      entries.push({
        category,
        basis: documents.filter((d) => d.level === 'basis'),
        optional: documents.filter((d) => d.level !== 'basis'),
      });
    }
    const buffer = await this.documents.build({ kind: 'action_plan', request, entries, now: this.clock.now() });
    const documentId = randomUUID();
    await this.usage.record(
      entries.map((e) => ({ kind: 'action_plan_generated' as const, category: e.category.code, documentId })),
    );
    return {
      buffer,
      fileName: safeFileName(`${LANGUAGE_FACTS[request.lang].documentStems.actionPlan}-${request.authority}`, 'docx'),
    };
  }
}

function objectCategory(input: unknown): string | undefined {
  const category = (input as Record<string, unknown> | null)?.category;
  return typeof category === 'string' && /^[a-z_]{2,40}$/.test(category) ? category : undefined;
}

function mostCommonCategory(plan: TenderPlan): string | null {
  const counts = new Map<string, number>();
  for (const clause of plan.clauses)
    for (const c of clause.document.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}
