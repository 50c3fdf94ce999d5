// Reads the annexes of the clause library (clauses/_annexes/<ID>.yaml) and checks what the schema cannot say:
// the id is the file name, formulas use existing numeric columns, row cells fit their column, both languages differ.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseFormula, formulaNames } from './annex-formula';
import { annexSchema, type AnnexDocument } from './annex-schema';
import { LANGUAGES } from '../i18n/languages';

export const ANNEXES_DIR = '_annexes';

export interface AnnexProblem {
  file: string;
  field: string;
  message: string;
}

const NUMERIC = new Set(['number', 'money', 'percentage']);

export function annexFiles(dir: string): string[] {
  const annexDir = path.join(dir, ANNEXES_DIR);
  if (!fs.existsSync(annexDir)) return [];
  return fs
    .readdirSync(annexDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(ANNEXES_DIR, name));
}

/** The rules across fields of one annex. */
export function checkAnnex(annex: AnnexDocument): Omit<AnnexProblem, 'file'>[] {
  const problems: Omit<AnnexProblem, 'file'>[] = [];
  for (const field of ['title', 'intro'] as const) {
    if (annex[field].nl.trim() === annex[field].fr.trim())
      problems.push({ field: `${field}.fr`, message: 'is the same as the Dutch text' });
  }
  annex.tables.forEach((table, t) => {
    const columns = new Map(table.columns.map((c) => [c.key, c]));
    if (columns.size !== table.columns.length)
      problems.push({ field: `tables.${t}.columns`, message: 'declares a column key twice' });
    table.columns.forEach((column, c) => {
      const at = `tables.${t}.columns.${c}`;
      if (column.total && !NUMERIC.has(column.type))
        problems.push({ field: `${at}.total`, message: `a ${column.type} column cannot be totalled` });
      if (!column.formula) return;
      if (!NUMERIC.has(column.type))
        problems.push({ field: `${at}.formula`, message: 'only a numeric column computes' });
      if (column.input) problems.push({ field: `${at}.input`, message: 'a computed column is not filled in' });
      let names: string[];
      try {
        names = formulaNames(parseFormula(column.formula));
      } catch (err) {
        problems.push({ field: `${at}.formula`, message: `cannot be read: ${(err as Error).message}` });
        return;
      }
      for (const name of names) {
        const used = columns.get(name);
        if (!used || name === column.key || !NUMERIC.has(used.type))
          problems.push({ field: `${at}.formula`, message: `"${name}" is not another numeric column of the table` });
      }
    });
    table.rows.forEach((row, r) => {
      for (const [key, value] of Object.entries(row.cells)) {
        const column = columns.get(key);
        const at = `tables.${t}.rows.${r}.cells.${key}`;
        if (!column) problems.push({ field: at, message: 'is not a column of the table' });
        else if (column.formula) problems.push({ field: at, message: 'is computed by the formula of its column' });
        else if (column.type === 'text' && typeof value !== 'object')
          problems.push({ field: at, message: 'must be a text in both languages' });
        else if (NUMERIC.has(column.type) && typeof value !== 'number')
          problems.push({ field: at, message: 'must be a number' });
        else if (column.type === 'tick' && typeof value !== 'boolean')
          problems.push({ field: at, message: 'must be true or false' });
        else if (typeof value === 'object' && LANGUAGES.some((l) => !value[l]))
          problems.push({ field: at, message: 'needs both languages' });
      }
    });
  });
  return problems;
}

/** Every annex file of the library, validated; `hash` receives each file's name and bytes. */
export function readAnnexes(
  dir: string,
  hash?: { update(data: string): unknown },
): { annexes: AnnexDocument[]; problems: AnnexProblem[] } {
  const annexes: AnnexDocument[] = [];
  const problems: AnnexProblem[] = [];
  for (const name of annexFiles(dir)) {
    const file = path.join(path.basename(dir), name);
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    hash?.update(name);
    hash?.update(source);
    const doc = YAML.parseDocument(source, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((e) => ({ file, field: '(file)', message: e.message.split('\n')[0] })));
      continue;
    }
    const result = annexSchema.safeParse(doc.toJS());
    if (!result.success) {
      problems.push(
        ...result.error.issues.map((i) => ({ file, field: i.path.join('.') || '(file)', message: i.message })),
      );
      continue;
    }
    const annex = result.data;
    if (path.basename(name) !== `${annex.id}.yaml`)
      problems.push({ file, field: 'id', message: `must match the file name (${annex.id}.yaml)` });
    problems.push(...checkAnnex(annex).map((p) => ({ file, ...p })));
    annexes.push(annex);
  }
  return { annexes, problems };
}
