import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import { readLibrary } from '../../server/clauses/files';
import { createUser, signInAgent } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { scenarioDocuments } from '../support/notices';

/** Published basis clauses of a category, from the clause files (not through the app). */
function basisClauses(category: string, exceptThemes: string[] = []): string[] {
  return readLibrary(path.resolve(import.meta.dirname, '../../clauses'))
    .clauses.filter(
      (c) =>
        c.status === 'published' &&
        c.level === 'basis' &&
        c.categories.includes(category) &&
        !exceptThemes.includes(c.theme),
    )
    .map((c) => c.id)
    .sort();
}

describe('observatory figures and API', () => {
  let ctx: TestContext;
  let coordinator: request.Agent;
  let facilitator: request.Agent;
  let editor: request.Agent;
  const year = { from: '2026-01-01', to: '2026-12-31' };

  before(async function () {
    this.timeout(60_000);
    ctx = await createTestContext();
    const report = await ctx.deps.observatory.importer.importDocuments(scenarioDocuments());
    assert.equal(report.added, 8, JSON.stringify(report.files.filter((f) => f.outcome === 'refused')));
    const c = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const f = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const e = await createUser(ctx, { roles: ['editor'] });
    coordinator = await signInAgent(ctx, c.email, c.password);
    facilitator = await signInAgent(ctx, f.email, f.password);
    editor = await signInAgent(ctx, e.email, e.password);
  });
  after(async () => ctx.close());

  const stats = async (query: Record<string, string>) => {
    const res = await coordinator.get('/api/v1/notice-stats').query(query);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  it('counts each Brussels procedure once, with its latest notice, and the share of each aspect', async () => {
    const s = await stats({ region: 'BE100', ...year });
    assert.deepEqual(
      {
        procedures: s.procedures,
        withoutStrategic: s.withoutStrategic,
        withoutAspect: s.withoutAspect,
        strategic: s.strategic,
        gpp: s.gpp,
        reserved: s.reserved,
        averageNonPriceWeight: s.averageNonPriceWeight,
        withAwardWeights: s.withAwardWeights,
        tendersReceived: s.tendersReceived,
        smeTenders: s.smeTenders,
      },
      {
        procedures: 4, // P1 (its award notice), P2, P3, P4; not Antwerp, 2025 or the planning notice
        withoutStrategic: 1,
        withoutAspect: 1,
        strategic: { 'env-imp': 2, 'soc-obj': 2, 'inn-pur': 1 },
        gpp: 1,
        reserved: 1,
        averageNonPriceWeight: 33.8, // (0 + 25 + 70 + 40) / 4
        withAwardWeights: 4,
        tendersReceived: 3,
        smeTenders: 1,
      },
    );
  });

  it('breaks the figures down by library category', async () => {
    const s = await stats({ region: 'BE100', ...year });
    const byCode = Object.fromEntries(s.byCategory.map((c: { category: string }) => [c.category, c]));
    assert.equal(byCode.cleaning.procedures, 2);
    assert.deepEqual(byCode.cleaning.strategic, { 'env-imp': 1, 'soc-obj': 0, 'inn-pur': 0 });
    assert.deepEqual(
      [byCode.cleaning.gpp, byCode.cleaning.withoutAspect, byCode.cleaning.averageNonPriceWeight],
      [1, 1, 12.5],
    );
    assert.equal(byCode.construction.procedures, 2);
    assert.deepEqual(byCode.construction.strategic, { 'env-imp': 1, 'soc-obj': 2, 'inn-pur': 1 });
    assert.deepEqual([byCode.construction.reserved, byCode.construction.averageNonPriceWeight], [1, 55]);
    assert.equal(byCode.it.procedures, 0);
    const [{ n: categoryCount }] = await ctx.db('categories').count({ n: '*' });
    assert.equal(s.byCategory.length, Number(categoryCount), 'every category of the library, in its order');
    assert.equal(s.byCategory[0].category, 'cleaning');
  });

  it('filters by region (a NUTS prefix too) and by dates', async () => {
    assert.equal((await stats({ region: 'BE211', ...year })).procedures, 1);
    assert.equal((await stats({ region: 'BE2', ...year })).procedures, 1);
    assert.equal((await stats({ region: 'BE100' })).procedures, 5, 'no dates: 2025 too');
    assert.equal((await stats({ region: 'BE100', from: '2026-03-01', to: '2026-03-31' })).procedures, 2);
    const byDefault = await coordinator.get('/api/v1/notice-stats');
    assert.equal(byDefault.body.region, 'BE100');
  });

  it('lists notices with their codes, categories and the clauses that could have been asked', async () => {
    const res = await coordinator.get('/api/v1/notices').query({ region: 'BE100', category: 'cleaning', ...year });
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 3);
    assert.deepEqual(
      res.body.results.map((n: { noticeId: string }) => n.noticeId),
      ['bxl-e', 'bxl-b', 'bxl-a'],
    );
    const [e, b, a] = res.body.results;
    assert.deepEqual(
      [e.procedureId, e.type, e.nuts, e.latestOfProcedure, a.latestOfProcedure],
      ['P1', 'can-standard', 'BE100', true, false],
    );
    assert.deepEqual(e.buyer, 'Rouen Habitat');
    assert.deepEqual(e.cpv, ['90910000']);
    assert.deepEqual(e.categories, ['cleaning']);
    assert.deepEqual([e.tendersReceived, e.smeTenders], [3, 1]);
    assert.deepEqual(b.strategic, { bt06: ['env-imp'], bt774: [], bt775: [], bt776: [], bt805: ['eu'] });
    assert.equal(b.reserved, false);
    assert.deepEqual(
      b.awardCriteria.map((c: { type: string; weight: number }) => [c.type, c.weight]),
      [
        ['quality', 15],
        ['quality', 5],
        ['quality', 3],
        ['quality', 2],
        ['price', 75],
      ],
    );
    assert.ok(basisClauses('cleaning').length > 0);
    assert.deepEqual(a.suggestedClauses, basisClauses('cleaning'));
    assert.deepEqual(b.suggestedClauses, basisClauses('cleaning', ['environmental']), 'env-imp already pursued');
  });

  it('pages the list and validates its parameters', async () => {
    const all = await coordinator.get('/api/v1/notices').query({ region: 'BE100' });
    assert.equal(all.body.total, 7);
    const page1 = await coordinator.get('/api/v1/notices').query({ region: 'BE100', pageSize: '3' });
    const page3 = await coordinator.get('/api/v1/notices').query({ region: 'BE100', pageSize: '3', page: '3' });
    assert.deepEqual([page1.body.results.length, page3.body.results.length, page3.body.page], [3, 1, 3]);
    const ids = [
      ...page1.body.results,
      ...(await coordinator.get('/api/v1/notices').query({ region: 'BE100', pageSize: '3', page: '2' })).body.results,
      ...page3.body.results,
    ].map((n: { noticeId: string }) => n.noticeId);
    assert.deepEqual([...ids].sort(), all.body.results.map((n: { noticeId: string }) => n.noticeId).sort());
    for (const bad of [
      { region: 'Brussels' },
      { from: '2026-13-01' },
      { from: '2026-05-01', to: '2026-01-01' },
      { page: '0' },
      { category: 'rockets' },
    ]) {
      const res = await coordinator.get('/api/v1/notices').query(bad);
      assert.equal(res.status, 422, JSON.stringify(bad));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(res.body.error.details.length > 0);
    }
    const fr = await coordinator.get('/api/v1/notice-stats').query({ region: 'x' }).set('Accept-Language', 'fr');
    assert.equal(fr.status, 422);
    assert.equal(fr.body.error.details[0].field, 'region');
  });

  it('answers 401 to anonymous callers and 403 to roles without access', async () => {
    for (const url of ['/api/v1/notices', '/api/v1/notice-stats']) {
      assert.equal((await request(ctx.app).get(url)).status, 401, url);
      assert.equal((await facilitator.get(url)).status, 403, url);
      assert.equal((await editor.get(url)).status, 403, url);
      assert.equal((await coordinator.get(url)).status, 200, url);
    }
  });

  it('describes both endpoints in the OpenAPI document', async () => {
    const doc = (await request(ctx.app).get('/api/v1/openapi.json')).body;
    assert.ok(doc.paths['/notices'].get.responses['401']);
    assert.ok(doc.paths['/notice-stats'].get.responses['200']);
    assert.ok(doc.paths['/clauses'], 'the other paths are kept');
  });
});
