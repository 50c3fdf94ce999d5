import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { QUESTION } from '../support/helpdesk';

describe('state-changing requests a robot or another site could make', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
  });
  after(async () => ctx.close());

  const sessionRows = async () => Number((await ctx.db('sessions').count({ n: '*' }))[0].n);

  it('shows a shared tender link without writing a session, and loads it when the buyer asks', async () => {
    const before = await sessionRows();
    const page = await request(ctx.app).get('/nl/tender/shared').query({ c: 'ENV-FOOD-001,ENV-FOOD-002' });
    assert.equal(page.status, 200);
    assert.match(page.text, /ENV-FOOD-001/);
    assert.doesNotMatch(String(page.headers['set-cookie'] ?? ''), /helpdesk\.sid/);
    assert.equal(await sessionRows(), before);

    const agent = request.agent(ctx.app);
    const shown = await agent.get('/nl/tender/shared').query({ c: 'ENV-FOOD-001,ENV-FOOD-002' });
    const loaded = await agent
      .post('/nl/tender/shared')
      .type('form')
      .send({ c: 'ENV-FOOD-001,ENV-FOOD-002', _csrf: csrfFrom(shown.text) });
    assert.equal(loaded.status, 303);
    assert.equal(await sessionRows(), before + 1);
    const form = await agent.get('/nl/tender/form');
    assert.match(form.text, /2 clausules uit de gedeelde link zijn geladen/);
  });

  it('refuses a form-encoded or text body in the JSON API with 415, and creates no ticket', async () => {
    const before = await ctx.db('tickets').count({ n: '*' });
    const form = await request(ctx.app).post('/api/v1/tickets').type('form').send(QUESTION);
    assert.equal(form.status, 415);
    assert.equal(form.body.error.code, 'unsupported_media_type');
    const text = await request(ctx.app)
      .post('/api/v1/tickets')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(QUESTION));
    assert.equal(text.status, 415);
    assert.deepEqual(await ctx.db('tickets').count({ n: '*' }), before);
    const json = await request(ctx.app).post('/api/v1/tickets').send(QUESTION);
    assert.equal(json.status, 201);
    const read = await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-001');
    assert.equal(read.status, 200);
  });
});
