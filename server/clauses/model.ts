// Clauses as the app sees them: a clause row (what is public now) and its immutable versions.
import type { ClauseDocument } from './schema';
import type { ClauseStatus } from './vocabulary';

/** A version's own state. Publishing one supersedes the previously published version. */
export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded' | 'retired';

export interface ClauseVersion {
  clauseId: string;
  version: number;
  status: VersionStatus;
  /** The clause as of this version (its `status` field says what the file format would say). */
  document: ClauseDocument;
  reason: string;
  authorUserId: number | null;
  authorName: string;
  createdAt: Date | null;
  publishedAt: Date | null;
  publishedByUserId: number | null;
}

export interface ClauseRecord {
  id: string;
  status: ClauseStatus;
  theme: string;
  stage: string;
  level: string;
  owner: string;
  latestVersion: number;
  publishedVersion: number | null;
  reviewedOn: string;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export function fileStatusOf(status: VersionStatus): ClauseStatus {
  if (status === 'superseded') return 'published';
  return status;
}
