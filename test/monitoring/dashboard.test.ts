import assert from 'node:assert/strict';
import path from 'node:path';
import request from 'supertest';
import type { CurrentUser } from '../../server/accounts/roles';
import { readLibrary } from '../../server/clauses/files';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom, currentUserOf, signInAgent } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';

const clock = new TestClock('2026-03-04T09:00:00Z');

describe('monitoring for the coordination cell', () => {
  let ctx: TestContext;
  let coordinator: request.Agent;
  let actirisAgent: request.Agent;
  let editorAgent: request.Agent;
  let actirisUser: CurrentUser;
  let observatoryUser: CurrentUser;

  const userOf = (id: number) => currentUserOf(ctx, id);

  before(async function () {
    this.timeout(60_000);
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const o = await createUser(ctx, { roles: ['facilitator'], org: 'price_observatory' });
    actirisUser = await userOf(a.id);
    observatoryUser = await userOf(o.id);
    await ctx
      .db('pilot_codes')
      .insert({ code: 'PILOT-M', description: 'x', active: true, created_at: clock.now().toISOString() });
    await ctx.db('usage_events').delete();
    await ctx.db('clause_feedback').delete();

    // T5: December 2025, outside the year 2026.
    clock.set('2025-12-15T09:00:00Z');
    await askViaApi(ctx, { theme: undefined });
    // T1: Wednesday 10:00 Brussels, answered 14:00 the same day (4 business hours), then closed.
    clock.set('2026-03-04T09:00:00Z');
    const t1 = await askViaApi(ctx, { theme: 'social', category: 'cleaning', stage: 'execution' });
    clock.set('2026-03-04T13:00:00Z');
    await ctx.deps.tickets.reply(t1.id, actirisUser, 'Antwoord');
    await ctx.deps.tickets.setObstacles(t1.id, actirisUser, ['extra_cost']);
    await ctx.deps.tickets.setStatus(t1.id, actirisUser, 'closed');
    // T2: a pilot, Friday 15:00, answered Monday 11:00 (2 + 2 business hours).
    clock.set('2026-03-06T14:00:00Z');
    const t2 = await askViaApi(ctx, {
      theme: 'social',
      category: 'cleaning',
      stage: 'preparation',
      pilotCode: 'PILOT-M',
    });
    clock.set('2026-03-09T10:00:00Z');
    await ctx.deps.tickets.reply(t2.id, actirisUser, 'Antwoord');
    await ctx.deps.tickets.setObstacles(t2.id, actirisUser, ['extra_cost', 'legal_admissibility']);
    // T3: Wednesday 10 June 10:00, answered Tuesday 16 June 10:00 (32 business hours), after its due time.
    clock.set('2026-06-10T08:00:00Z');
    const t3 = await askViaApi(ctx, { theme: 'anti_dumping', category: 'construction', stage: 'award' });
    clock.set('2026-06-16T08:00:00Z');
    await ctx.deps.tickets.reply(t3.id, observatoryUser, 'Antwoord');
    await ctx.deps.tickets.setObstacles(t3.id, observatoryUser, ['market_capacity']);
    await ctx.deps.tickets.linkClause(t3.id, observatoryUser, 'ENV-CLEAN-003', true, 'Onduidelijke formule');
    // T4: 2 November, never answered: overdue by the 20th.
    clock.set('2026-11-02T09:00:00Z');
    await askViaApi(ctx, { theme: 'environmental', category: undefined, stage: undefined });

    // Usage: views, an addition, feedback, two templates and an action plan.
    clock.set('2026-05-05T10:00:00Z');
    const buyer = request.agent(ctx.app);
    for (let i = 0; i < 3; i += 1) await buyer.get('/nl/clauses/SOC-CLEAN-001');
    const itPage = await buyer.get('/nl/clauses/ENV-IT-001');
    await buyer
      .post('/nl/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(itPage.text), clause: 'ENV-IT-001' });
    const page = await buyer.get('/nl/clauses/SOC-CLEAN-001');
    await buyer
      .post('/nl/clauses/SOC-CLEAN-001/feedback')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), kind: 'useful', comment: '' });
    const base = { lang: 'nl', authority: 'Gemeente', title: 'T', procedure: 'open' };
    assert.equal(
      (
        await request(ctx.app)
          .post('/api/v1/tender-documents')
          .send({ ...base, category: 'cleaning', level: 'basis', clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001'] })
      ).status,
      200,
    );
    assert.equal(
      (
        await request(ctx.app)
          .post('/api/v1/tender-documents')
          .send({ ...base, category: 'it', level: 'advanced', clauseIds: ['ENV-IT-001'] })
      ).status,
      200,
    );
    assert.equal(
      (
        await request(ctx.app)
          .post('/api/v1/action-plans')
          .send({ lang: 'fr', authority: 'CPAS', categories: ['catering', 'cleaning'] })
      ).status,
      200,
    );

    clock.set('2026-11-20T10:00:00Z');
    const c = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const e = await createUser(ctx, { roles: ['editor'] });
    coordinator = await signInAgent(ctx, c.email, c.password);
    actirisAgent = await signInAgent(ctx, a.email, a.password);
    editorAgent = await signInAgent(ctx, e.email, e.password);
  });
  after(async () => ctx.close());

  const stats = async (query = { from: '2026-01-01', to: '2026-12-31' }) => {
    const res = await coordinator.get('/api/v1/stats').query(query);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  it('counts tickets received, answered and open, pilots apart', async () => {
    const s = await stats();
    assert.deepEqual(s.period, { kind: 'custom', from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual([s.tickets.received, s.tickets.answered, s.tickets.open], [4, 3, 3]);
    assert.deepEqual(s.tickets.pilot, { received: 1, answered: 1, open: 1 });
    assert.deepEqual(s.tickets.nonPilot, { received: 3, answered: 2, open: 2 });
  });

  it('breaks tickets down by theme, organisation, category, stage and obstacle', async () => {
    const s = await stats();
    assert.deepEqual(s.tickets.byTheme, [
      { key: 'social', received: 2, answered: 2, open: 1 },
      { key: 'anti_dumping', received: 1, answered: 1, open: 1 },
      { key: 'environmental', received: 1, answered: 0, open: 1 },
    ]);
    assert.deepEqual(s.tickets.byOrganisation, [
      { key: 'actiris', received: 2, answered: 2, open: 1 },
      { key: 'environment_brussels', received: 1, answered: 0, open: 1 },
      { key: 'price_observatory', received: 1, answered: 1, open: 1 },
    ]);
    assert.deepEqual(s.tickets.byCategory, [
      { key: 'cleaning', received: 2, answered: 2, open: 1 },
      { key: 'construction', received: 1, answered: 1, open: 1 },
      { key: 'none', received: 1, answered: 0, open: 1 },
    ]);
    assert.deepEqual(
      s.tickets.byStage.map((b: { key: string }) => b.key),
      ['award', 'execution', 'none', 'preparation'],
    );
    assert.deepEqual(s.tickets.byObstacle, [
      { key: 'extra_cost', received: 2 },
      { key: 'legal_admissibility', received: 1 },
      { key: 'market_capacity', received: 1 },
    ]);
  });

  it('measures first-response times in business hours per organisation', async () => {
    const s = await stats();
    assert.deepEqual(s.responseTimes, [
      {
        organisation: 'actiris',
        answered: 2,
        medianHours: 4,
        p90Hours: 4,
        withinDue: 2,
        decided: 2,
        shareWithinDue: 1,
      },
      {
        organisation: 'environment_brussels',
        answered: 0,
        medianHours: null,
        p90Hours: null,
        withinDue: 0,
        decided: 1,
        shareWithinDue: 0,
      },
      {
        organisation: 'price_observatory',
        answered: 1,
        medianHours: 32,
        p90Hours: 32,
        withinDue: 0,
        decided: 1,
        shareWithinDue: 0,
      },
    ]);
  });

  it('follows obstacles month by month, with their trend', async () => {
    const s = await stats();
    assert.equal(s.obstaclesOverTime.buckets.length, 12);
    assert.equal(s.obstaclesOverTime.buckets[2], '2026-03');
    const byName = Object.fromEntries(s.obstaclesOverTime.series.map((x: { obstacle: string }) => [x.obstacle, x]));
    assert.deepEqual(byName.extra_cost.counts, [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(byName.market_capacity.counts, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    assert.equal(byName.extra_cost.trend, 'shrinking');
  });

  it('lists clauses most viewed, added, commented and reported, and those not reviewed for a year', async () => {
    const s = await stats();
    assert.deepEqual(s.clauses.mostViewed, [
      { id: 'SOC-CLEAN-001', count: 4 },
      { id: 'ENV-IT-001', count: 1 },
    ]);
    assert.deepEqual(s.clauses.mostAdded, [{ id: 'ENV-IT-001', count: 1 }]);
    assert.deepEqual(s.clauses.mostFeedback, [{ id: 'SOC-CLEAN-001', count: 1 }]);
    assert.deepEqual(s.clauses.mostProblemLinks, [{ id: 'ENV-CLEAN-003', count: 1 }]);
    const expected = readLibrary(path.resolve(import.meta.dirname, '../../clauses'))
      .clauses.filter((c) => c.status === 'published' && c.reviewed < '2025-11-20')
      .map((c) => c.id)
      .sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(s.clauses.notReviewedForAYear.map((c: { id: string }) => c.id).sort(), expected);
  });

  it('counts tender templates and action plans by category, theme and level', async () => {
    const s = await stats();
    assert.equal(s.documents.templates, 2);
    assert.deepEqual(s.documents.templatesByCategory, [
      { key: 'cleaning', count: 1 },
      { key: 'it', count: 1 },
    ]);
    assert.deepEqual(s.documents.templatesByTheme, [
      { key: 'environmental', count: 2 },
      { key: 'social', count: 1 },
    ]);
    assert.deepEqual(s.documents.templatesByLevel, [
      { key: 'advanced', count: 1 },
      { key: 'basis', count: 1 },
    ]);
    assert.equal(s.documents.actionPlans, 1);
    assert.deepEqual(s.documents.actionPlansByCategory, [
      { key: 'catering', count: 1 },
      { key: 'cleaning', count: 1 },
    ]);
  });

  it('applies the period filter: the current calendar year by default, custom dates, a quarter on the page', async () => {
    const byDefault = await coordinator.get('/api/v1/stats');
    assert.deepEqual(byDefault.body.period, { kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    assert.equal(byDefault.body.tickets.received, 4);
    const december = await stats({ from: '2025-12-01', to: '2025-12-31' });
    assert.equal(december.tickets.received, 1);
    assert.deepEqual(december.tickets.byOrganisation, [
      { key: 'coordination_cell', received: 1, answered: 0, open: 1 },
    ]);
    const march = await stats({ from: '2026-03-01', to: '2026-03-31' });
    assert.equal(march.tickets.received, 2);
    assert.equal(march.obstaclesOverTime.buckets.length, 5, 'weekly buckets for a month');
    const page = await coordinator.get('/nl/staff/monitoring').query({ period: 'quarter', year: '2026', quarter: '2' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<th scope="row">Alle vragen<\/th><td>1<\/td><td>1<\/td><td>1<\/td>/);
    const bad = await coordinator.get('/api/v1/stats').query({ from: '2026-13-01', to: '2026-01-01' });
    assert.equal(bad.status, 422);
  });

  it('draws each figure as accessible SVG beside a table, in both languages', async () => {
    const nl = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    assert.match(
      nl.text,
      /<svg[^>]*role="img" aria-labelledby="chart-tickets_by_theme-title chart-tickets_by_theme-desc"><title id="chart-tickets_by_theme-title">Vragen per thema<\/title>/,
    );
    assert.match(nl.text, /<th scope="row">Sociaal<\/th><td>2<\/td><td>2<\/td><td>1<\/td>/);
    const fr = await coordinator.get('/fr/staff/monitoring').query({ period: 'year', year: '2026' });
    assert.match(fr.text, /<title id="chart-tickets_by_theme-title">Questions par thème<\/title>/);
    assert.match(fr.text, /Délai de première réponse par organisation/);
  });

  it('offers every figure as CSV', async () => {
    const csv = await coordinator
      .get('/nl/staff/monitoring/response_times.csv')
      .query({ period: 'year', year: '2026' });
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'], /text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      'Organisatie,Aandeel binnen de termijn (%),Mediaan (uren),90e percentiel (uren),Beantwoord,Binnen de termijn,Beantwoord of vervallen',
    );
    assert.equal(lines[1], 'Actiris,100,4,4,2,2,2');
    assert.equal(lines[3], 'Observatorium van de referentieprijzen,0,32,32,1,0,1');
    const page = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    const keys = [...page.text.matchAll(/href="\/nl\/staff\/monitoring\/([a-z_]+)\.csv/g)].map((m) => m[1]);
    assert.equal(keys.length, 18);
    for (const key of keys)
      assert.equal(
        (await coordinator.get(`/nl/staff/monitoring/${key}.csv`).query({ period: 'year', year: '2026' })).status,
        200,
        key,
      );
  });

  /** The headline strip's cards as label → [value, note], read from the page. */
  const glance = (html: string): Record<string, [string, string]> =>
    Object.fromEntries(
      [
        ...html.matchAll(
          /data-headline="([a-z_]+)">\s*<span class="glance__label">[^<]*<\/span>\s*<strong class="glance__value">([^<]*)<\/strong>\s*<span class="glance__note">([^<]*)<\/span>/g,
        ),
      ].map((m) => [m[1], [m[2], m[3].replace(/&#x3D;/g, '=')]]),
    );

  it('opens with a headline strip: open and overdue now, on time, median first response, volume and trend', async () => {
    // Now (20 November): T2, T3, T4 and last year's T5 are open; T4 and T5 have no answer past their due time.
    // In 2026: T1 and T2 answered in time, T3 late, T4 past due (2 of 4); first responses of 4, 4 and 32 hours.
    const year = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    assert.deepEqual(glance(year.text), {
      open: ['4', 'nu, ongeacht wanneer ze binnenkwamen'],
      overdue: ['2', 'nu zonder eerste antwoord na de termijn'],
      on_time: ['50 %', 'van de vragen uit deze periode die beantwoord of vervallen zijn'],
      median: ['4 werkuren', 'vragen uit deze periode, in werkuren'],
      received: ['4', '↑ 3 meer dan de vorige periode (1)'],
    });
    assert.ok(year.text.indexOf('data-headline="open"') < year.text.indexOf('id="tickets_summary"'), 'strip first');
    // The second quarter holds T3 only (late, 32 hours); the first held T1 and T2.
    const q2 = await coordinator.get('/fr/staff/monitoring').query({ period: 'quarter', year: '2026', quarter: '2' });
    const fr = glance(q2.text);
    assert.equal(fr.on_time[0], '0 %');
    assert.equal(fr.median[0], '32 heures ouvrables');
    assert.deepEqual(fr.received, ['1', '↓ 1 de moins que la période précédente (2)']);
  });

  it('limits the headline to a facilitator’s organisation', async () => {
    const page = await actirisAgent.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    const cards = glance(page.text);
    assert.deepEqual([cards.open[0], cards.overdue[0], cards.on_time[0], cards.received[0]], ['1', '0', '100 %', '2']);
  });

  it('groups the figures under headings with a contents list, clause ids beside their titles', async () => {
    const page = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    for (const group of ['helpdesk', 'obstacles', 'clauses', 'documents', 'observatory']) {
      assert.match(page.text, new RegExp(`<section class="figure-group" id="group-${group}"`), group);
      assert.match(page.text, new RegExp(`<a href="#group-${group}">`), `${group} in the contents`);
    }
    const helpdesk = page.text.indexOf('id="group-helpdesk"');
    const obstacles = page.text.indexOf('id="group-obstacles"');
    assert.ok(
      helpdesk < page.text.indexOf('id="response_times"') && page.text.indexOf('id="response_times"') < obstacles,
    );
    assert.match(
      page.text,
      /<th scope="row">SOC-CLEAN-001<\/th><td>Opleiding van werkzoekenden tijdens de uitvoering van de schoonmaakopdracht<\/td><td>4<\/td>/,
    );
    assert.match(page.text, /<th scope="col">Organisatie<\/th><th scope="col">Aandeel binnen de termijn \(%\)<\/th>/);
  });

  it('shows only the fields of the chosen period type, the others hidden and not sent', async () => {
    const field = (html: string, id: string) => {
      const match = new RegExp(
        `<div class="field"[^>]*?( hidden)?><label for="${id}">[\\s\\S]*?id="${id}"[^>]*?( disabled)?>`,
      ).exec(html);
      assert.ok(match, `no field ${id}`);
      return match[1] || match[2] ? 'hidden' : 'shown';
    };
    const fields = (html: string) => ['year', 'month', 'quarter', 'from', 'to'].map((id) => field(html, id));
    const quarter = await coordinator
      .get('/nl/staff/monitoring')
      .query({ period: 'quarter', year: '2026', quarter: '2' });
    assert.deepEqual(fields(quarter.text), ['shown', 'hidden', 'shown', 'hidden', 'hidden']);
    const custom = await coordinator
      .get('/nl/staff/monitoring')
      .query({ period: 'custom', from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual(fields(custom.text), ['hidden', 'hidden', 'hidden', 'shown', 'shown']);
    const month = await coordinator.get('/nl/staff/monitoring').query({ period: 'month', year: '2026', month: '3' });
    assert.deepEqual(fields(month.text), ['shown', 'shown', 'hidden', 'hidden', 'hidden']);
    // A custom period with a mistake keeps its own fields on screen, so that the error can be fixed.
    const wrong = await coordinator
      .get('/nl/staff/monitoring')
      .query({ period: 'custom', from: '2026-02-30', to: '2026-03-31' });
    assert.equal(wrong.status, 422);
    assert.deepEqual(fields(wrong.text), ['hidden', 'hidden', 'hidden', 'shown', 'shown']);
  });

  it('shows a facilitator only their organisation’s tickets, and keeps the API for coordinators', async () => {
    const page = await actirisAgent.get('/nl/staff/monitoring').query({ period: 'year', year: '2026' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<th scope="row">Alle vragen<\/th><td>2<\/td><td>2<\/td><td>1<\/td>/);
    assert.doesNotMatch(page.text, /Observatorium van de referentieprijzen<\/th>/);
    assert.equal((await actirisAgent.get('/api/v1/stats')).status, 403);
    assert.equal((await editorAgent.get('/nl/staff/monitoring')).status, 403);
    assert.equal((await request(ctx.app).get('/api/v1/stats')).status, 401);
    assert.equal((await request(ctx.app).get('/nl/staff/monitoring')).status, 303);
  });

  it('records usage without personal data', async () => {
    const columns = Object.keys((await ctx.db('usage_events').first())!).sort();
    assert.deepEqual(columns, ['category', 'clause_id', 'created_at', 'document_id', 'id', 'kind', 'level', 'theme']);
  });
});
