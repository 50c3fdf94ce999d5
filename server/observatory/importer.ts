// Imports eForms notices from files, folders or uploaded documents: each file parsed on its own (a refused file
// is reported with its name and problems, the others go on), written in batches of one transaction each.
// Idempotent: the same notice id and version changes nothing; a newer version replaces the stored one.
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../db/time';
import { allCpv, categoryMapper, type CategoryCpv } from './mapping';
import type { FileResult, ImportReport, NoticeProblem, NoticeRecord } from './model';
import { parseNotice } from './parser';
import type { ObservatoryRepository } from './repository';
import { MAX_NOTICE_BYTES } from './xml';

/** An import of this many files or more is refused before anything is read. */
export const MAX_FILES = 100_000;
const BATCH = 500;

export interface NoticeDocument {
  name: string;
  content: Buffer;
}

export class ImportRefused extends Error {
  constructor(
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

/** The XML files named or found (recursively) in the folders named; refuses `max` (MAX_FILES) or more. */
export function collectFiles(paths: string[], max = MAX_FILES): string[] {
  const files: string[] = [];
  const add = (file: string) => {
    files.push(file);
    if (files.length >= max) throw new ImportRefused('observatory.problems.too_many_files', { max });
  };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) add(full);
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new ImportRefused('observatory.problems.no_such_path', { path: p });
    if (stat.isDirectory()) walk(p);
    else add(p);
  }
  return files;
}

const problem = (messageKey: string, params: Record<string, string | number> = {}): NoticeProblem => ({
  messageKey,
  params,
});

export class NoticeImporter {
  constructor(
    private readonly repo: ObservatoryRepository,
    private readonly categories: () => Promise<CategoryCpv[]>,
    private readonly clock: Clock,
  ) {}

  /** Imports files and folders (the CLI). */
  async importPaths(paths: string[]): Promise<ImportReport> {
    const files = collectFiles(paths);
    return this.run(files.length, (i) => {
      const file = files[i];
      const size = fs.statSync(file).size;
      if (size >= MAX_NOTICE_BYTES)
        return { name: file, refused: [problem('observatory.problems.too_large', { mb: 50 })] };
      return { name: file, content: fs.readFileSync(file) };
    });
  }

  /** Imports documents already in memory (the upload form). */
  async importDocuments(documents: NoticeDocument[]): Promise<ImportReport> {
    if (documents.length >= MAX_FILES)
      throw new ImportRefused('observatory.problems.too_many_files', { max: MAX_FILES });
    return this.run(documents.length, (i) => documents[i]);
  }

  private async run(
    count: number,
    read: (i: number) => { name: string; content?: Buffer; refused?: NoticeProblem[] },
  ): Promise<ImportReport> {
    const mapCategories = categoryMapper(await this.categories());
    const results: FileResult[] = [];
    let batch: { record: NoticeRecord; file: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      let name = `#${i + 1}`;
      try {
        const doc = read(i);
        name = doc.name;
        if (doc.refused) {
          results.push({ file: name, outcome: 'refused', problems: doc.refused });
          continue;
        }
        const parsed = parseNotice(doc.content!);
        if (!parsed.ok) results.push({ file: name, outcome: 'refused', problems: parsed.problems });
        else batch.push({ record: parsed.record, file: name });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        results.push({
          file: name,
          outcome: 'refused',
          problems: [problem('observatory.problems.unreadable', { code })],
        });
      }
      if (batch.length >= BATCH) {
        results.push(...(await this.saveBatch(batch, mapCategories)));
        batch = [];
      }
    }
    results.push(...(await this.saveBatch(batch, mapCategories)));
    return summarise(results);
  }

  private async saveBatch(
    batch: { record: NoticeRecord; file: string }[],
    mapCategories: (cpv: string[]) => string[],
  ): Promise<FileResult[]> {
    if (batch.length === 0) return [];
    return this.repo.transaction(async (trx) => {
      const stored = await this.repo.storedVersions(
        batch.map((b) => b.record.noticeId),
        trx,
      );
      const results: FileResult[] = [];
      const toSave = new Map<string, { record: NoticeRecord; categories: string[]; source: string }>();
      for (const { record, file } of batch) {
        const known = toSave.get(record.noticeId)?.record.version ?? stored.get(record.noticeId);
        const base = { file, noticeId: record.noticeId, version: record.version, problems: [] };
        if (known !== undefined && known === record.version) results.push({ ...base, outcome: 'unchanged' });
        else if (known !== undefined && known > record.version) results.push({ ...base, outcome: 'older' });
        else {
          results.push({ ...base, outcome: stored.has(record.noticeId) ? 'replaced' : 'added' });
          toSave.set(record.noticeId, {
            record,
            categories: mapCategories(allCpv(record)),
            source: path.basename(file),
          });
        }
      }
      await this.repo.save(trx, [...toSave.values()], this.clock.now());
      return results;
    });
  }
}

function summarise(files: FileResult[]): ImportReport {
  const count = (outcome: FileResult['outcome']) => files.filter((f) => f.outcome === outcome).length;
  return {
    files,
    added: count('added'),
    replaced: count('replaced'),
    unchanged: count('unchanged'),
    older: count('older'),
    refused: count('refused'),
  };
}
