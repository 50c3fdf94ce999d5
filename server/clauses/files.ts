// Reads the clause library from clauses/ (one YAML file per clause, plus _categories.yaml), validates it,
// and writes clauses back in one canonical form, so that import then export changes nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { everyLanguage, isLang } from '../i18n/languages';
import type { ThesaurusGroup } from '../search/thesaurus';
import type { AnnexDocument } from './annex-schema';
import { annexFiles, readAnnexes } from './annex-files';
import {
  categoriesFileSchema,
  clauseSchema,
  crossCheck,
  GUIDANCE_KEYS,
  type Category,
  type ClauseDocument,
  type Localized,
} from './schema';
import { readThesaurus, THESAURUS_FILE } from './thesaurus-file';
import { parseYaml, zodProblems } from './yaml-file';

export const CATEGORIES_FILE = '_categories.yaml';

export interface FileProblem {
  file: string;
  field: string;
  message: string;
}

export interface Library {
  categories: Category[];
  clauses: ClauseDocument[];
  /** The search thesaurus (_thesaurus.yaml) and the hash of its bytes. */
  thesaurus: ThesaurusGroup[];
  thesaurusHash: string;
  /** The annexes clauses refer to (clauses/_annexes/). */
  annexes: AnnexDocument[];
  /** A hash of every file's bytes: the import runs again only when it changes. */
  fingerprint: string;
  problems: FileProblem[];
}

export function clauseFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
    .sort();
}

/** The hash of every file's bytes, without parsing: cheap enough to check at every start. */
export function libraryFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const categoriesPath = path.join(dir, CATEGORIES_FILE);
  if (fs.existsSync(categoriesPath)) hash.update(CATEGORIES_FILE).update(fs.readFileSync(categoriesPath, 'utf8'));
  const thesaurusPath = path.join(dir, THESAURUS_FILE);
  if (fs.existsSync(thesaurusPath)) hash.update(THESAURUS_FILE).update(fs.readFileSync(thesaurusPath, 'utf8'));
  for (const name of clauseFiles(dir)) hash.update(name).update(fs.readFileSync(path.join(dir, name), 'utf8'));
  for (const name of annexFiles(dir)) hash.update(name).update(fs.readFileSync(path.join(dir, name), 'utf8'));
  return hash.digest('hex');
}

export function readLibrary(dir: string): Library {
  const problems: FileProblem[] = [];
  const hash = createHash('sha256');
  const rel = (name: string) => path.join(path.basename(dir), name);

  let categories: Category[] = [];
  const categoriesPath = path.join(dir, CATEGORIES_FILE);
  if (!fs.existsSync(categoriesPath)) {
    problems.push({ file: rel(CATEGORIES_FILE), field: '(file)', message: 'is missing' });
  } else {
    const source = fs.readFileSync(categoriesPath, 'utf8');
    hash.update(CATEGORIES_FILE).update(source);
    const parsed = parseYaml(rel(CATEGORIES_FILE), source);
    problems.push(...parsed.problems);
    if (parsed.value !== undefined) {
      const result = categoriesFileSchema.safeParse(parsed.value);
      if (result.success) categories = result.data.categories;
      else problems.push(...zodProblems(rel(CATEGORIES_FILE), result.error));
    }
  }
  const categoryCodes = new Set(categories.map((c) => c.code));
  const thesaurus = readThesaurus(dir, categoryCodes);
  problems.push(...thesaurus.problems);
  const thesaurusPath = path.join(dir, THESAURUS_FILE);
  if (fs.existsSync(thesaurusPath)) hash.update(THESAURUS_FILE).update(fs.readFileSync(thesaurusPath, 'utf8'));

  const clauses: ClauseDocument[] = [];
  const seen = new Map<string, string>();
  for (const name of clauseFiles(dir)) {
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    hash.update(name).update(source);
    const parsed = parseYaml(rel(name), source);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) continue;
    const result = clauseSchema.safeParse(parsed.value);
    if (!result.success) {
      problems.push(...zodProblems(rel(name), result.error));
      continue;
    }
    const clause = result.data;
    const fileProblems: FileProblem[] = crossCheck(clause, categoryCodes).map((p) => ({
      file: rel(name),
      field: p.field,
      message: p.message,
    }));
    if (name !== `${clause.id}.yaml`)
      fileProblems.push({ file: rel(name), field: 'id', message: `must match the file name (${clause.id}.yaml)` });
    const twin = seen.get(clause.id);
    if (twin) fileProblems.push({ file: rel(name), field: 'id', message: `is also used by ${twin}` });
    seen.set(clause.id, rel(name));
    if (fileProblems.length === 0 && serializeClause(clause) !== source) {
      fileProblems.push({
        file: rel(name),
        field: '(format)',
        message: 'is not in canonical form; run npm run clauses:format',
      });
    }
    problems.push(...fileProblems);
    clauses.push(clause);
  }
  const { annexes, problems: annexProblems } = readAnnexes(dir, hash);
  problems.push(...annexProblems);
  const annexIds = new Set(annexes.map((a) => a.id));
  const statusOf = new Map(clauses.map((c) => [c.id, c.status]));
  for (const clause of clauses) {
    for (const [i, id] of (clause.related ?? []).entries()) {
      if (!seen.has(id))
        problems.push({ file: rel(`${clause.id}.yaml`), field: `related.${i}`, message: `unknown clause ${id}` });
    }
    for (const [i, id] of (clause.annexes ?? []).entries()) {
      if (!annexIds.has(id))
        problems.push({ file: rel(`${clause.id}.yaml`), field: `annexes.${i}`, message: `unknown annex ${id}` });
    }
    if (clause.replaced_by && statusOf.get(clause.replaced_by) !== 'published')
      problems.push({
        file: rel(`${clause.id}.yaml`),
        field: 'replaced_by',
        message: `must name a published clause (${clause.replaced_by} is not)`,
      });
  }
  return {
    categories,
    clauses,
    annexes,
    thesaurus: thesaurus.groups,
    thesaurusHash: thesaurus.hash,
    fingerprint: hash.digest('hex'),
    problems,
  };
}

