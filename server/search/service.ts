// Holds the current search index of this instance: loads the saved index at start-up, rebuilds it when
// published content changes here, and polls the shared revision to pick up changes made by other instances.
import type { Knex } from 'knex';
import type { Logger } from '../http/logger';
import type { SearchDocument } from './documents';
import { runSearch, type SearchOutcome, type SearchParams } from './query';
import { readRevision } from './revision';
import { buildIndex, fingerprintOf, type BuiltIndex, type IndexCache } from './search-index';

export type DocumentSource = () => Promise<SearchDocument[]>;

export interface IndexStats {
  documents: number;
  builtIn: 'cache' | 'build';
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
    private readonly categories: () => Promise<{ code: string; cpv: { code: string }[] }[]>,
    private readonly cache: IndexCache | undefined,
    private readonly logger: Logger,
  ) {}

  /** Rebuilds from the database (or loads the saved index for the same content). Serialised. */
  refresh(): Promise<void> {
    this.rebuilding = this.rebuilding.then(() => this.rebuild()).catch((err) => {
      this.logger.error({ err }, 'search index rebuild failed');
    });
    return this.rebuilding;
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    const revision = await readRevision(this.db);
    const documents = (await Promise.all(this.sources.map((source) => source()))).flat();
    const categories = await this.categories();
    const fingerprint = fingerprintOf(documents);
    let builtIn: IndexStats['builtIn'] = 'cache';
    let built = this.built.fingerprint === fingerprint ? this.built : this.cache?.load(fingerprint);
    if (!built) {
      built = buildIndex(documents);
      builtIn = 'build';
      this.cache?.save(built);
    }
    this.built = built;
    this.cpvByCategory = new Map(categories.map((c) => [c.code, c.cpv.map((cpv) => cpv.code)]));
    this.revision = revision;
    this.lastBuild = { documents: documents.length, builtIn, millis: performance.now() - started };
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
    return this.built.docs.size;
  }
}
