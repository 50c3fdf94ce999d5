import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, signInAgent, tokenFor } from '../support/accounts';

const FRAMEWORK = {
  category: 'cleaning',
  title_nl: 'Raamovereenkomst schoonmaak van gewestelijke gebouwen',
  title_fr: 'Accord-cadre de nettoyage des bâtiments régionaux',
  scope_nl: 'Dagschoonmaak van kantoren.',
  scope_fr: 'Nettoyage de jour des bureaux.',
  cpv: '90911200 90919200',
  ends_on: '2028-06-30',
  who_may_join_nl: 'Alle Brusselse gemeenten en OCMW’s.',
  who_may_join_fr: 'Toutes les communes et CPAS bruxellois.',
  contact_email: 'centrale@example.brussels',
  clause_ids: 'SOC-CLEAN-001',
  sustainability_nl: 'Opleidingsclausule en ecolabel.',
  sustainability_fr: 'Clause de formation et écolabel.',
};

describe('market: purchasing centrals, figures and the public API', () => {
  let ctx: TestContext;
  const clock = new TestClock('2027-01-10T09:00:00Z');
  let coordinator: { email: string; password: string };
  let facilitator: { email: string; password: string };

  before(async () => {
    ctx = await createTestContext({}, clock);
    coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
  });
  after(async () => ctx.close());

  it('coordinators maintain centrals and frameworks; the category page and the tender form say which framework covers it', async () => {
    const denied = await signInAgent(ctx, facilitator.email, facilitator.password);
    assert.equal((await denied.get('/nl/staff/centrals')).status, 403);

    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    let token = await tokenFor(agent, '/nl/staff/centrals');
    const bad = await agent
      .post('/nl/staff/centrals')
      .type('form')
      .send({ _csrf: token, name_nl: 'X', level: 'local' });
    assert.equal(bad.status, 422);
    const saved = await agent.post('/nl/staff/centrals').type('form').send({
      _csrf: token,
      name_nl: 'Gewestelijke aankoopcentrale',
      name_fr: 'Centrale d’achat régionale',
      level: 'regional',
      website: 'https://centrale.example.brussels',
      contact_email: 'info@centrale.example.brussels',
    });
    assert.equal(saved.status, 303);
    const centralId = Number((await ctx.db('market_centrals').first()).id);
    token = await tokenFor(agent, '/nl/staff/centrals');
    const unknownClause = await agent
      .post(`/nl/staff/centrals/${centralId}/frameworks`)
      .type('form')
      .send({ ...FRAMEWORK, clause_ids: 'SOC-CLEAN-999', _csrf: token });
    assert.equal(unknownClause.status, 422);
    assert.match(unknownClause.text, /staat niet in de bibliotheek/);
    const added = await agent
      .post(`/nl/staff/centrals/${centralId}/frameworks`)
      .type('form')
      .send({ ...FRAMEWORK, _csrf: token });
    assert.equal(added.status, 303);

    const list = await request(ctx.app).get('/fr/centrals');
    assert.match(list.text, /Accord-cadre de nettoyage des bâtiments régionaux/);
    assert.match(list.text, /href="\/fr\/clauses\/SOC-CLEAN-001"/);
    const category = await request(ctx.app).get('/nl/categories/cleaning');
    assert.match(category.text, /Een raamovereenkomst van Gewestelijke aankoopcentrale dekt dit tot 30 juni 2028/);
    assert.doesNotMatch((await request(ctx.app).get('/nl/categories/catering')).text, /Een raamovereenkomst van/);
    const tender = await request(ctx.app).get('/fr/tender/new?category=cleaning');
    assert.equal(tender.status, 200);
    assert.match(
      tender.text,
      /Un accord-cadre de Centrale d’achat régionale couvre ce besoin jusqu(&#x27;|')au 30 juin 2028/,
    );

    clock.set('2028-07-01T09:00:00Z');
    assert.doesNotMatch(
      (await request(ctx.app).get('/nl/categories/cleaning')).text,
      /Een raamovereenkomst van/,
      'an ended framework is not shown',
    );
    clock.set('2027-01-10T09:00:00Z');
  });

  it('answers GET /api/v1/announcements, /events and /centrals publicly, described in OpenAPI', async () => {
    const now = new Date().toISOString();
    const [announcement] = await ctx
      .db('market_announcements')
      .insert({
        status: 'published',
        title: 'Catering voor de crèches',
        authority: 'OCMW Brussel',
        category: 'catering',
        cpv: '55520000',
        org_code: 'environment_brussels',
        value_range: 'gt_eu',
        quarter: '2027-Q3',
        lots: 3,
        consultation_planned: true,
        consultation_date: '2027-04-01',
        contact_email: 'aankoop@ocmw.example',
        description_nl: 'Biologische maaltijden.',
        submitter_email: 'private.person@ocmw.example',
        lang: 'nl',
        created_at: now,
        updated_at: now,
        published_at: now,
      })
      .returning('id');
    const announcements = await request(ctx.app).get('/api/v1/announcements?category=catering&quarter=2027-Q3');
    assert.equal(announcements.status, 200);
    assert.equal(announcements.body.announcements.length, 1);
    assert.equal(announcements.body.announcements[0].authority, 'OCMW Brussel');
    assert.doesNotMatch(JSON.stringify(announcements.body), /private\.person/, 'no personal data');
    assert.equal((await request(ctx.app).get('/api/v1/announcements?cpv=4500')).body.announcements.length, 0);
    assert.ok(announcement);

    const events = await request(ctx.app).get('/api/v1/events');
    assert.equal(events.status, 200);
    assert.deepEqual(events.body.events, []);
    const centrals = await request(ctx.app).get('/api/v1/centrals?lang=fr');
    assert.equal(centrals.body.centrals[0].name, 'Centrale d’achat régionale');
    assert.deepEqual(centrals.body.centrals[0].frameworks[0].cpv, ['90911200', '90919200']);

    const openapi = await request(ctx.app).get('/api/v1/openapi.json');
    for (const path of ['/announcements', '/events', '/centrals']) assert.ok(openapi.body.paths[path]?.get, path);
  });

  it('shows the market figures (counts only) to staff', async () => {
    const agent = await signInAgent(ctx, facilitator.email, facilitator.password);
    const page = await agent.get('/nl/staff/market/figures');
    assert.equal(page.status, 200);
    assert.match(page.text, /Geplande opdrachten per categorie en kwartaal/);
    assert.match(
      page.text,
      /<th scope="row">Catering en voeding<\/th><td>2027-Q3<\/td><td>1<\/td><td>1<\/td><td>100 %<\/td>/,
    );
    assert.equal(
      (await request(ctx.app).get('/nl/staff/market/figures')).status,
      303,
      'anonymous visitors sign in first',
    );
  });

  it('serves every public market page in Dutch and French with the navigation', async () => {
    for (const lang of ['nl', 'fr']) {
      for (const path of ['/market', '/market/announce', '/agenda', '/centrals']) {
        const res = await request(ctx.app).get(`/${lang}${path}`);
        assert.equal(res.status, 200, `${lang}${path}`);
        assert.match(res.text, new RegExp(`<html lang="${lang}">`));
        assert.match(res.text, new RegExp(`href="/${lang}/market"`));
        assert.match(res.text, new RegExp(`href="/${lang}/agenda"`));
        assert.doesNotMatch(res.text, /market\.[a-z_]+\.[a-z_]+/, `no untranslated key on ${lang}${path}`);
        if (path === '/market')
          assert.match(
            res.text,
            new RegExp(`<option value="${lang}" selected>`),
            'e-mails in the page language by default',
          );
      }
    }
  });
});