/** Our languages first, in their order, then any further language the text has (English). */
const localizedKeys = (v: Localized): Localized =>
  ({
    ...everyLanguage((lang) => v[lang]),
    ...Object.fromEntries(Object.entries(v).filter(([k, t]) => !isLang(k) && t)),
  }) as Localized;

const EFORMS_KEYS = [
  'strategic',
  'environmental',
  'social',
  'innovative',
  'gpp',
  'reserved_participation',
  'reserved_execution',
] as const;

function canonicalEforms(eforms: NonNullable<ClauseDocument['eforms']>): Record<string, unknown> {
  return Object.fromEntries(EFORMS_KEYS.filter((k) => eforms[k] !== undefined).map((k) => [k, eforms[k]]));
}

/** The canonical file text of a clause: fixed key order, literal blocks for multi-line text. */
export function serializeClause(clause: ClauseDocument): string {
  const ordered = {
    id: clause.id,
    version: clause.version,
    status: clause.status,
    theme: clause.theme,
    stage: clause.stage,
    level: clause.level,
    categories: clause.categories,
    owner: clause.owner,
    reviewed: clause.reviewed,
    ...(clause.award_weight !== undefined ? { award_weight: clause.award_weight } : {}),
    legal_basis: clause.legal_basis.map((b) => ({ source: b.source, ...(b.article ? { article: b.article } : {}) })),
    parameters: clause.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      default: p.default,
      ...(p.min !== undefined ? { min: p.min } : {}),
      ...(p.max !== undefined ? { max: p.max } : {}),
      label: localizedKeys(p.label),
    })),
    title: localizedKeys(clause.title),
    text: localizedKeys(clause.text),
    verification: {
      proof: localizedKeys(clause.verification.proof),
      check: localizedKeys(clause.verification.check),
      moments: clause.verification.moments,
    },
    guidance: Object.fromEntries(GUIDANCE_KEYS.map((key) => [key, localizedKeys(clause.guidance[key])])),
    ...(clause.related && clause.related.length > 0 ? { related: clause.related } : {}),
    ...(clause.eforms ? { eforms: canonicalEforms(clause.eforms) } : {}),
    ...(clause.annexes && clause.annexes.length > 0 ? { annexes: clause.annexes } : {}),
    ...(clause.replaced_by ? { replaced_by: clause.replaced_by } : {}),
    ...(clause.derogation
      ? { derogation: { articles: clause.derogation.articles, reason: localizedKeys(clause.derogation.reason) } }
      : {}),
  };
  return YAML.stringify(ordered, {
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: 'literal',
    flowCollectionPadding: false,
  });
}

export function writeClauseFile(dir: string, clause: ClauseDocument): boolean {
  const file = path.join(dir, `${clause.id}.yaml`);
  const text = serializeClause(clause);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

export function formatProblems(problems: FileProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');
}
