import assert from 'node:assert/strict';
import request from 'supertest';
import { MAX_CLAUSES, PROCEDURES } from '../../server/tenders/model';
import { createTestContext, type TestContext } from '../support/context';

describe('clause API', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('GET /api/v1/clauses answers results and facets in the documented shape', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses').query({ q: 'schoonmaak', lang: 'nl', pageSize: 5 });
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), [
      'corrected',
      'facets',
      'page',
      'pageSize',
      'partial',
      'results',
      'total',
    ]);
    assert.ok(res.body.total > 0);
    assert.equal(res.body.pageSize, 5);
    assert.ok(res.body.results.length <= 5);
    assert.deepEqual(Object.keys(res.body.facets).sort(), ['category', 'level', 'owner', 'stage', 'theme']);
    const first = res.body.results[0];
    assert.deepEqual(Object.keys(first).sort(), [
      'categories',
      'id',
      'level',
      'score',
      'snippet',
      'stage',
      'theme',
      'title',
      'version',
    ]);
    assert.ok(res.body.results.some((r: { categories: string[] }) => r.categories.includes('cleaning')));
  });

  it('filters by theme, category, stage and level together', async () => {
    const res = await request(ctx.app)
      .get('/api/v1/clauses')
      .query({ theme: 'anti_dumping', category: 'construction', stage: 'performance', level: 'basis', pageSize: 100 });
    assert.ok(res.body.total > 0);
    for (const r of res.body.results) {
      assert.equal(r.theme, 'anti_dumping');
      assert.ok(r.categories.includes('construction'));
      assert.equal(r.stage, 'performance');
      assert.equal(r.level, 'basis');
    }
  });

  it('finds the clauses of a category from a CPV code', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses').query({ cpv: '90911200', pageSize: 100 });
    assert.ok(res.body.total >= 6);
    for (const r of res.body.results) assert.ok(r.categories.includes('cleaning'), r.id);
    const typed = await request(ctx.app).get('/api/v1/clauses').query({ q: '9091', pageSize: 100 });
    assert.equal(typed.body.total, res.body.total);
  });

  it('answers 200 to hostile queries', async () => {
    for (const q of ['a:^~*', 'x'.repeat(5000), '%%%', '"', '\\', '<b>', 'SELECT * FROM clauses']) {
      const res = await request(ctx.app).get('/api/v1/clauses').query({ q, lang: 'fr', page: 'abc', pageSize: '-5' });
      assert.equal(res.status, 200, q.slice(0, 20));
      assert.equal(res.body.pageSize, 1);
      assert.equal(res.body.page, 1);
    }
    const arrays = await request(ctx.app).get('/api/v1/clauses?q[a]=b&theme[x]=1&page[]=2');
    assert.equal(arrays.status, 200);
  });

  it('GET /api/v1/clauses/:id answers the whole clause in both languages', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-001');
    assert.equal(res.status, 200);
    assert.equal(res.body.id, 'SOC-CLEAN-001');
    assert.ok(res.body.title.nl && res.body.title.fr);
    assert.ok(res.body.verification.proof.fr);
    assert.ok(res.body.guidance.pitfalls.nl);
    assert.ok(Array.isArray(res.body.parameters));
    assert.equal(res.body.status, 'published');
  });

  it('GET /api/v1/clauses/:id answers 404 JSON for an unknown id', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses/SOC-NOPE-999').set('Accept-Language', 'fr');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
    assert.ok(res.body.error.message);
  });

  it('GET /api/v1/categories lists categories with names, CPV codes and clause counts', async () => {
    const res = await request(ctx.app).get('/api/v1/categories');
    assert.equal(res.status, 200);
    const cleaning = res.body.categories.find((c: { code: string }) => c.code === 'cleaning');
    assert.deepEqual(cleaning.name, { nl: 'Schoonmaak', fr: 'Nettoyage' });
    assert.ok(cleaning.cpv.some((c: { code: string }) => c.code === '90910000'));
    assert.ok(cleaning.clauseCount >= 6);
    assert.equal(res.body.categories.length, 17);
  });

  it('describes the API in an OpenAPI document', async () => {
    const res = await request(ctx.app).get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    for (const p of ['/clauses', '/clauses/{id}', '/categories', '/tender-documents', '/action-plans'])
      assert.ok(res.body.paths[p], p);
    // Request bodies are generated from the validators, so the description cannot drift from what is accepted.
    const tender = res.body.paths['/tender-documents'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(tender.properties.procedure.enum, [...PROCEDURES]);
    assert.deepEqual(tender.required, ['lang', 'authority', 'title', 'procedure', 'clauseIds']);
    assert.equal(tender.properties.clauseIds.maxItems, MAX_CLAUSES);
    assert.equal(tender.additionalProperties, false);
  });
});
