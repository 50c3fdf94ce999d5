// The rules of the clause library: what buyers see (published versions), the editor workflow
// (every save a new immutable version; publishing by another editor than the author), feedback.
import type { Knex } from 'knex';
import type { CurrentUser } from '../accounts/roles';
import { toIso, type Clock } from '../db/time';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/errors';
import type { SearchService } from '../search/service';
import type { ClauseRecord, ClauseVersion } from './model';
import { publishVersion, retireClause } from './publishing';
import type { ClauseRepository } from './repository';
import { AnnexRepository } from './annex-repository';
import { presentAnnex, type AnnexView } from './annex-presenter';
import type { ClauseDocument } from './schema';
import { validateClause } from './validation';
import type { Lang } from '../i18n/languages';

export interface PublishedClause {
  record: ClauseRecord;
  version: ClauseVersion;
}

export class ClauseService {
  private readonly annexRepo: AnnexRepository;

  constructor(
    private readonly db: Knex,
    private readonly repo: ClauseRepository,
    private readonly search: SearchService,
    private readonly clock: Clock,
  ) {
    this.annexRepo = new AnnexRepository(db);
  }

  /**
   * The annexes with these ids (as a clause's `annexes` lists them), ready to show in one language; `fills` sets
   * numeric columns per annex (annex id → column key → value), such as the years a tender's clause sets.
   */
  async annexes(ids: string[], lang: Lang, fills: Record<string, Record<string, number>> = {}): Promise<AnnexView[]> {
    return (await this.annexRepo.find(ids)).map((annex) => presentAnnex(annex, lang, fills[annex.id]));
  }

  async categoryCodes(): Promise<Set<string>> {
    return new Set((await this.repo.categories()).map((c) => c.code));
  }

  async published(id: string): Promise<PublishedClause> {
    const record = await this.repo.find(id.toUpperCase());
    if (!record || record.status !== 'published' || !record.publishedVersion) throw new NotFound();
    const version = await this.repo.version(record.id, record.publishedVersion);
    if (!version) throw new NotFound();
    return { record, version };
  }

  /** The titles of those clauses that are published, in the order given (for "related clauses" links). */
  async publishedTitles(ids: readonly string[], lang: Lang): Promise<{ id: string; title: string }[]> {
    const titles = await this.repo.publishedTitles(ids);
    return ids.flatMap((id) => {
      const title = titles.get(id);
      return title ? [{ id, title: title[lang] }] : [];
    });
  }

  /** The published basis clauses per category: what firms can expect to be asked in that category. */
  async basisClausesByCategory(): Promise<Map<string, ClauseDocument[]>> {
    const out = new Map<string, ClauseDocument[]>();
    for (const { document } of await this.repo.publishedVersions()) {
      if (document.level !== 'basis') continue;
      for (const category of document.categories) out.set(category, [...(out.get(category) ?? []), document]);
    }
    return out;
  }

  /**
   * The published clause, or, for a retired clause that names its successor (`replaced_by`), the published clause
   * that replaced it: old tender selections and shared links keep working after clauses are merged.
   */
  async publishedOrReplacement(id: string): Promise<PublishedClause> {
    const record = await this.repo.find(id.toUpperCase());
    if (record?.status === 'retired' && record.publishedVersion) {
      const successor = (await this.repo.version(record.id, record.publishedVersion))?.document.replaced_by;
      if (successor) return this.published(successor);
    }
    return this.published(id);
  }

  /** The versions buyers may compare: every version that was once published. */
  async publicHistory(id: string): Promise<ClauseVersion[]> {
    return (await this.repo.versions(id)).filter((v) => v.status === 'published' || v.status === 'superseded');
  }

  async forEditor(id: string): Promise<{ record: ClauseRecord; versions: ClauseVersion[] }> {
    const record = await this.repo.find(id);
    if (!record) throw new NotFound();
    return { record, versions: await this.repo.versions(id) };
  }

  async version(id: string, version: number): Promise<ClauseVersion> {
    const found = await this.repo.version(id, version);
    if (!found) throw new NotFound();
    return found;
  }

  async create(candidate: Record<string, unknown>, user: CurrentUser, reason: string): Promise<ClauseDocument> {
    const document = validateClause({ ...candidate, version: 1, status: 'draft' }, await this.categoryCodes());
    this.requireReason(reason);
    await this.db.transaction(async (trx) => {
      if (await this.repo.find(document.id, trx)) throw new Conflict('clauses.editor.id_taken', { id: document.id });
      await this.repo.insertClause(trx, document, 'draft', this.clock.now());
      await this.repo.insertVersion(trx, {
        document,
        status: 'draft',
        reason,
        authorUserId: user.id,
        authorName: user.name,
        at: this.clock.now(),
      });
    });
    return document;
  }

