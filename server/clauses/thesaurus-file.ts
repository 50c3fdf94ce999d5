// Reads clauses/_thesaurus.yaml (the search thesaurus, see server/search/thesaurus.ts) and names the
// file, group and field of every problem. The file is optional: without it, search has no synonyms.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { thesaurusFileSchema, type ThesaurusGroup } from '../search/thesaurus';
import type { FileProblem } from './files';
import { parseYaml } from './yaml-file';

export const THESAURUS_FILE = '_thesaurus.yaml';

export interface ThesaurusFile {
  groups: ThesaurusGroup[];
  /** A hash of the file's bytes (of nothing when it is absent). */
  hash: string;
  problems: FileProblem[];
}

/** `groups.3.nl.1` → `groups.3 (cleaning).nl.1`: a problem names the group by its id. */
function fieldName(pathParts: PropertyKey[], groups: unknown): string {
  const field = pathParts.map(String).join('.') || '(file)';
  if (pathParts[0] !== 'groups' || typeof pathParts[1] !== 'number' || !Array.isArray(groups)) return field;
  const id = (groups[pathParts[1]] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? field.replace(/^groups\.\d+/, (m) => `${m} (${id})`) : field;
}

export function readThesaurus(dir: string, categoryCodes: Set<string>): ThesaurusFile {
  const file = path.join(dir, THESAURUS_FILE);
  const rel = path.join(path.basename(dir), THESAURUS_FILE);
  if (!fs.existsSync(file)) return { groups: [], hash: createHash('sha256').digest('hex'), problems: [] };
  const source = fs.readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(source).digest('hex');
  const parsed = parseYaml(rel, source);
  if (parsed.value === undefined) return { groups: [], hash, problems: parsed.problems };
  const result = thesaurusFileSchema.safeParse(parsed.value);
  const rawGroups = (parsed.value as { groups?: unknown } | null)?.groups;
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      file: rel,
      field: fieldName(issue.path, rawGroups),
      message: issue.message,
    }));
    return { groups: [], hash, problems };
  }
  const problems: FileProblem[] = [];
  result.data.groups.forEach((group, i) => {
    if (group.category && !categoryCodes.has(group.category))
      problems.push({
        file: rel,
        field: `groups.${i} (${group.id}).category`,
        message: `unknown category ${group.category}`,
      });
  });
  return { groups: result.data.groups, hash, problems };
}
