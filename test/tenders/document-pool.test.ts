import assert from 'node:assert/strict';
import JSZip from 'jszip';
import request from 'supertest';
import { ServiceUnavailable } from '../../server/http/errors';
import { DocumentPool, InlineDocumentBuilder } from '../../server/tenders/document-pool';
import type { DocumentTask } from '../../server/tenders/document-worker';
import { createTestContext, type TestContext } from '../support/context';
import { binary } from '../support/docx';

const parts = async (buffer: Buffer) => {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n].dir)
    .sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')])));
};

// docx numbers bookmarks with a counter per process (_Toc1 in a fresh worker, _Toc30 in a busy main thread).
const normalise = (xml: string) =>
  xml.replace(/_Toc\d+/g, '_Toc').replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")\d+/g, '$1');

describe('documents built in a pool of worker threads', () => {
  let ctx: TestContext;
  let ids: string[];
  before(async () => {
    ctx = await createTestContext();
    // Without award clauses, so that the price alone weighs 100 points.
    ids = (
      await ctx.db('clauses').where({ status: 'published' }).whereNot({ stage: 'award' }).select('id').orderBy('id')
    )
      .map((r) => r.id as string)
      // A tender holds at most 200 clauses; the library has more.
      .slice(0, 200);
  });
  after(async () => ctx.close());

  const tenderTask = async (count: number): Promise<DocumentTask> => {
    const plan = await ctx.deps.tenders.plan(
      ctx.deps.tenders.parseTender({
        lang: 'nl',
        authority: 'Gemeente Elsene',
        title: 'Groot bestek',
        procedure: 'open',
        estimatedValue: '480.000',
        clauseIds: ids.slice(0, count),
        weights: { price: 100 },
      }),
    );
    return { kind: 'tender', plan, now: new Date('2026-12-01T10:00:00Z') };
  };

  it('answers the same document from a worker as from the main thread', async () => {
    const pool = new DocumentPool({ threads: 1, queueLimit: 4 });
    try {
      const task = await tenderTask(20);
      const fromWorker = await pool.build(task);
      const inline = await new InlineDocumentBuilder().build(task);
      const [a, b] = [await parts(fromWorker), await parts(inline)];
      assert.deepEqual(Object.keys(a), Object.keys(b));
      for (const name of Object.keys(a)) {
        if (name === 'docProps/core.xml') continue; // the package's creation time
        assert.equal(normalise(a[name]), normalise(b[name]), name);
      }
      assert.match(a['word/document.xml'], /480\.000\u00A0euro/);
    } finally {
      await pool.close();
    }
  });

  it('refuses a document with ServiceUnavailable when the queue is full, and builds the others', async () => {
    const pool = new DocumentPool({ threads: 1, queueLimit: 1 });
    try {
      const task = await tenderTask(50);
      const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => pool.build(task)));
      const refused = outcomes.filter((o) => o.status === 'rejected');
      const built = outcomes.filter((o) => o.status === 'fulfilled');
      assert.ok(refused.length >= 1, 'at least one refused');
      assert.ok(built.length >= 1, 'at least one built');
      for (const o of refused) {
        assert.ok(o.reason instanceof ServiceUnavailable);
        assert.ok(o.reason.retryAfterSeconds >= 1);
      }
    } finally {
      await pool.close();
    }
  });

  it('answers 503 with Retry-After over HTTP when too many documents wait', async () => {
    const busy = await createTestContext({ DOCUMENT_WORKERS: '1', DOCUMENT_QUEUE_LIMIT: '1' });
    try {
      const body = {
        lang: 'fr',
        authority: 'Commune',
        title: 'Grand cahier',
        procedure: 'open',
        clauseIds: ids,
        weights: { price: 100 },
      };
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          request(busy.app).post('/api/v1/tender-documents').send(body).buffer(true).parse(binary),
        ),
      );
      const statuses = responses.map((r) => r.status);
      assert.ok(statuses.includes(503), `statuses ${statuses.join(',')}`);
      assert.ok(statuses.includes(200), `statuses ${statuses.join(',')}`);
      assert.ok(statuses.every((s) => s === 200 || s === 503));
      const refused = responses.find((r) => r.status === 503)!;
      assert.match(String(refused.headers['retry-after']), /^\d+$/);
      const error = JSON.parse((refused.body as Buffer).toString()) as { error: { code: string; message: string } };
      assert.equal(error.error.code, 'service_unavailable');
      assert.match(error.error.message, /réessayer/i, JSON.stringify(error));
    } finally {
      await busy.close();
    }
  });
});
