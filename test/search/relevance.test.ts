import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { readRelevanceSet, scoreRelevance } from './relevance-set';

describe('search relevance on the real library', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('puts a wanted clause in the top 3 for ≥ 90 % of the buyer queries and first for ≥ 75 %', () => {
    const queries = readRelevanceSet();
    assert.ok(queries.length >= 120, `${queries.length} queries`);
    const score = scoreRelevance(queries, (query) =>
      ctx.deps.search
        .search({ q: query.q, lang: query.lang, filters: {}, type: 'clause', page: 1, pageSize: 3 })
        .hits.map((h) => h.doc),
    );
    const lines = score.misses.map(
      ({ query, got }) =>
        `  ${query.kind.padEnd(9)} ${query.lang} ${JSON.stringify(query.q)} wants ${[query.category, ...(query.want ?? [])].filter(Boolean).join(', ')}; got ${got.join(', ') || 'nothing'}`,
    );
    console.log(
      `    relevance: top-1 ${(score.top1 * 100).toFixed(1)} %, top-3 ${(score.top3 * 100).toFixed(1)} % of ${queries.length} queries; misses in the top 3:\n${lines.join('\n')}`,
    );
    assert.ok(score.top3 >= 0.9, `top-3 ${score.top3}`);
    assert.ok(score.top1 >= 0.75, `top-1 ${score.top1}`);
  });

  it('answers hostile queries with 200 on the page and the API, and a NUL with 422 (refused at the edge), never 500', async () => {
    const urls = ['/nl/clauses', '/fr/clauses', '/api/v1/clauses', '/api/v1/suggestions'];
    for (const q of [
      'a:^~*',
      'x'.repeat(5000),
      '+title:foo -bar~2 ^3 *',
      'voedng'.repeat(900),
      '"unterminated',
      '🙂',
    ]) {
      for (const url of urls) {
        const res = await request(ctx.app).get(url).query({ q, lang: 'fr' });
        assert.equal(res.status, 200, `${url} ${q.slice(0, 20)}`);
      }
    }
    for (const url of urls) {
      const res = await request(ctx.app).get(url).query({ q: 'schoonmaak\u0000kantoor', lang: 'fr' });
      assert.equal(res.status, 422, url);
    }
    const api = await request(ctx.app).get('/api/v1/clauses').query({ q: 'schoonmaak\u0000kantoor' });
    assert.equal(api.body.error.details[0].field, 'query.q');
  });
});
