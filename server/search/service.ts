// Holds the current search index of this instance: loads the saved index at start-up, rebuilds it when
// published content changes here, and polls the shared revision to pick up changes made by other instances.
import type { Knex } from 'knex';
import type { Logger } from '../http/logger';
import type { Lang } from '../i18n/languages';
import { buildOffThread } from './build';
import type { SearchDocument } from './documents';
import { runSearch, type SearchOutcome, type SearchParams } from './query';
import { readRevision } from './revision';
import { buildIndex, fingerprintOf, type BuiltIndex, type IndexCache } from './search-index';
import { categoryGroups } from './thesaurus';
import { thesaurusGroups } from './thesaurus-store';

/** A kind of searchable content: its (ref, version) list is cheap; its documents are read only to build. */
export interface DocumentSource {
  keys(): Promise<{ ref: string; version: number }[]>;
  documents(): Promise<SearchDocument[]>;
}

export interface IndexStats {
  documents: number;
  builtIn: 'memory' | 'cache' | 'worker' | 'main';
  millis: number;
}

export class SearchService {
  private built: BuiltIndex = buildIndex([]);
  private revision = '';
  private cpvByCategory = new Map<string, string[]>();
  private rebuilding: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  lastBuild?: IndexStats;

  constructor(
    private readonly db: Knex,
    private readonly sources: DocumentSource[],
    private readonly categories: () => Promise<{ code: string; name: Record<Lang, string>; cpv: { code: string }[] }[]>,
    private readonly cache: IndexCache | undefined,
    private readonly logger: Logger,
  ) {}

  /** Rebuilds from the database (or loads the saved index for the same content). Serialised. */
  refresh(): Promise<void> {
    this.rebuilding = this.rebuilding
      .then(() => this.rebuild())
      .catch((err) => {
        this.logger.error({ err }, 'search index rebuild failed');
      });
    return this.rebuilding;
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    const revision = await readRevision(this.db);
    const keys = (await Promise.all(this.sources.map((source) => source.keys()))).flat();
    const categories = await this.categories();
    const groups = [...(await thesaurusGroups(this.db)), ...categoryGroups(categories)];
    const fingerprint = fingerprintOf(keys, groups);
    let builtIn: IndexStats['builtIn'] = 'memory';
    let built: BuiltIndex | undefined = this.built.fingerprint === fingerprint ? this.built : undefined;
    if (!built) {
      built = this.cache?.load(fingerprint);
      builtIn = 'cache';
    }
    if (!built) {
      const documents = (await Promise.all(this.sources.map((source) => source.documents()))).flat();
      const result = await buildOffThread(documents, groups);
      built = result.built;
      builtIn = result.where;
      this.cache?.save(built, result.serialized);
    }
    this.built = built;
    this.cpvByCategory = new Map(categories.map((c) => [c.code, c.cpv.map((cpv) => cpv.code)]));
    this.revision = revision;
    // What the last change of index cost (a refresh that found the index current changes nothing).
    if (builtIn !== 'memory')
      this.lastBuild = { documents: built.docs.length, builtIn, millis: performance.now() - started };
  }

  /** Checks the shared revision and rebuilds when another instance (or the import) changed content. */
  async refreshIfChanged(): Promise<boolean> {
    const revision = await readRevision(this.db);
    if (revision === this.revision) return false;
    await this.refresh();
    return true;
  }

  startPolling(seconds: number): void {
    this.stopPolling();
    this.timer = setInterval(() => {
      this.refreshIfChanged().catch((err) => this.logger.warn({ err }, 'search revision check failed'));
    }, seconds * 1000);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  search(params: SearchParams): SearchOutcome {
    return runSearch(this.built, params, this.cpvByCategory);
  }

  get documentCount(): number {
    return this.built.docs.length;
  }
}
