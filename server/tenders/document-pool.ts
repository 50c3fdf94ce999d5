// Generated documents are built off the main thread, in a pool of worker threads (Piscina) sized to the
// cores, so that large documents do not hold up other requests. When more documents wait than the queue
// allows, the request is answered 503 with Retry-After instead of piling up.
import { Piscina } from 'piscina';
import { ServiceUnavailable } from '../http/errors';
import { buildDocument, type DocumentTask } from './document-worker';

export interface DocumentBuilder {
  build(task: DocumentTask): Promise<Buffer>;
  close(): Promise<void>;
}

export interface DocumentPoolOptions {
  /** Worker threads; 0 builds in the main thread (no pool). */
  threads: number;
  /** Documents that may wait for a free thread; one more is refused with 503. */
  queueLimit: number;
}

const BUSY = 'tender.errors.busy';

/** Builds in the calling thread: for DOCUMENT_WORKERS=0 and for comparing against the pool in tests. */
export class InlineDocumentBuilder implements DocumentBuilder {
  build(task: DocumentTask): Promise<Buffer> {
    return buildDocument(task);
  }
  async close(): Promise<void> {}
}

export class DocumentPool implements DocumentBuilder {
  private readonly pool: Piscina<DocumentTask, Uint8Array>;

  constructor(private readonly options: DocumentPoolOptions) {
    this.pool = new Piscina({
      filename: new URL('./document-worker-entry.mjs', import.meta.url).href,
      maxThreads: options.threads,
      // Threads start on demand and stop after a minute idle: a test app or a quiet instance costs nothing.
      minThreads: 0,
      idleTimeout: 60_000,
      maxQueue: options.queueLimit,
    });
  }

  /** Seconds until a thread is likely free: the documents ahead, shared over the threads, at the mean build time. */
  private retryAfterSeconds(): number {
    const mean = this.pool.histogram.runTime.mean || 500;
    return Math.max(1, Math.ceil(((this.pool.queueSize + 1) * mean) / this.options.threads / 1000));
  }

  async build(task: DocumentTask): Promise<Buffer> {
    if (this.pool.queueSize >= this.options.queueLimit) throw new ServiceUnavailable(BUSY, this.retryAfterSeconds());
    try {
      const bytes = await this.pool.run(task);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      // Piscina's own check, for a request that raced past ours.
      if (err instanceof Error && err.message === 'Task queue is at limit')
        throw new ServiceUnavailable(BUSY, this.retryAfterSeconds());
      throw err;
    }
  }

  /** How many documents wait for a thread (for tests and the bench). */
  get waiting(): number {
    return this.pool.queueSize;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

export function documentBuilder(options: DocumentPoolOptions): DocumentBuilder {
  return options.threads > 0 ? new DocumentPool(options) : new InlineDocumentBuilder();
}
