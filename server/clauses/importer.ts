// Loads the clause files into the database. Idempotent: a file already imported changes nothing, a
// changed file becomes a new version. Runs at start-up when the files' fingerprint changed.
import type { Knex } from 'knex';
import { databaseClient } from '../db/database';
import type { Clock } from '../db/time';
import { readSetting, writeSetting } from '../db/settings';
import { bumpRevision } from '../search/revision';
import { replaceThesaurus } from '../search/thesaurus-store';
import { replaceAnnexes } from './annex-repository';
import { formatProblems, libraryFingerprint, readLibrary, type Library } from './files';
import { publishVersion, retireClause } from './publishing';
import { contentOf, type ClauseRepository } from './repository';
import type { ClauseDocument } from './schema';
import { importReason } from './version-reason';

const FINGERPRINT_KEY = 'clauses.fingerprint';
const IMPORT_LOCK = 872_341_901;

export interface ImportReport {
  skipped: boolean;
  added: string[];
  updated: string[];
  unchanged: number;
  kept: string[];
}

export class LibraryInvalid extends Error {
  constructor(library: Library) {
    super(`The clause library has problems:\n${formatProblems(library.problems)}`);
    this.name = 'LibraryInvalid';
  }
}

async function storedFingerprint(db: Knex | Knex.Transaction): Promise<string | undefined> {
  return readSetting(db, FINGERPRINT_KEY);
}

/** Imports the library in `dir` unless the database already holds exactly these files. */
export async function importLibraryIfChanged(
  db: Knex,
  repo: ClauseRepository,
  dir: string,
  clock: Clock,
): Promise<ImportReport> {
  if ((await storedFingerprint(db)) === libraryFingerprint(dir))
    return { skipped: true, added: [], updated: [], unchanged: 0, kept: [] };
  return importLibrary(db, repo, readLibrary(dir), clock);
}

export async function importLibrary(
  db: Knex,
  repo: ClauseRepository,
  library: Library,
  clock: Clock,
  options: { force?: boolean } = {},
): Promise<ImportReport> {
  const report: ImportReport = { skipped: false, added: [], updated: [], unchanged: 0, kept: [] };
  if (!options.force && (await storedFingerprint(db)) === library.fingerprint) return { ...report, skipped: true };
  if (library.problems.length > 0) throw new LibraryInvalid(library);

  await db.transaction(async (trx) => {
    // Several instances may start together on PostgreSQL: one imports, the others then find it done.
    if (databaseClient(db) === 'postgres') await trx.raw('select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
    if (!options.force && (await storedFingerprint(trx)) === library.fingerprint) {
      report.skipped = true;
      return;
    }
    await repo.replaceCategories(trx, library.categories);
    for (const document of library.clauses) await importClause(trx, repo, clock, document, report);
    await replaceThesaurus(trx, library.thesaurus, library.thesaurusHash, clock);
    await replaceAnnexes(trx, library.annexes, clock.now());
    await writeSetting(trx, clock, FINGERPRINT_KEY, library.fingerprint);
    await bumpRevision(trx, clock);
  });
  return report;
}

async function importClause(
  trx: Knex.Transaction,
  repo: ClauseRepository,
  clock: Clock,
  document: ClauseDocument,
  report: ImportReport,
): Promise<void> {
  const existing = await repo.find(document.id, trx);
  const reason = importReason(document.id);
  const author = { authorUserId: null, authorName: `import (${document.owner})`, at: clock.now() };

  if (!existing) {
    await repo.insertClause(
      trx,
      document,
      document.status === 'published' || document.status === 'retired' ? 'draft' : document.status,
      clock.now(),
    );
    await repo.insertVersion(trx, {
      document,
      status: document.status === 'retired' ? 'published' : document.status,
      reason,
      ...author,
    });
    if (document.status === 'published' || document.status === 'retired')
      await publishVersion(trx, repo, clock, document, null);
    if (document.status === 'retired') await retireClause(trx, repo, clock, document.id);
    report.added.push(document.id);
    return;
  }

  const same = await repo.version(document.id, document.version, trx);
  if (same && contentOf(same.document) === contentOf(document)) {
    if (document.status === 'retired' && existing.status !== 'retired') {
      await retireClause(trx, repo, clock, document.id);
      report.updated.push(document.id);
    } else if (
      document.status === 'published' &&
      (existing.status !== 'published' || existing.publishedVersion !== document.version) &&
      document.version >= (existing.publishedVersion ?? 0)
    ) {
      await publishVersion(trx, repo, clock, document, null);
      report.updated.push(document.id);
    } else {
      report.unchanged += 1;
    }
    return;
  }
  if (!same && document.version < existing.latestVersion) {
    // The database holds newer edits made in the app: keep them (clauses:export writes them back).
    report.kept.push(document.id);
    return;
  }
  const version = same ? existing.latestVersion + 1 : document.version;
  const next: ClauseDocument = { ...document, version };
  await repo.insertVersion(trx, {
    document: next,
    status: next.status === 'retired' ? 'published' : next.status,
    reason: same ? `${reason} (changed without a new version number)` : reason,
    ...author,
  });
  await repo.updateClause(trx, next.id, {
    status: existing.status,
    latestVersion: Math.max(version, existing.latestVersion),
    at: clock.now(),
  });
  if (next.status === 'published' || next.status === 'retired') await publishVersion(trx, repo, clock, next, null);
  if (next.status === 'retired') await retireClause(trx, repo, clock, next.id);
  report.updated.push(document.id);
}
