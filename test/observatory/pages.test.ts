import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import { readLibrary } from '../../server/clauses/files';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';
import { TestClock } from '../support/clock';
import { createTestContext, type TestContext } from '../support/context';
import { askViaApi } from '../support/helpdesk';
import { BILLION_LAUGHS, externalEntityNotice, fixture, scenarioDocuments, variant } from '../support/notices';

const library = readLibrary(path.resolve(import.meta.dirname, '../../clauses'));
const clock = new TestClock('2026-11-20T10:00:00Z');

describe('the observatory pages', () => {
  let ctx: TestContext;
  let coordinator: request.Agent;
  let actiris: request.Agent;
  let editor: request.Agent;
  const year = { period: 'year', year: '2026' };

  before(async function () {
    this.timeout(60_000);
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    await ctx.deps.observatory.importer.importDocuments(scenarioDocuments());
    const c = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const e = await createUser(ctx, { roles: ['editor'] });
    coordinator = await signInAgent(ctx, c.email, c.password);
    actiris = await signInAgent(ctx, a.email, a.password);
    editor = await signInAgent(ctx, e.email, e.password);
  });
  after(async () => ctx.close());

  it('shows coordinators the figures per category in Dutch and in French', async () => {
    const nl = await coordinator.get('/nl/staff/observatory').query(year);
    assert.equal(nl.status, 200);
    assert.match(nl.text, /<h1>Observatorium van de overheidsopdrachten<\/h1>/);
    assert.match(
      nl.text,
      /Regio BE100 \(Arr\. de Bruxelles-Capitale\/Arr\. Brussel-Hoofdstad\), aankondigingen gepubliceerd van/,
    );
    // All: 4 procedures, env-imp 2 (50 %), soc-obj 2, inn-pur 1 (25 %), GPP 1, reserved 1, non-price 33,8 %, 1 without.
    assert.match(
      nl.text,
      /<th scope="row">Alle categorieën<\/th><td>4<\/td><td>50 %<\/td><td>50 %<\/td><td>25 %<\/td><td>25 %<\/td><td>25 %<\/td><td>33,8<\/td><td>1<\/td>/,
    );
    assert.match(nl.text, /<th scope="row">Schoonmaak[^<]*<\/th><td>2<\/td><td>50 %<\/td><td>0 %<\/td>/);
    const fr = await coordinator.get('/fr/staff/observatory').query(year);
    assert.equal(fr.status, 200);
    assert.match(fr.text, /<h1>Observatoire des marchés publics<\/h1>/);
    assert.match(fr.text, /<th scope="row">Toutes les catégories<\/th><td>4<\/td>/);
    assert.match(fr.text, /Ce qui aurait pu être demandé/);
  });

  it('lists the procedures without any sustainability aspect with the basis clauses and a tender link', async () => {
    const page = await coordinator.get('/nl/staff/observatory').query(year);
    assert.match(page.text, /1 procedure zonder duurzaamheidsaspect/);
    assert.match(page.text, /<th scope="row">Rouen Habitat<\/th>/);
    assert.match(page.text, /Aankondiging gegunde opdracht – algemene richtlijn, standaardregeling/);
    const cleaningBasis = library.clauses.filter(
      (c) => c.status === 'published' && c.level === 'basis' && c.categories.includes('cleaning'),
    );
    for (const clause of cleaningBasis) assert.match(page.text, new RegExp(`href="/nl/clauses/${clause.id}"`));
    assert.match(page.text, /href="\/nl\/tender\/new\?category&#x3D;cleaning&amp;level&#x3D;basis"/);
    const tender = await coordinator.get('/nl/tender/new?category=cleaning&level=basis');
    assert.equal(tender.status, 200);
    for (const clause of cleaningBasis) assert.match(tender.text, new RegExp(`value="${clause.id}"[^>]*checked`));
  });

  it('offers the same figures as CSV', async () => {
    const csv = await coordinator.get('/nl/staff/observatory/figures.csv').query(year);
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'], /text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'Categorie,Procedures,Milieu (%),Sociaal (%),Innovatie (%),GPP-criteria (%),Voorbehouden (%),Gewicht buiten de prijs (%),Zonder duurzaamheidsaspect',
    );
    assert.equal(lines[1], 'Alle categorieën,4,50,50,25,25,25,33.8,1');
    const [{ n: categoryCount }] = await ctx.db('categories').count({ n: '*' });
    assert.equal(lines.length, 1 + 1 + Number(categoryCount));
  });

  it('shows facilitators the categories of their themes, and keeps others out', async () => {
    const social = new Set(
      library.clauses
        .filter((c) => c.status === 'published' && c.level === 'basis' && c.theme === 'social')
        .flatMap((c) => c.categories),
    );
    const page = await actiris.get('/nl/staff/observatory').query(year);
    assert.equal(page.status, 200);
    assert.match(page.text, /basisclausules van uw thema/);
    const csv = await actiris.get('/nl/staff/observatory/figures.csv').query(year);
    assert.equal(csv.text.trim().split('\r\n').length, 2 + social.size);
    assert.equal((await actiris.get('/nl/staff/observatory/import')).status, 403);
    assert.equal((await editor.get('/nl/staff/observatory')).status, 403);
    assert.equal((await request(ctx.app).get('/nl/staff/observatory')).status, 303);
    assert.equal((await coordinator.get('/nl/staff/observatory').query({ region: 'nowhere!' })).status, 422);
  });

  it('imports uploaded notices for coordinators, with CSRF, naming each refused file', async () => {
    const token = await tokenFor(coordinator, '/nl/staff/observatory/import');
    const noToken = await coordinator
      .post('/nl/staff/observatory/import')
      .attach('notices', Buffer.from(fixture('cn_24_minimal.xml')), 'cn.xml');
    assert.equal(noToken.status, 403);
    const before = await ctx.deps.observatory.repo.count();
    const res = await coordinator
      .post('/nl/staff/observatory/import')
      .field('_csrf', token)
      .attach('notices', Buffer.from(variant('cn_24_minimal.xml', { id: 'upload-1' })), 'nieuw.xml')
      .attach('notices', Buffer.from(fixture('INVALID_cn_24_empty.xml')), 'INVALID_cn_24_empty.xml')
      .attach('notices', Buffer.from(BILLION_LAUGHS), 'laughs.xml')
      .attach('notices', Buffer.from(externalEntityNotice()), 'xxe.xml');
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.match(res.text, /Toegevoegd: <strong>1<\/strong>/);
    assert.match(res.text, /Geweigerd: <strong>3<\/strong>/);
    assert.match(res.text, /<code>INVALID_cn_24_empty\.xml<\/code>: De identificatie van de aankondiging \(BT-701/);
    assert.match(res.text, /<code>laughs\.xml<\/code>: het bestand bevat een DOCTYPE/);
    assert.match(res.text, /<code>xxe\.xml<\/code>: het bestand bevat een DOCTYPE/);
    assert.equal(await ctx.deps.observatory.repo.count(), before + 1);
    assert.doesNotMatch(JSON.stringify(await ctx.db('notices').select('record')), /root:/, 'no file content leaked');

    const fr = await coordinator
      .post('/fr/staff/observatory/import')
      .field('_csrf', await tokenFor(coordinator, '/fr/staff/observatory/import'));
    assert.equal(fr.status, 422);
    assert.match(fr.text, /Choisissez au moins un fichier XML\./);
  });

  it('refuses an upload of 50 MB or more without effect', async function () {
    this.timeout(30_000);
    const before = await ctx.deps.observatory.repo.count();
    const token = await tokenFor(coordinator, '/nl/staff/observatory/import');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('<ContractNotice>', 0);
    const res = await coordinator
      .post('/nl/staff/observatory/import')
      .field('_csrf', token)
      .attach('notices', big, 'big.xml');
    assert.equal(res.status, 200);
    assert.match(res.text, /<code>big\.xml<\/code>: het bestand is 50 MB of groter/);
    assert.equal(await ctx.deps.observatory.repo.count(), before);
  });

  it('puts the helpdesk questions per category beside the published notices on the monitoring dashboard', async () => {
    clock.set('2026-03-04T09:00:00Z');
    await askViaApi(ctx, { theme: 'social', category: 'cleaning', stage: 'execution' });
    await askViaApi(ctx, { theme: 'social', category: 'cleaning', stage: 'execution' });
    await askViaApi(ctx, { theme: 'environmental', category: 'construction', stage: 'award' });
    clock.set('2026-11-20T10:00:00Z');
    const page = await coordinator.get('/nl/staff/monitoring').query(year);
    assert.equal(page.status, 200);
    assert.match(page.text, /Vragen aan de helpdesk en gepubliceerde aankondigingen/);
    // Cleaning: 2 questions, 2 Brussels procedures, 1 with an aspect; construction: 1 question, 2 of 2.
    assert.match(page.text, /<th scope="row">Schoonmaak[^<]*<\/th><td>2<\/td><td>2<\/td><td>50 %<\/td>/);
    assert.match(page.text, /<th scope="row">Bouw[^<]*<\/th><td>1<\/td><td>2<\/td><td>100 %<\/td>/);
    assert.match(page.text, /href="\/nl\/staff\/observatory\?period=year/);
    const fr = await coordinator.get('/fr/staff/monitoring').query(year);
    assert.match(fr.text, /Questions au helpdesk et avis publiés/);
    assert.ok(csrfFrom(fr.text));
  });
});
