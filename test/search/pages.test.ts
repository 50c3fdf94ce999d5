import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';

describe('search pages and API read misspelt words', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('the Dutch page says how it read the query and links to the literal word', async () => {
    const res = await request(ctx.app).get('/nl/clauses').query({ q: 'schonmaak' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Resultaten voor <strong><em>schoonmaak<\/em><\/strong>/);
    assert.match(
      res.text,
      /<a href="\/nl\/clauses\?q&#x3D;schonmaak&amp;literal&#x3D;1">Zoek in plaats daarvan op “schonmaak”<\/a>/,
    );
    assert.match(res.text, /<mark>schoonmaak/i);
  });

  it('the French page too', async () => {
    const res = await request(ctx.app).get('/fr/clauses').query({ q: 'nettoyge' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Résultats pour <strong><em>nettoyage<\/em><\/strong>/);
    assert.match(res.text, /Rechercher plutôt « nettoyge »/);
  });

  it('searches the literal word when asked, without a correction', async () => {
    const res = await request(ctx.app).get('/nl/clauses').query({ q: 'schonmaak', literal: '1' });
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /Resultaten voor/);
  });

  it('the API names the corrected query', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses').query({ q: 'schoomaak', lang: 'nl' });
    assert.equal(res.status, 200);
    assert.equal(res.body.corrected, 'schoonmaak');
    assert.ok(res.body.total > 0);
    const plain = await request(ctx.app).get('/api/v1/clauses').query({ q: 'schoonmaak', lang: 'nl' });
    assert.equal(plain.body.corrected, null);
  });

  it('the helpdesk suggestions use the same search (typos included)', async () => {
    const res = await request(ctx.app).get('/api/v1/suggestions').query({ q: 'schonmaak', lang: 'nl' });
    assert.equal(res.status, 200);
    const api = await request(ctx.app).get('/api/v1/clauses').query({ q: 'schonmaak', lang: 'nl', pageSize: 5 });
    assert.deepEqual(
      res.body.clauses.map((c: { id: string }) => c.id),
      api.body.results.map((r: { id: string }) => r.id),
    );
  });
});
