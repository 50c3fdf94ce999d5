// The SQL of the clause library: categories, clauses, versions, feedback.
import type { Knex } from 'knex';
import { toDate, toIso } from '../db/time';
import { fromSuffixed, toSuffixed } from '../i18n/languages';
import { fileStatusOf, type ClauseRecord, type ClauseVersion, type VersionStatus } from './model';
import { clauseSchema, type Category, type ClauseDocument } from './schema';
import type { ClauseStatus } from './vocabulary';

type Db = Knex | Knex.Transaction;

interface ClauseRow {
  id: string;
  status: string;
  theme: string;
  stage: string;
  level: string;
  owner_org: string;
  latest_version: number;
  published_version: number | null;
  reviewed_on: string;
  created_at: unknown;
  updated_at: unknown;
}

interface VersionRow {
  clause_id: string;
  version: number;
  status: string;
  content: string;
  reason: string;
  author_user_id: number | null;
  author_name: string;
  created_at: unknown;
  published_at: unknown;
  published_by_user_id: number | null;
}

export interface CategoryRecord extends Category {
  position: number;
}

function toRecord(row: ClauseRow): ClauseRecord {
  return {
    id: row.id,
    status: row.status as ClauseStatus,
    theme: row.theme,
    stage: row.stage,
    level: row.level,
    owner: row.owner_org,
    latestVersion: Number(row.latest_version),
    publishedVersion: row.published_version === null ? null : Number(row.published_version),
    reviewedOn: row.reviewed_on,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** A stored version that no longer fits the clause schema: a bug or a hand-edited row, never shown half-read. */
export class StoredClauseInvalid extends Error {
  constructor(clauseId: string, version: number, problems: string) {
    super(`stored clause ${clauseId} version ${version} does not fit the clause schema: ${problems}`);
    this.name = 'StoredClauseInvalid';
  }
}

/** Reads a stored version, checked against the clause schema (the content is the document without its row fields). */
export function toVersion(row: VersionRow): ClauseVersion {
  const status = row.status as VersionStatus;
  const version = Number(row.version);
  const parsed = clauseSchema.safeParse({
    ...(JSON.parse(row.content) as object),
    id: row.clause_id,
    version,
    status: fileStatusOf(status),
  });
  if (!parsed.success)
    throw new StoredClauseInvalid(
      row.clause_id,
      version,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return {
    clauseId: row.clause_id,
    version,
    status,
    document: parsed.data,
    reason: row.reason,
    authorUserId: row.author_user_id,
    authorName: row.author_name,
    createdAt: toDate(row.created_at),
    publishedAt: toDate(row.published_at),
    publishedByUserId: row.published_by_user_id,
  };
}

/** What a version row stores: the document without the fields the row itself holds. */
export function contentOf(document: ClauseDocument): string {
  const { id: _id, version: _version, status: _status, ...content } = document;
  return JSON.stringify(content);
}

export class ClauseRepository {
  constructor(private readonly db: Knex) {}

  async replaceCategories(trx: Db, categories: Category[]): Promise<void> {
    for (const [position, category] of categories.entries()) {
      const row = {
        code: category.code,
        position,
        ...toSuffixed('name', category.name),
        ...toSuffixed('intro', category.intro),
        cpv: JSON.stringify(category.cpv),
      };
      await trx('categories').insert(row).onConflict('code').merge();
    }
  }

  async categories(): Promise<CategoryRecord[]> {
    const rows = (await this.db('categories').orderBy('position')) as Record<string, unknown>[];
    return rows.map((row) => ({
      code: String(row.code),
      position: Number(row.position),
      name: fromSuffixed(row, 'name'),
      intro: fromSuffixed(row, 'intro'),
      cpv: JSON.parse(String(row.cpv)) as Category['cpv'],
    }));
  }

  /** The categories with the number of published clauses in each (only the pages that show it pay for it). */
  async categoriesWithCounts(): Promise<(CategoryRecord & { clauseCount: number })[]> {
    const counts = (await this.db('clause_categories as cc')
      .join('clauses as c', 'c.id', 'cc.clause_id')
      .where('c.status', 'published')
      .groupBy('cc.category_code')
      .select('cc.category_code')
      .count({ n: '*' })) as { category_code: string; n: number | string }[];
    const byCode = new Map(counts.map((c) => [c.category_code, Number(c.n)]));
    return (await this.categories()).map((category) => ({ ...category, clauseCount: byCode.get(category.code) ?? 0 }));
  }

  async find(id: string, db: Db = this.db): Promise<ClauseRecord | undefined> {
    const row = (await db('clauses').where({ id }).first()) as ClauseRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async list(filter: { status?: string } = {}): Promise<ClauseRecord[]> {
    const query = this.db('clauses').orderBy('id');
    if (filter.status) query.where({ status: filter.status });
    return ((await query) as ClauseRow[]).map(toRecord);
  }

  async version(id: string, version: number, db: Db = this.db): Promise<ClauseVersion | undefined> {
    const row = (await db('clause_versions').where({ clause_id: id, version }).first()) as VersionRow | undefined;
    return row ? toVersion(row) : undefined;
  }

  async versions(id: string): Promise<ClauseVersion[]> {
    const rows = (await this.db('clause_versions').where({ clause_id: id }).orderBy('version', 'desc')) as VersionRow[];
    return rows.map(toVersion);
  }

  /** The published version of every published clause (or of those among `ids`). */
  async publishedVersions(ids?: readonly string[]): Promise<ClauseVersion[]> {
    if (ids?.length === 0) return [];
    const query = this.db('clause_versions as v')
      .join('clauses as c', function join() {
        this.on('c.id', '=', 'v.clause_id').andOn('c.published_version', '=', 'v.version');
      })
      .where('c.status', 'published')
      .select('v.*')
      .orderBy('v.clause_id');
    if (ids) query.whereIn('v.clause_id', [...ids]);
    return ((await query) as VersionRow[]).map(toVersion);
  }

  /** The titles of the published clauses among `ids`, by id. */
  async publishedTitles(ids: readonly string[]): Promise<Map<string, ClauseVersion['document']['title']>> {
    return new Map((await this.publishedVersions(ids)).map((v) => [v.document.id, v.document.title]));
  }

  /** The id and published version of every published clause: enough to tell whether an index is current. */
  async publishedKeys(): Promise<{ id: string; version: number }[]> {
    const rows = (await this.db('clauses').where({ status: 'published' }).select('id', 'published_version')) as {
      id: string;
      published_version: number;
    }[];
    return rows.map((r) => ({ id: r.id, version: Number(r.published_version) }));
  }

  /** For export: the published version where there is one, otherwise the latest. */
  async exportableVersions(): Promise<ClauseVersion[]> {
    const clauses = await this.list();
    const out: ClauseVersion[] = [];
    for (const clause of clauses) {
      const v = await this.version(clause.id, clause.publishedVersion ?? clause.latestVersion);
      if (v) out.push(v);
    }
    return out;
  }

  async insertClause(trx: Db, document: ClauseDocument, status: ClauseStatus, at: Date): Promise<void> {
    await trx('clauses').insert({
      id: document.id,
      status,
      theme: document.theme,
      stage: document.stage,
      level: document.level,
      owner_org: document.owner,
      latest_version: document.version,
      published_version: status === 'published' || status === 'retired' ? document.version : null,
      reviewed_on: document.reviewed,
      created_at: toIso(at),
      updated_at: toIso(at),
    });
  }

  async insertVersion(
    trx: Db,
    input: {
      document: ClauseDocument;
      status: VersionStatus;
      reason: string;
      authorUserId: number | null;
      authorName: string;
      at: Date;
      publishedByUserId?: number | null;
    },
  ): Promise<void> {
    const published = input.status === 'published' || input.status === 'retired';
    await trx('clause_versions').insert({
      clause_id: input.document.id,
      version: input.document.version,
      status: input.status,
      content: contentOf(input.document),
      reason: input.reason,
      author_user_id: input.authorUserId,
      author_name: input.authorName,
      created_at: toIso(input.at),
      published_at: published ? toIso(input.at) : null,
      published_by_user_id: published ? (input.publishedByUserId ?? null) : null,
    });
  }

  async setVersionStatus(
    trx: Db,
    id: string,
    version: number,
    status: VersionStatus,
    extra: { publishedAt?: Date; publishedByUserId?: number | null } = {},
  ): Promise<void> {
    const patch: Record<string, unknown> = { status };
    if (extra.publishedAt) patch.published_at = toIso(extra.publishedAt);
    if (extra.publishedByUserId !== undefined) patch.published_by_user_id = extra.publishedByUserId;
    await trx('clause_versions').where({ clause_id: id, version }).update(patch);
  }

  /** Points the clause row at the public version and copies its searchable columns. */
  async updateClause(
    trx: Db,
    id: string,
    patch: {
      status: ClauseStatus;
      latestVersion?: number;
      publishedVersion?: number | null;
      document?: ClauseDocument;
      at: Date;
    },
  ): Promise<void> {
    const row: Record<string, unknown> = { status: patch.status, updated_at: toIso(patch.at) };
    if (patch.latestVersion !== undefined) row.latest_version = patch.latestVersion;
    if (patch.publishedVersion !== undefined) row.published_version = patch.publishedVersion;
    if (patch.document) {
      Object.assign(row, {
        theme: patch.document.theme,
        stage: patch.document.stage,
        level: patch.document.level,
        owner_org: patch.document.owner,
        reviewed_on: patch.document.reviewed,
      });
    }
    await trx('clauses').where({ id }).update(row);
  }

  async setCategories(trx: Db, id: string, categories: string[]): Promise<void> {
    await trx('clause_categories').where({ clause_id: id }).delete();
    if (categories.length > 0)
      await trx('clause_categories').insert(categories.map((code) => ({ clause_id: id, category_code: code })));
  }
}