  /** Saves an edit as a new draft version; earlier unpublished versions are superseded by it. */
  async saveVersion(
    id: string,
    candidate: Record<string, unknown>,
    user: CurrentUser,
    reason: string,
    basedOn?: number,
  ): Promise<ClauseDocument> {
    const record = await this.repo.find(id);
    if (!record) throw new NotFound();
    if (basedOn !== undefined && basedOn !== record.latestVersion)
      throw new Conflict('clauses.editor.stale', { version: record.latestVersion });
    const document = validateClause(
      { ...candidate, id, version: record.latestVersion + 1, status: 'draft' },
      await this.categoryCodes(),
    );
    this.requireReason(reason);
    await this.db.transaction(async (trx) => {
      for (const v of await trx('clause_versions')
        .where({ clause_id: id })
        .whereIn('status', ['draft', 'in_review'])
        .select('version')) {
        await this.repo.setVersionStatus(trx, id, Number(v.version), 'superseded');
      }
      await this.repo.insertVersion(trx, {
        document,
        status: 'draft',
        reason,
        authorUserId: user.id,
        authorName: user.name,
        at: this.clock.now(),
      });
      await this.repo.updateClause(trx, id, {
        status: record.status === 'published' || record.status === 'retired' ? record.status : 'draft',
        latestVersion: document.version,
        at: this.clock.now(),
      });
    });
    return document;
  }

  async sendForReview(id: string, version: number): Promise<void> {
    const found = await this.version(id, version);
    if (found.status !== 'draft') throw new Conflict('clauses.editor.not_draft');
    await this.db.transaction(async (trx) => {
      await this.repo.setVersionStatus(trx, id, version, 'in_review');
      const record = await this.repo.find(id, trx);
      if (record && record.status === 'draft')
        await this.repo.updateClause(trx, id, { status: 'in_review', at: this.clock.now() });
    });
  }

  /** Four eyes: the editor who publishes a version is not its author. Search follows at once. */
  async publish(id: string, version: number, user: CurrentUser): Promise<void> {
    const found = await this.version(id, version);
    if (found.status !== 'in_review') throw new Conflict('clauses.editor.not_in_review');
    if (found.authorUserId === user.id) throw new Forbidden('clauses.editor.own_version');
    await this.db.transaction(async (trx) => {
      await publishVersion(trx, this.repo, this.clock, found.document, user.id);
    });
    await this.search.refresh();
  }

  async retire(id: string): Promise<void> {
    const record = await this.repo.find(id);
    if (!record) throw new NotFound();
    if (record.status === 'retired') return;
    await this.db.transaction(async (trx) => retireClause(trx, this.repo, this.clock, id));
    await this.search.refresh();
  }

  async addFeedback(id: string, kind: string, comment: string, lang: Lang): Promise<void> {
    const { record } = await this.published(id);
    const problems = [];
    if (kind !== 'useful' && kind !== 'problem') problems.push({ field: 'kind', messageKey: 'validation.one_of' });
    if (comment.length > 2000)
      problems.push({ field: 'comment', messageKey: 'validation.too_long', params: { max: 2000 } });
    if (kind === 'problem' && !comment.trim())
      problems.push({ field: 'comment', messageKey: 'clauses.feedback.comment_needed' });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.db('clause_feedback').insert({
      clause_id: record.id,
      clause_version: record.publishedVersion,
      kind,
      comment: comment.trim() || null,
      lang,
      source: 'buyer',
      created_at: toIso(this.clock.now()),
    });
  }

  /** A clause as a ticket may cite it: its id and the version buyers see (or the latest draft). */
  async citable(id: string): Promise<{ id: string; version: number } | undefined> {
    const record = await this.repo.find(id.toUpperCase());
    return record ? { id: record.id, version: record.publishedVersion ?? record.latestVersion } : undefined;
  }

  /** A facilitator's "clause problem" from a ticket, for the editors (inside the ticket's transaction). */
  async addTicketProblem(
    db: Knex,
    problem: { clauseId: string; version: number; comment: string; lang: Lang; ticketId: number },
  ): Promise<void> {
    await db('clause_feedback').insert({
      clause_id: problem.clauseId,
      clause_version: problem.version,
      kind: 'problem',
      comment: problem.comment.trim().slice(0, 2000),
      lang: problem.lang,
      source: 'ticket',
      ticket_id: problem.ticketId,
      created_at: toIso(this.clock.now()),
    });
  }

  private requireReason(reason: string): void {
    if (!reason.trim()) throw new ValidationFailed([{ field: 'reason', messageKey: 'clauses.editor.reason_needed' }]);
    if (reason.length > 500)
      throw new ValidationFailed([{ field: 'reason', messageKey: 'validation.too_long', params: { max: 500 } }]);
  }
}
