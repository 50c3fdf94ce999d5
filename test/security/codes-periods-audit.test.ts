import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';
import { QUESTION } from '../support/helpdesk';

describe('codes, monitoring periods and the audit of FAQ edits', () => {
  let ctx: TestContext;
  let coordinator: request.Agent;
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
    const user = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    coordinator = await signInAgent(ctx, user.email, user.password);
  });
  after(async () => ctx.close());

  it('refuses a ticket category that is not in the library, in the API and the form', async () => {
    const api = await request(ctx.app)
      .post('/api/v1/tickets')
      .send({ ...QUESTION, category: 'zzz_not_real' });
    assert.equal(api.status, 422);
    assert.deepEqual(
      api.body.error.details.map((d: { field: string }) => d.field),
      ['category'],
    );
    assert.equal((await ctx.db('tickets').where({ category: 'zzz_not_real' })).length, 0);
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/helpdesk');
    const form = await agent
      .post('/nl/helpdesk')
      .type('form')
      .send({ ...QUESTION, category: 'zzz_not_real', privacy: 'yes', _csrf: csrfFrom(page.text) });
    assert.equal(form.status, 422);
    assert.match(form.text, /Jan Peeters/);
    const known = await request(ctx.app).post('/api/v1/tickets').send(QUESTION);
    assert.equal(known.status, 201);
  });

  it('answers 422 to impossible or too long periods in the API, never 500', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: '2026-01-01', to: '9999-12-31' }, 'to'],
      [{ from: '0001-01-01', to: '9998-12-31' }, 'from'],
      [{ from: '2026-02-30', to: '2026-03-31' }, 'from'],
      [{ from: '2010-01-01', to: '2026-12-31' }, 'to'],
      [{ from: '2026-01-01' }, 'to'],
    ];
    for (const [query, field] of cases) {
      const res = await coordinator.get('/api/v1/stats').query(query);
      assert.equal(res.status, 422, JSON.stringify(query));
      assert.ok(
        res.body.error.details.some((d: { field: string }) => d.field === field),
        `${JSON.stringify(query)}: ${JSON.stringify(res.body.error.details)}`,
      );
    }
    const tooLong = await coordinator.get('/api/v1/stats').query({ from: '2010-01-01', to: '2026-12-31' });
    assert.match(JSON.stringify(tooLong.body), /hoogstens 10 jaar/);
    const tenYears = await coordinator.get('/api/v1/stats').query({ from: '2017-01-01', to: '2026-12-31' });
    assert.equal(tenYears.status, 200);
  });

  it('shows a message on the dashboard for a bad period instead of another year', async () => {
    const res = await coordinator
      .get('/fr/staff/monitoring')
      .query({ period: 'custom', from: '2026-02-30', to: '2026-03-31' });
    assert.equal(res.status, 422);
    assert.match(res.text, /error-summary/);
    assert.match(res.text, /date valable/);
    const year = await coordinator.get('/nl/staff/monitoring').query({ period: 'year', year: '99999' });
    assert.equal(year.status, 422);
    assert.match(year.text, /tussen 2000 en 2100/);
    const csv = await coordinator
      .get('/nl/staff/monitoring/themes.csv')
      .query({ period: 'custom', from: '0001-01-01', to: '9998-12-31' });
    assert.equal(csv.status, 422);
  });

  it('records every FAQ edit in the audit log, with the editor and their organisation', async () => {
    const now = new Date().toISOString();
    const [row] = await ctx
      .db('faq_entries')
      .insert({
        question_nl: 'Mag ik een schoonmaakopdracht voorbehouden?',
        question_fr: 'Puis-je réserver un marché de nettoyage ?',
        answer_nl: 'Ja, onder voorwaarden.',
        answer_fr: 'Oui, sous conditions.',
        theme: 'social',
        org_code: 'innoviris', // edited by its own organisation (FAQ ownership)
        status: 'published',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    const editor = await createUser(ctx, { roles: ['facilitator'], org: 'innoviris' });
    const agent = await signInAgent(ctx, editor.email, editor.password);
    const page = await agent.get(`/nl/staff/faq/${id}`);
    assert.equal(page.status, 200);
    const saved = await agent
      .post(`/nl/staff/faq/${id}`)
      .set('X-Forwarded-For', '10.50.0.1')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        question_nl: 'Mag ik een schoonmaakopdracht voorbehouden aan de sociale economie?',
        question_fr: 'Puis-je réserver un marché de nettoyage ?',
        answer_nl: 'Ja, onder voorwaarden.',
        answer_fr: 'Oui, sous conditions.',
        status: 'unpublished',
      });
    assert.equal(saved.status, 303);
    const [entry] = await ctx.db('audit_log').where({ event: 'faq.updated' });
    assert.equal(entry.actor_user_id, editor.id);
    const details = JSON.parse(entry.details);
    assert.equal(details.faq, id);
    assert.equal(details.actorOrg, 'innoviris');
    assert.deepEqual(details.status, { from: 'published', to: 'unpublished' });
    const log = await coordinator.get('/nl/staff/audit');
    assert.match(log.text, /<td>Veelgestelde vraag gewijzigd<\/td>/);
  });
});
