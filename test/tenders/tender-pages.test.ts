import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { buyerWithClause, submitTenderForm } from '../support/tender';
import { binary, readDocx } from '../support/docx';

/** Presses "load into my tender" on a shared-link page (the GET itself stores nothing). */
function loadShared(agent: request.Agent, page: string, lang: string) {
  const field = (name: string) => page.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';
  return agent
    .post(`/${lang}/tender/shared`)
    .type('form')
    .send({ c: field('c'), category: field('category'), level: field('level'), _csrf: csrfFrom(page) });
}

describe('tender template pages', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('starts from a category with its basis clauses pre-selected', async () => {
    const res = await request(ctx.app).get('/nl/tender/new').query({ category: 'cleaning', level: 'basis' });
    assert.equal(res.status, 200);
    const checked = [...res.text.matchAll(/value="([A-Z]{3}-[A-Z0-9]+-\d{3})" checked/g)].map((m) => m[1]);
    const all = [...res.text.matchAll(/name="clauses" value="([^"]+)"/g)].map((m) => m[1]);
    const basis = (
      await ctx
        .db('clauses as c')
        .join('clause_categories as cc', 'cc.clause_id', 'c.id')
        .where({ 'cc.category_code': 'cleaning', 'c.level': 'basis', 'c.status': 'published' })
        .select('c.id')
    )
      .map((r) => r.id)
      .sort();
    assert.deepEqual(checked.sort(), basis);
    assert.ok(all.length > checked.length, 'advanced clauses are offered unchecked');
  });

  it('goes from selection to form, explains errors, checks, and downloads the .docx', async () => {
    const agent = request.agent(ctx.app);
    const choose = await agent.get('/fr/tender/new?category=construction&level=basis');
    const ids = [...choose.text.matchAll(/value="([A-Z]{3}-[A-Z0-9]+-\d{3})" checked/g)]
      .map((m) => m[1])
      .filter((id) => !id.startsWith('SOC-'));
    const set = await agent
      .post('/fr/tender/selection/set')
      .type('form')
      .send({ _csrf: csrfFrom(choose.text), clauses: ids, category: 'construction', level: 'basis' });
    assert.equal(set.status, 303);
    assert.equal(set.headers.location, '/fr/tender/form');

    const form = await agent.get('/fr/tender/form');
    assert.equal(form.status, 200);
    for (const id of ids) assert.match(form.text, new RegExp(id));
    const invalid = await submitTenderForm(agent, 'fr', form, {
      lang: 'fr',
      authority: '',
      title: 'Rénovation de l’école',
      procedure: 'open',
      estimatedValue: 'beaucoup',
    });
    assert.equal(invalid.status, 422);
    assert.match(invalid.text, /Ce champ est obligatoire/);
    assert.match(invalid.text, /Écrivez un montant en euros, par exemple 480 000 ou 1 250 000,50/);
    assert.match(invalid.text, /value="Rénovation de l’école"/, 'what was typed is kept');

    const valid = await submitTenderForm(agent, 'fr', invalid, {
      lang: 'fr',
      authority: 'Région de Bruxelles-Capitale',
      title: 'Rénovation de l’école',
      procedure: 'open',
      estimatedValue: '2 500 000',
      durationDays: '400',
      lots: 'Gros œuvre\nTechniques spéciales',
    });
    assert.equal(valid.status, 303);
    const review = await agent.get('/fr/tender/review');
    assert.equal(review.status, 200);
    assert.match(
      review.text,
      /Pour les travaux régionaux de plus de 750\s000 euros, la circulaire bruxelloise du 26 novembre 2020 prévoit une clause sociale/,
    );
    const download = await agent
      .post('/fr/tender/download')
      .type('form')
      .send({ _csrf: csrfFrom(review.text) })
      .buffer(true)
      .parse(binary);
    assert.equal(download.status, 200);
    const docx = await readDocx(download.body);
    assert.match(docx.text, /Région de Bruxelles-Capitale/);
    assert.match(docx.text, /Gros œuvre/);
  });

  it('blocks the download with the reason when the weights do not total 100', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'ENV-CLEAN-003');
    await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente Elsene',
      title: 'Schoonmaak',
      procedure: 'open',
      weights: { price: '50', 'ENV-CLEAN-003': '10' },
    });
    const review = await agent.get('/nl/tender/review');
    assert.match(
      review.text,
      /De gewichten van de prijs en de gunningscriteria zijn samen 60 punten in plaats van 100/,
    );
    assert.doesNotMatch(review.text, /action="\/nl\/tender\/download"/);
    const forced = await agent
      .post('/nl/tender/download')
      .type('form')
      .send({ _csrf: csrfFrom(form.text) });
    assert.equal(forced.status, 422);
  });

  it('shares a selection as a link and points out a clause revised since', async () => {
    await ctx.db('clause_versions').where({ clause_id: 'ENV-IT-001' }).update({ status: 'superseded' });
    const current = await ctx.db('clause_versions').where({ clause_id: 'ENV-IT-001', version: 1 }).first();
    await ctx
      .db('clause_versions')
      .insert({ ...current, id: undefined, version: 2, status: 'published', reason: 'test revision' });
    await ctx.db('clauses').where({ id: 'ENV-IT-001' }).update({ published_version: 2, latest_version: 2 });
    const agent = request.agent(ctx.app);
    const link = await agent
      .get('/nl/tender/shared')
      .query({ c: 'ENV-IT-001@1,ENV-IT-002@1,NOPE-X-1', category: 'it' });
    const shared = await loadShared(agent, link.text, 'nl');
    assert.equal(shared.status, 303);
    const form = await agent.get('/nl/tender/form');
    assert.match(form.text, /2 clausules uit de gedeelde link zijn geladen/);
    assert.match(form.text, /herzien sinds uw keuze/);
    await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente Elsene',
      title: 'Laptops',
      procedure: 'open',
    });
    const review = await agent.get('/nl/tender/review');
    assert.match(review.text, /Clausule ENV-IT-001 werd herzien sinds u ze koos \(versie 1 → 2\)/);
  });

  it('removes a clause from the selection from within the form', async () => {
    const agent = request.agent(ctx.app);
    const link = await agent.get('/fr/tender/shared').query({ c: 'ENV-FOOD-001,ENV-FOOD-002' });
    const shared = await loadShared(agent, link.text, 'fr');
    assert.equal(shared.status, 303);
    const form = await agent.get('/fr/tender/form');
    const res = await submitTenderForm(agent, 'fr', form, {
      lang: 'fr',
      authority: 'X',
      title: 'Repas',
      procedure: 'open',
      remove_clause: 'ENV-FOOD-001',
    });
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /ENV-FOOD-001/);
    assert.match(res.text, /ENV-FOOD-002/);
  });

  it('generates an action plan with base objectives from basis clauses', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/action-plan');
    const bad = await agent
      .post('/nl/action-plan')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), lang: 'nl', authority: '' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Kies minstens één clausule|Dit veld is verplicht/);
    const res = await agent
      .post('/nl/action-plan')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        lang: 'fr',
        authority: 'CPAS de Forest',
        year: '2027',
        categories: ['catering', 'cleaning'],
        includeOptional: 'yes',
      })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-disposition'], /plan-d-action-CPAS-de-Forest\.docx/);
    const docx = await readDocx(res.body);
    assert.match(docx.text, /Plan d'action marchés publics durables 2027/);
    assert.match(docx.text, /Objectifs de base/);
    const food = (await ctx.db('clause_versions').where({ clause_id: 'ENV-FOOD-001', status: 'published' }).first())
      .content;
    assert.ok(docx.text.includes(JSON.parse(food).title.fr), 'a basis catering clause is a base objective');
    const events = await ctx.db('usage_events').where({ kind: 'action_plan_generated' });
    assert.deepEqual(events.map((e) => e.category).sort(), ['catering', 'cleaning']);
  });

  it('POST /api/v1/action-plans answers a .docx or 422', async () => {
    const ok = await request(ctx.app)
      .post('/api/v1/action-plans')
      .send({ lang: 'nl', authority: 'Gemeente Schaarbeek', categories: ['it'] });
    assert.equal(ok.status, 200);
    const bad = await request(ctx.app)
      .post('/api/v1/action-plans')
      .send({ lang: 'nl', authority: 'X', categories: ['spaceships'] });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.details[0].field, 'categories.0');
  });
});
