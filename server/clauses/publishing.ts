// Making a version the public one (and retiring a clause), shared by the editor workflow and the import.
import type { Knex } from 'knex';
import type { Clock } from '../db/time';
import { bumpRevision } from '../search/revision';
import type { ClauseRepository } from './repository';
import type { ClauseDocument } from './schema';

export async function publishVersion(
  trx: Knex.Transaction,
  repo: ClauseRepository,
  clock: Clock,
  document: ClauseDocument,
  publishedByUserId: number | null,
): Promise<void> {
  const clause = await repo.find(document.id, trx);
  const at = clock.now();
  if (clause?.publishedVersion && clause.publishedVersion !== document.version) {
    await repo.setVersionStatus(trx, document.id, clause.publishedVersion, 'superseded');
  }
  await repo.setVersionStatus(trx, document.id, document.version, 'published', { publishedAt: at, publishedByUserId });
  await repo.updateClause(trx, document.id, {
    status: 'published',
    publishedVersion: document.version,
    latestVersion: Math.max(document.version, clause?.latestVersion ?? 0),
    document,
    at,
  });
  await repo.setCategories(trx, document.id, document.categories);
  await bumpRevision(trx, clock);
}

export async function retireClause(
  trx: Knex.Transaction,
  repo: ClauseRepository,
  clock: Clock,
  id: string,
): Promise<void> {
  const clause = await repo.find(id, trx);
  if (!clause) return;
  if (clause.publishedVersion) await repo.setVersionStatus(trx, id, clause.publishedVersion, 'retired');
  await repo.updateClause(trx, id, { status: 'retired', at: clock.now() });
  await bumpRevision(trx, clock);
}
