// Builds one lunr index per language over the same documents, and saves / loads it as JSON so a
// restart does not pay for a rebuild.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Lang } from '../i18n/languages';
import { tokenizerFor } from './analysis';
import type { DocumentMeta, SearchDocument } from './documents';
import { lunr } from './lunr-setup';

export interface BuiltIndex {
  fingerprint: string;
  indexes: Record<Lang, lunr.Index>;
  docs: Map<string, DocumentMeta>;
}

const FORMAT_VERSION = 1;

export function fingerprintOf(docs: { ref: string; version: number }[]): string {
  const hash = createHash('sha256').update(`format:${FORMAT_VERSION}\n`);
  for (const doc of [...docs].sort((a, b) => (a.ref < b.ref ? -1 : 1))) hash.update(`${doc.ref}@${doc.version}\n`);
  return hash.digest('hex').slice(0, 32);
}

function buildLanguageIndex(lang: Lang, docs: SearchDocument[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = tokenizerFor(lang) as unknown as typeof lunr.tokenizer;
  builder.ref('ref');
  builder.field('id', { boost: 20 });
  builder.field('title', { boost: 6 });
  builder.field('text', { boost: 2 });
  builder.field('extra');
  for (const doc of docs) {
    builder.add({ ref: doc.ref, id: doc.id.replace(/-/g, ' '), title: doc.title[lang], text: doc.text[lang], extra: doc.extra[lang] });
  }
  return builder.build();
}

export function buildIndex(documents: SearchDocument[]): BuiltIndex {
  const indexes = Object.fromEntries(LANGUAGES.map((lang) => [lang, buildLanguageIndex(lang, documents)])) as Record<Lang, lunr.Index>;
  const docs = new Map<string, DocumentMeta>();
  for (const { extra: _extra, ...meta } of documents) docs.set(meta.ref, meta);
  return { fingerprint: fingerprintOf(documents), indexes, docs };
}

export function serializeIndex(built: BuiltIndex): string {
  return JSON.stringify({
    format: FORMAT_VERSION,
    fingerprint: built.fingerprint,
    indexes: Object.fromEntries(LANGUAGES.map((lang) => [lang, built.indexes[lang].toJSON()])),
    docs: [...built.docs.values()],
  });
}

export function deserializeIndex(json: string): BuiltIndex {
  const data = JSON.parse(json) as { format: number; fingerprint: string; indexes: Record<Lang, object>; docs: DocumentMeta[] };
  if (data.format !== FORMAT_VERSION) throw new Error(`saved index format ${data.format} is not ${FORMAT_VERSION}`);
  return {
    fingerprint: data.fingerprint,
    indexes: Object.fromEntries(LANGUAGES.map((lang) => [lang, lunr.Index.load(data.indexes[lang])])) as Record<Lang, lunr.Index>,
    docs: new Map(data.docs.map((doc) => [doc.ref, doc])),
  };
}

/** Saved indexes live under DATA_DIR/search-index/, one file per fingerprint; older files are removed. */
export class IndexCache {
  constructor(private readonly dir: string) {}

  private file(fingerprint: string): string {
    return path.join(this.dir, `${fingerprint}.json`);
  }

  load(fingerprint: string): BuiltIndex | undefined {
    try {
      const built = deserializeIndex(fs.readFileSync(this.file(fingerprint), 'utf8'));
      return built.fingerprint === fingerprint ? built : undefined;
    } catch {
      return undefined;
    }
  }

  save(built: BuiltIndex): void {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const target = this.file(built.fingerprint);
      const temp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temp, serializeIndex(built));
      fs.renameSync(temp, target);
      for (const name of fs.readdirSync(this.dir)) {
        if (name.endsWith('.json') && name !== path.basename(target)) fs.rmSync(path.join(this.dir, name), { force: true });
      }
    } catch {
      // A cache that cannot be written only costs a rebuild at the next start.
    }
  }
}
