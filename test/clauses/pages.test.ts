import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';

describe('clause pages', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('search page shows results, highlighted snippets and facets with counts', async () => {
    const res = await request(ctx.app).get('/nl/clauses').query({ q: 'schoonmaak' });
    assert.equal(res.status, 200);
    assert.match(res.text, /clausules gevonden/);
    assert.match(res.text, /<mark>/);
    assert.match(res.text, /<legend>Thema<\/legend>/);
    assert.match(res.text, /Schoonmaak <span class="count">\(\d+\)<\/span>/);
  });

  it('the same URL reproduces the same search, filters and page', async () => {
    const url = '/fr/clauses?q=nettoyage&theme=anti_dumping&page=1';
    const a = await request(ctx.app).get(url);
    const b = await request(ctx.app).get(url);
    const titles = (html: string) => [...html.matchAll(/<h3><a href="\/fr\/clauses\/([^"]+)">/g)].map((m) => m[1]);
    assert.ok(titles(a.text).length > 0);
    assert.deepEqual(titles(a.text), titles(b.text));
    for (const id of titles(a.text)) assert.match(id, /^DMP-/);
    assert.match(a.text, /value="anti_dumping" checked/);
  });

  it('says clearly when nothing is found, for any input', async () => {
    const res = await request(ctx.app).get('/nl/clauses').query({ q: 'zzqqxxyy a:^~*' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Geen clausules gevonden/);
    const huge = await request(ctx.app)
      .get('/fr/clauses')
      .query({ q: 'critères '.repeat(555) });
    assert.equal(huge.status, 200);
  });

  it('clause page shows text, verification, guidance, legal basis, parameters, CPV codes and history', async () => {
    const res = await request(ctx.app).get('/fr/clauses/SOC-CLEAN-001');
    assert.equal(res.status, 200);
    for (const heading of [
      'Texte de la clause',
      'Contrôle',
      "Conseils pour l&#x27;acheteur|Conseils pour l'acheteur",
      'Base légale',
      'À compléter par l',
      'Catégories et codes CPV',
      'Historique des versions',
    ]) {
      assert.match(res.text, new RegExp(heading));
    }
    assert.match(res.text, /<span class="placeholder" title="[^"]+">\[5\]<\/span>/);
    assert.match(res.text, /90910000/);
    assert.match(res.text, /Loi du 17 juin 2016 relative aux marchés publics, art\. 7/);
    assert.match(res.text, /Ajouter au modèle de cahier des charges/);
    assert.match(res.text, /lang="nl"/, 'the Dutch title is marked as Dutch');
  });

  it('records a view of a clause without personal data', async () => {
    await request(ctx.app).get('/nl/clauses/ENV-FOOD-001');
    const [event] = await ctx.db('usage_events').where({ kind: 'clause_viewed', clause_id: 'ENV-FOOD-001' });
    assert.ok(event);
    assert.deepEqual(Object.keys(event).sort(), [
      'category',
      'clause_id',
      'created_at',
      'document_id',
      'id',
      'kind',
      'level',
      'theme',
    ]);
  });

  it('answers an unknown clause with a 404 page in the right language', async () => {
    const res = await request(ctx.app).get('/nl/clauses/SOC-XXX-999');
    assert.equal(res.status, 404);
    assert.match(res.text, /Pagina niet gevonden/);
  });

  it('category page shows the introduction and the clauses by stage and level', async () => {
    const res = await request(ctx.app).get('/nl/categories/cleaning');
    assert.equal(res.status, 200);
    assert.match(res.text, /<h1>Schoonmaak<\/h1>/);
    assert.match(res.text, /Paritair Comité/);
    assert.match(res.text, /<h2 id="stage-performance">Uitvoeringsvoorwaarde<\/h2>/);
    assert.match(res.text, /<h3>Basis<\/h3>/);
    assert.match(res.text, /SOC-CLEAN-001/);
  });

  it('takes feedback without an account and refuses a problem without explanation', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/clauses/SOC-CLEAN-001');
    const bad = await agent
      .post('/nl/clauses/SOC-CLEAN-001/feedback')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), kind: 'problem', comment: '' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Beschrijf het probleem kort/);
    const good = await agent
      .post('/nl/clauses/SOC-CLEAN-001/feedback')
      .type('form')
      .send({
        _csrf: csrfFrom(bad.text),
        kind: 'problem',
        comment: 'Het percentage is te hoog voor kleine opdrachten.',
      });
    assert.equal(good.status, 303);
    const rows = await ctx.db('clause_feedback').where({ clause_id: 'SOC-CLEAN-001' });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].kind, 'problem');
    assert.equal(rows[0].source, 'buyer');
  });

  it('adds a clause to the tender template selection and records it', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/fr/clauses/ENV-IT-001');
    const res = await agent
      .post('/fr/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'ENV-IT-001', return: '/fr/clauses/ENV-IT-001' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/fr/clauses/ENV-IT-001#clause-ENV-IT-001', 'back to the add button');
    const next = await agent.get('/fr/clauses/ENV-IT-001');
    assert.match(next.text, /La clause ENV-IT-001 a été ajoutée/);
    assert.equal((await ctx.db('usage_events').where({ kind: 'clause_added', clause_id: 'ENV-IT-001' })).length, 1);
  });
});
