import assert from 'node:assert/strict';
import request from 'supertest';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';
import { TestClock } from '../support/clock';
import { createTestContext, type TestContext } from '../support/context';
import { askViaApi } from '../support/helpdesk';

describe('satisfaction rating on the tracking page', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-16T09:00:00Z');
  let facilitatorLogin: { email: string; password: string };
  let coordinatorLogin: { email: string; password: string };
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    facilitatorLogin = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    coordinatorLogin = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
  });
  after(async () => ctx.close());

  const answer = async (id: number) => {
    const agent = await signInAgent(ctx, facilitatorLogin.email, facilitatorLogin.password);
    const csrf = await tokenFor(agent, `/nl/staff/tickets/${id}`);
    const res = await agent
      .post(`/nl/staff/tickets/${id}/reply`)
      .type('form')
      .send({ _csrf: csrf, body: 'Gebruik het kwartaaloverzicht.' });
    assert.equal(res.status, 303);
  };

  const rate = async (token: string, fields: Record<string, string>, lang = 'nl') => {
    const buyer = request.agent(ctx.app);
    const page = await buyer.get(`/${lang}/helpdesk/track/${token}`);
    return buyer
      .post(`/${lang}/helpdesk/track/${token}/rating`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), ...fields });
  };

  it('offers no rating before an answer, and refuses one posted anyway', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const page = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.doesNotMatch(page.text, /name="score"/);
    const res = await rate(t.token, { score: '4' });
    assert.equal(res.status, 409);
    assert.match(res.text, /zodra de helpdesk heeft geantwoord/);
    assert.equal((await ctx.db('ticket_ratings').where({ ticket_id: t.id })).length, 0);
  });

  it('takes a rating 1–5 with a comment once an answer came, without JavaScript, once per ticket', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    await answer(t.id);
    const page = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.match(
      page.text,
      /<fieldset[^>]*>\s*<legend>Hoe tevreden bent u over het antwoord van de helpdesk\?<\/legend>/,
    );
    assert.equal((page.text.match(/type="radio" name="score"/g) ?? []).length, 5);

    const res = await rate(t.token, { score: '4', comment: 'Duidelijk, maar wat laat.' });
    assert.equal(res.status, 303);
    const row = await ctx.db('ticket_ratings').where({ ticket_id: t.id }).first();
    assert.equal(Number(row.score), 4);
    assert.equal(row.comment, 'Duidelijk, maar wat laat.');

    const after = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.match(after.text, /U gaf het antwoord 4 op 5/);
    assert.doesNotMatch(after.text, /name="score"/);
    const again = await rate(t.token, { score: '1' });
    assert.equal(again.status, 409);
    assert.equal(Number((await ctx.db('ticket_ratings').where({ ticket_id: t.id }).first()).score), 4);
  });

  it('names the missing score and keeps the typed comment; refuses a comment over the limit', async () => {
    const t = await askViaApi(ctx, { theme: 'social', lang: 'fr' });
    await answer(t.id);
    let res = await rate(t.token, { comment: 'Très utile' }, 'fr');
    assert.equal(res.status, 422);
    assert.match(res.text, /Satisfaction[ \u00a0]: choisissez une note de 1 à 5/);
    assert.match(res.text, />Très utile<\/textarea>/);
    res = await rate(t.token, { score: '9', comment: 'x' }, 'fr');
    assert.equal(res.status, 422);
    const long = 'a'.repeat(2001);
    res = await rate(t.token, { score: '5', comment: long }, 'fr');
    assert.equal(res.status, 422);
    assert.match(res.text, /Commentaire[ \u00a0]: 2000 caractères au maximum/);
    assert.ok(res.text.includes(`>${long}</textarea>`));
    assert.match(res.text, /value="5" checked/);
  });

  it('counts ratings in monitoring: average and count per period, on the dashboard and in GET /api/v1/stats', async () => {
    clock.set('2027-02-01T09:00:00Z');
    for (const score of ['5', '2', '5']) {
      const t = await askViaApi(ctx, { theme: 'social' });
      await answer(t.id);
      assert.equal((await rate(t.token, { score })).status, 303);
    }
    const coordinator = await signInAgent(ctx, coordinatorLogin.email, coordinatorLogin.password);
    const api = await coordinator.get('/api/v1/stats').query({ from: '2027-01-01', to: '2027-12-31' });
    assert.equal(api.status, 200);
    assert.deepEqual(api.body.satisfaction, {
      rated: 3,
      average: 4,
      byScore: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 0 },
        { score: 5, count: 2 },
      ],
    });
    const page = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '2027' });
    assert.match(page.text, /Tevredenheid van de vragers: 3 oordelen, gemiddeld 4 op 5/);
    assert.match(page.text, /<th scope="row">5 – zeer tevreden<\/th><td>2<\/td>/);
    const fr = await coordinator.get('/fr/staff/monitoring').query({ period: 'year', year: '2026' });
    assert.match(fr.text, /Satisfaction des demandeurs[ \u00a0]: 1 avis, en moyenne 4 sur 5/);
  });

  it('exports the rating with the ticket, and retention and erasure remove its comment', async () => {
    clock.set('2027-03-01T09:00:00Z');
    const t = await askViaApi(ctx, { theme: 'social', email: 'tevreden@example.org' });
    await answer(t.id);
    await rate(t.token, { score: '3', comment: 'Mijn naam is Tevreden.' });
    const exported = await ctx.deps.privacy.export('tevreden@example.org', 1);
    assert.deepEqual((exported.tickets[0] as { rating: unknown }).rating, {
      score: 3,
      comment: 'Mijn naam is Tevreden.',
      at: '2027-03-01T09:00:00.000Z',
    });
    await ctx.deps.privacy.erase('tevreden@example.org', 1);
    const row = await ctx.db('ticket_ratings').where({ ticket_id: t.id }).first();
    assert.equal(row.comment, null);
    assert.equal(Number(row.score), 3, 'the anonymous score stays for the figures');

    const old = await askViaApi(ctx, { theme: 'social', email: 'oud@example.org' });
    await answer(old.id);
    await rate(old.token, { score: '2', comment: 'Te traag.' });
    await ctx.db('tickets').where({ id: old.id }).update({ status: 'closed', closed_at: '2027-03-01T10:00:00.000Z' });
    clock.set('2029-04-01T09:00:00Z');
    assert.ok((await ctx.deps.privacy.applyRetention(24)) >= 1);
    assert.equal((await ctx.db('ticket_ratings').where({ ticket_id: old.id }).first()).comment, null);
  });
});
