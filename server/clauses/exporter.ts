// Writes the database's clauses back to clause files (the published version where there is one,
// otherwise the latest), in the canonical form, so the library can be reviewed like code.
import fs from 'node:fs';
import { writeClauseFile } from './files';
import type { ClauseRepository } from './repository';

export async function exportLibrary(
  repo: ClauseRepository,
  dir: string,
): Promise<{ written: string[]; unchanged: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  let unchanged = 0;
  for (const version of await repo.exportableVersions()) {
    const clause = await repo.find(version.clauseId);
    const document =
      clause?.status === 'retired' ? { ...version.document, status: 'retired' as const } : version.document;
    if (writeClauseFile(dir, document)) written.push(document.id);
    else unchanged += 1;
  }
  return { written, unchanged };
}
