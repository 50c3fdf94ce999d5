// The buyer's journey without JavaScript: categories as a main entry, the levels explained, the gathered
// clauses visible (header counter, "Added ✓ — remove", back to #clause-ID), the search chips and breadcrumb.
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { buyerWithClause, submitTenderForm } from '../support/tender';

/** The add/remove form of one clause in a page, as HTML. */
function addForm(html: string, clauseId: string): string {
  const forms = html.match(/<form method="post" action="\/(nl|fr)\/tender\/selection"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`name="clause" value="${clauseId}"`));
  assert.ok(form, `no add form for ${clauseId}`);
  return form;
}

const counter = (html: string) => /data-selection-count[^>]*>([\s\S]*?)<\/span><\/a>/.exec(html)?.[1] ?? '';

describe('buyer pages: categories, levels, gathered clauses', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('shows a card for every category on the home page, with its clause count, and Categories in the navigation', async () => {
    const categories = await ctx.deps.clauseRepo.categoriesWithCounts();
    const res = await request(ctx.app).get('/nl/');
    assert.equal(res.status, 200);
    for (const category of categories) {
      assert.match(
        res.text,
        new RegExp(
          `href="/nl/categories/${category.code}">${category.name.nl}</a>\\s*<span class="category-card__count">${category.clauseCount} clausules`,
        ),
        category.code,
      );
    }
    assert.equal(res.text.match(/class="category-mark [^"]*" aria-hidden="true">/g)?.length, categories.length);
    assert.match(res.text, /<nav class="main-nav"[\s\S]*href="\/nl\/categories"[^>]*>Categorieën<\/a>/);
    const fr = await request(ctx.app).get('/fr/');
    assert.match(fr.text, /href="\/fr\/categories">Catégories<\/a>/);
  });

  it('counts the gathered clauses in the header, and shows no number before the first one', async () => {
    const agent = request.agent(ctx.app);
    const empty = await agent.get('/fr/clauses/SOC-CLEAN-001');
    assert.match(empty.text, /Modèle de cahier <span class="nav-template__count"/);
    assert.equal(counter(empty.text), '');
    for (const clause of ['SOC-CLEAN-001', 'ENV-CLEAN-001'])
      await agent
        .post('/fr/tender/selection')
        .type('form')
        .send({ _csrf: csrfFrom(empty.text), clause });
    const after = await agent.get('/fr/');
    assert.equal(counter(after.text), '(2<span class="visually-hidden"> clauses choisies</span>)');
  });

  it('returns to the same place in the results, query kept, with the confirmation and a link to the template beside the clause', async () => {
    const agent = request.agent(ctx.app);
    const url = '/nl/clauses?q=schoonmaak&theme=social&page=1';
    const page = await agent.get(url);
    assert.match(page.text, /<li class="result card" id="clause-SOC-CLEAN-001">/);
    const res = await agent
      .post('/nl/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'SOC-CLEAN-001', return: url });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `${url}#clause-SOC-CLEAN-001`);

    const back = await agent.get(url);
    const form = addForm(back.text, 'SOC-CLEAN-001');
    assert.match(form, /data-selected="true"/);
    assert.match(form, /name="action" value="remove"/);
    assert.match(form, /Toegevoegd <span aria-hidden="true">✓<\/span> — verwijderen/);
    assert.match(
      form,
      /role="status">Clausule SOC-CLEAN-001 is toegevoegd aan uw bestekmodel\. <a href="\/nl\/tender">Naar uw bestekmodel \(1\)<\/a>/,
    );
    // Another clause of the results is still to add, and the confirmation is shown once only.
    const other = back.text.match(/id="clause-(SOC-CLEAN-\d+)"/g)!.map((m) => m.slice(11, -1));
    const notAdded = other.find((id) => id !== 'SOC-CLEAN-001')!;
    assert.match(addForm(back.text, notAdded), /data-selected="false"[\s\S]*name="action" value="add"/);
    const again = await agent.get(url);
    assert.doesNotMatch(again.text, /is toegevoegd aan uw bestekmodel/);
  });

  it('removes a clause with the "Added ✓ — remove" button and shows the add button again', async () => {
    const agent = request.agent(ctx.app);
    const url = '/fr/clauses/ENV-CLEAN-001';
    const page = await agent.get(url);
    await agent
      .post('/fr/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'ENV-CLEAN-001', return: url });
    assert.match(addForm((await agent.get(url)).text, 'ENV-CLEAN-001'), /data-selected="true"/);
    const removed = await agent
      .post('/fr/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'ENV-CLEAN-001', action: 'remove', return: url });
    assert.equal(removed.headers.location, `${url}#clause-ENV-CLEAN-001`);
    const after = await agent.get(url);
    assert.match(addForm(after.text, 'ENV-CLEAN-001'), /data-selected="false"/);
    assert.match(after.text, /La clause ENV-CLEAN-001 a été retirée/);
    assert.equal(counter(after.text), '');
  });

  it('answers a script with JSON: the new state, the count and the confirmation', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/categories/cleaning');
    const res = await agent
      .post('/nl/tender/selection')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'SOC-CLEAN-001', return: '/nl/categories/cleaning' });
    assert.equal(res.status, 200);
    assert.equal(res.body.id, 'SOC-CLEAN-001');
    assert.equal(res.body.selected, true);
    assert.equal(res.body.count, 1);
    assert.equal(res.body.templateHref, '/nl/tender');
    assert.match(res.body.message, /SOC-CLEAN-001 is toegevoegd/);
    const twice = await agent
      .post('/nl/tender/selection')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'SOC-CLEAN-001' });
    assert.equal(twice.body.kind, 'warn');
    assert.equal(twice.body.count, 1);
    assert.equal(
      (await ctx.db('usage_events').where({ kind: 'clause_added', clause_id: 'SOC-CLEAN-001' })).length >= 1,
      true,
    );
  });

  it('shows add buttons with their state on the category page, and links that lead back to it', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/categories/cleaning');
    await agent
      .post('/nl/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), clause: 'SOC-CLEAN-001', return: '/nl/categories/cleaning' });
    const after = await agent.get('/nl/categories/cleaning');
    assert.match(after.text, /<li id="clause-SOC-CLEAN-001" class="clause-list__item">/);
    assert.match(addForm(after.text, 'SOC-CLEAN-001'), /data-selected="true"/);
    assert.match(addForm(after.text, 'ENV-CLEAN-001'), /data-selected="false"/);
    assert.match(after.text, /href="\/nl\/clauses\/SOC-CLEAN-001\?category&#x3D;cleaning&amp;from&#x3D;category"/);
    const clause = await agent.get('/nl/clauses/SOC-CLEAN-001?category=cleaning&from=category');
    assert.match(
      clause.text,
      /class="breadcrumb"><a href="\/nl\/categories">Aankoopcategorieën<\/a> › <a href="\/nl\/categories\/cleaning#clause-SOC-CLEAN-001">Schoonmaak<\/a> › <code aria-current="page">SOC-CLEAN-001<\/code>/,
    );
  });

  it('shows the active filters as removable chips, their number on the filters disclosure, and the categories of the results as filter links', async () => {
    const res = await request(ctx.app).get('/nl/clauses?q=schoonmaak&theme=social&stage=performance');
    assert.match(
      res.text,
      /<a class="chip chip--remove" href="\/nl\/clauses\?q&#x3D;schoonmaak&amp;stage&#x3D;performance">Thema: Sociaal /,
    );
    assert.match(
      res.text,
      /<a class="chip chip--remove" href="\/nl\/clauses\?q&#x3D;schoonmaak&amp;theme&#x3D;social">Plaats in het bestek: Uitvoeringsvoorwaarde /,
    );
    assert.match(
      res.text,
      /<details class="facets" id="filters"[^>]*>\s*<summary[^>]*><span id="filters-heading">Filters<\/span> <span class="facets__count">\(2/,
    );
    assert.match(
      res.text,
      /<a class="chip" href="\/nl\/clauses\?q&#x3D;schoonmaak&amp;theme&#x3D;social&amp;category&#x3D;cleaning&amp;stage&#x3D;performance">Schoonmaak <span class="count">\(\d+\)/,
    );
    const plain = await request(ctx.app).get('/nl/clauses?q=schoonmaak');
    assert.doesNotMatch(plain.text, /chip--remove/);
    assert.doesNotMatch(plain.text, /facets__count/);
  });

  it('offers the category page and a tender with its basis clauses when one category is chosen', async () => {
    const res = await request(ctx.app).get('/fr/clauses?q=restauration%20scolaire&category=catering');
    assert.match(res.text, /class="category-banner">Catégorie Restauration et alimentation\u00a0:/);
    assert.match(
      res.text,
      /<a href="\/fr\/tender\/new\?category&#x3D;catering">commencer un cahier des charges avec les clauses de base<\/a>/,
    );
    assert.match(res.text, /<a href="\/fr\/categories\/catering">la page de la catégorie<\/a>/);
  });

  it('keeps the query and filters in the breadcrumb of a clause opened from the results', async () => {
    const results = await request(ctx.app).get('/nl/clauses?q=schoonmaak&theme=social');
    assert.match(results.text, /<h3><a href="\/nl\/clauses\/SOC-CLEAN-001\?q&#x3D;schoonmaak&amp;theme&#x3D;social">/);
    const clause = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001?q=schoonmaak&theme=social');
    assert.match(
      clause.text,
      /class="breadcrumb"><a href="\/nl\/clauses\?q&#x3D;schoonmaak&amp;theme&#x3D;social#clause-SOC-CLEAN-001">Zoekresultaten voor ‘schoonmaak’<\/a> › <code aria-current="page">SOC-CLEAN-001<\/code>/,
    );
    // The add form returns to the same URL, so the breadcrumb survives adding.
    assert.match(
      addForm(clause.text, 'SOC-CLEAN-001'),
      /name="return" value="\/nl\/clauses\/SOC-CLEAN-001\?q&#x3D;schoonmaak&amp;theme&#x3D;social"/,
    );
    const direct = await request(ctx.app).get('/fr/clauses/SOC-CLEAN-001');
    assert.match(direct.text, /class="breadcrumb"><a href="\/fr\/clauses">Clauses<\/a> › <code/);
  });

  it('explains the three levels on the results, clause, category and tender pages', async () => {
    for (const path of [
      '/nl/clauses?q=schoonmaak',
      '/nl/clauses/SOC-CLEAN-001',
      '/nl/categories/cleaning',
      '/nl/tender/new?category=cleaning',
    ]) {
      const res = await request(ctx.app).get(path);
      assert.match(
        res.text,
        /<details class="level-legend">\s*<summary>Wat betekenen basis, gevorderd en ambitieus\?<\/summary>/,
        path,
      );
      assert.match(res.text, /Het basiscriterium van de categorie \(maatregel MPDI 7/, path);
    }
    const fr = await request(ctx.app).get('/fr/clauses?q=nettoyage');
    assert.match(fr.text, /Que signifient base, avancé et ambitieux\u00a0\?/);
  });

  it('says which basis clauses a verified obligation imposes and which are the recommended base criterion', async () => {
    const required = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001');
    assert.match(
      required.text,
      /class="basis-status basis-status--required"><strong>Vereist door de regelgeving\.<\/strong> Opgelegd door: Omzendbrief van de Brusselse Hoofdstedelijke Regering van 26 november 2020/,
    );
    const recommended = await request(ctx.app).get('/fr/clauses/ENV-CLEAN-001');
    assert.match(
      recommended.text,
      /class="basis-status basis-status--recommended"><strong>Critère de base recommandé\.<\/strong>/,
    );
    const lots = await request(ctx.app).get('/nl/clauses/SME-CLEAN-001');
    assert.match(lots.text, /basis-status--required[\s\S]*Wet van 17 juni 2016 inzake overheidsopdrachten, art\. 58/);
    const advanced = await request(ctx.app).get('/nl/clauses/ENV-CLEAN-003');
    assert.doesNotMatch(advanced.text, /class="basis-status/);
  });

  it('lists the clauses with their level and basis status on the tender review', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'SOC-CLEAN-001');
    await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente Evere',
      title: 'Schoonmaak',
      procedure: 'open',
    });
    const review = await agent.get('/nl/tender/review');
    assert.equal(review.status, 200);
    assert.match(
      review.text,
      /<ul class="review-clauses"><li><a href="\/nl\/clauses\/SOC-CLEAN-001">[^<]+<\/a> <code>SOC-CLEAN-001<\/code> <span class="badge badge--level">Basis<\/span> <span class="basis-note">Vereist door de regelgeving\.<\/span>/,
    );
    assert.match(review.text, /class="level-legend"/);
  });
});
