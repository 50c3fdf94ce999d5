import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { csrfFrom } from '../support/accounts';
import { askViaApi, QUESTION } from '../support/helpdesk';

describe('helpdesk for buyers', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-18T09:00:00Z');
  before(async () => {
    ctx = await createTestContext(
      { TICKET_RATE_LIMIT: '3', TRUST_PROXY: '1', PUBLIC_URL: 'https://marches.example.brussels' },
      clock,
    );
  });
  after(async () => ctx.close());

  it('POST /api/v1/tickets answers 201 with a reference and a tracking URL', async () => {
    const res = await request(ctx.app).post('/api/v1/tickets').set('X-Forwarded-For', '198.51.100.1').send(QUESTION);
    assert.equal(res.status, 201);
    assert.match(res.body.reference, /^HD-2026-\d{5}$/);
    assert.match(
      res.body.trackingUrl,
      /^https:\/\/marches\.example\.brussels\/nl\/helpdesk\/track\/[A-Za-z0-9_-]{40,}$/,
    );
  });

  it('numbers references in sequence within the year', async () => {
    const a = await askViaApi(ctx, {});
    const b = await askViaApi(ctx, {});
    assert.equal(Number(b.reference.slice(-5)), Number(a.reference.slice(-5)) + 1);
  });

  it('answers 422 naming each bad field, in the requested language', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tickets')
      .send({ question: 'kort', theme: 'weather', stage: 'never', email: 'not-an-email', lang: 'fr' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'validation_failed');
    const byField = Object.fromEntries(
      res.body.error.details.map((d: { field: string; message: string }) => [d.field, d.message]),
    );
    assert.deepEqual(Object.keys(byField).sort(), ['email', 'name', 'organisation', 'question', 'stage', 'theme']);
    assert.equal(byField.question, 'Au moins 10 caractères.');
    assert.equal(byField.email, 'Indiquez une adresse e-mail valable.');
  });

  it('stores only a hash of the tracking token; the right token opens the ticket, a wrong one is 404', async () => {
    const { token, id } = await askViaApi(ctx);
    const stored = await ctx.db('ticket_tokens').where({ ticket_id: id });
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0].token_hash, token);
    const page = await request(ctx.app).get(`/nl/helpdesk/track/${token}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /schoonmaakopdracht/);
    assert.equal(page.headers['cache-control'], 'no-store');
    const wrong = await request(ctx.app).get(`/nl/helpdesk/track/${token.slice(0, -3)}xyz`);
    assert.equal(wrong.status, 404);
    assert.equal((await request(ctx.app).get('/fr/helpdesk/track/short')).status, 404);
  });

  it('sends a confirmation e-mail in the requester language with the tracking link', async () => {
    const { reference, token } = await askViaApi(ctx, {
      lang: 'fr',
      email: 'claire@cpas.example',
      question: 'Comment vérifier les heures de formation dans un marché de nettoyage ?',
    });
    const [mail] = await ctx.deps.mailer.outbox(1, 'claire@cpas.example');
    assert.equal(mail.subject, `Votre question ${reference} a été reçue`);
    assert.ok(mail.body?.includes(`/fr/helpdesk/track/${token}`));
    assert.equal(mail.lang, 'fr');
  });

  it('takes the question form without JavaScript, ignores a robot and needs the privacy notice read', async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get('/fr/helpdesk');
    assert.match(form.text, /name="website"/, 'honeypot field');
    assert.match(form.text, /Vos données/);
    const fields = { ...QUESTION, lang: undefined, theme: 'unknown', _csrf: csrfFrom(form.text) };
    const noPrivacy = await agent.post('/fr/helpdesk').set('X-Forwarded-For', '198.51.100.7').type('form').send(fields);
    assert.equal(noPrivacy.status, 422);
    assert.match(noPrivacy.text, /Confirmez que vous avez lu/);
    assert.match(noPrivacy.text, /Hoe controleer ik het percentage/, 'the question typed is kept');
    const before = Number((await ctx.db('tickets').count({ n: '*' }))[0].n);
    const robot = await agent
      .post('/fr/helpdesk')
      .set('X-Forwarded-For', '198.51.100.7')
      .type('form')
      .send({ ...fields, privacy: 'yes', website: 'http://spam.example' });
    assert.equal(robot.status, 200);
    assert.equal(Number((await ctx.db('tickets').count({ n: '*' }))[0].n), before, 'nothing stored for a robot');
    const sent = await agent
      .post('/fr/helpdesk')
      .set('X-Forwarded-For', '198.51.100.7')
      .type('form')
      .send({ ...fields, privacy: 'yes' });
    assert.equal(sent.status, 303);
    const tracking = await agent.get(sent.headers.location);
    assert.match(tracking.text, /Votre question a été envoyée sous la référence HD-2026-\d{5}/);
    const ticket = await ctx.db('tickets').orderBy('id', 'desc').first();
    assert.equal(ticket.org_code, 'coordination_cell', '"I don\'t know" goes to the coordination cell');
    assert.equal(ticket.lang, 'fr');
  });

  it('names every problem of an empty question form at once, privacy notice included', async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get('/nl/helpdesk');
    const res = await agent
      .post('/nl/helpdesk')
      .set('X-Forwarded-For', '198.51.100.8')
      .type('form')
      .send({ _csrf: csrfFrom(form.text) });
    assert.equal(res.status, 422);
    for (const field of ['question', 'name', 'email', 'organisation', 'privacy'])
      assert.match(res.text, new RegExp(`href="#field-${field}"`), field);
  });

  it('limits new tickets per IP address and hour', async () => {
    const ip = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await request(ctx.app).post('/api/v1/tickets').set('X-Forwarded-For', ip).send(QUESTION)).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const other = await request(ctx.app).post('/api/v1/tickets').set('X-Forwarded-For', '203.0.113.10').send(QUESTION);
    assert.equal(other.status, 201);
  });

  it('lets the requester answer back and close the question', async () => {
    const { token, id } = await askViaApi(ctx);
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/nl/helpdesk/track/${token}`);
    const reply = await agent
      .post(`/nl/helpdesk/track/${token}/reply`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), body: 'Het gaat om een opdracht van twee jaar.' });
    assert.equal(reply.status, 303);
    const after = await agent.get(`/nl/helpdesk/track/${token}`);
    assert.match(after.text, /Het gaat om een opdracht van twee jaar/);
    await agent
      .post(`/nl/helpdesk/track/${token}/close`)
      .type('form')
      .send({ _csrf: csrfFrom(after.text) });
    const ticket = await ctx.db('tickets').where({ id }).first();
    assert.equal(ticket.status, 'closed');
    assert.ok(ticket.closed_at);
  });

  it('suggests clauses and FAQ answers for a question', async () => {
    const res = await request(ctx.app)
      .get('/api/v1/suggestions')
      .query({ lang: 'nl', q: 'opleiding werkzoekenden schoonmaak' });
    assert.equal(res.status, 200);
    assert.ok(res.body.clauses.some((c: { id: string }) => c.id === 'SOC-CLEAN-001'));
    assert.deepEqual(res.body.faqs, []);
    const withoutJs = await request(ctx.app).get('/nl/helpdesk').query({ q: 'opleiding werkzoekenden schoonmaak' });
    assert.match(
      withoutJs.text,
      /SOC-CLEAN-001/,
      'the page itself lists suggestions for a question passed in the link',
    );
  });
});
