import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { QUESTION } from '../support/helpdesk';

describe('control characters are refused at the edge', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
  });
  after(async () => ctx.close());

  it('refuses a NUL byte in a ticket field with 422 naming the field, and stores nothing', async () => {
    const before = await ctx.db('tickets').count({ n: '*' });
    const res = await request(ctx.app)
      .post('/api/v1/tickets')
      .send({ ...QUESTION, organisation: 'Gemeente\u0000Evere' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(
      res.body.error.details.map((d: { field: string }) => d.field),
      ['organisation'],
    );
    assert.deepEqual(await ctx.db('tickets').count({ n: '*' }), before);
  });

  it('keeps tabs and line breaks in multi-line text', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tickets')
      .send({ ...QUESTION, question: 'Eerste regel van mijn vraag\r\n\tTweede regel, ingesprongen.' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = await ctx.db('tickets').where({ reference: res.body.reference }).first();
    assert.match(row.question, /\r\n\tTweede/);
  });

  it('refuses a NUL byte in a path and in a query string', async () => {
    const inPath = await request(ctx.app).get('/api/v1/clauses/SOC%00');
    assert.equal(inPath.status, 422);
    assert.equal(inPath.body.error.details[0].field, 'path');
    const inQuery = await request(ctx.app).get('/api/v1/clauses?q=schoon%00maak');
    assert.equal(inQuery.status, 422);
    assert.equal(inQuery.body.error.details[0].field, 'query.q');
    const nested = await request(ctx.app).get('/nl/clauses?theme[]=social&theme[]=env%01');
    assert.equal(nested.status, 422);
    assert.match(nested.text, /query\.theme\.1/);
  });

  it('answers 400 to a malformed percent-encoding in the path', async () => {
    const res = await request(ctx.app).get('/api/v1/clauses/SOC%E0%A4%A');
    assert.equal(res.status, 400);
    assert.doesNotMatch(res.text, /at .*\.ts:\d+/);
  });

  it('refuses a NUL byte in a sign-in e-mail and in a feedback form, in the page language', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/fr/signin');
    const signIn = await agent
      .post('/fr/signin')
      .type('form')
      .send({ email: 'marie\u0000@example.brussels', password: 'whatever it is', _csrf: csrfFrom(page.text) });
    assert.equal(signIn.status, 422);
    assert.match(signIn.text, /caractère de contrôle/);
    assert.match(signIn.text, /email/);
    const clause = await agent.get('/nl/clauses/SOC-CLEAN-001');
    const feedback = await agent
      .post('/nl/clauses/SOC-CLEAN-001/feedback')
      .type('form')
      .send({ kind: 'problem', comment: 'Klopt niet\u0007', _csrf: csrfFrom(clause.text) });
    assert.equal(feedback.status, 422);
    assert.match(feedback.text, /stuurteken/);
    assert.equal((await ctx.db('clause_feedback').where('comment', 'like', 'Klopt niet%')).length, 0);
  });
});
