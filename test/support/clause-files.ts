// Temporary clause libraries for tests: a copy of the category list plus clauses written on purpose.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { serializeClause } from '../../server/clauses/files';
import type { ClauseDocument } from '../../server/clauses/schema';

const REAL = path.resolve(import.meta.dirname, '../../clauses');

export function tempLibrary(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clauses-'));
  fs.copyFileSync(path.join(REAL, '_categories.yaml'), path.join(dir, '_categories.yaml'));
  return dir;
}

export function realClause(id = 'SOC-CLEAN-001'): ClauseDocument {
  return YAML.parse(fs.readFileSync(path.join(REAL, `${id}.yaml`), 'utf8')) as ClauseDocument;
}

/** A clause of the real library on its own, for a temporary library: without references to other clauses or annexes. */
export function standaloneClause(id = 'SOC-CLEAN-001'): ClauseDocument {
  const { related: _related, annexes: _annexes, ...clause } = realClause(id);
  return clause;
}

export function writeClause(dir: string, clause: ClauseDocument | Record<string, unknown>, name?: string): string {
  const file = path.join(dir, name ?? `${(clause as { id: string }).id}.yaml`);
  const text = 'title' in clause && 'verification' in clause ? safeSerialize(clause) : YAML.stringify(clause);
  fs.writeFileSync(file, text);
  return file;
}

function safeSerialize(clause: Record<string, unknown>): string {
  try {
    return serializeClause(clause as ClauseDocument);
  } catch {
    return YAML.stringify(clause);
  }
}
