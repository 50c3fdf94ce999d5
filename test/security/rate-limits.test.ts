import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';

/** Posts a form from its own agent (fresh CSRF cookie) from one address. */
async function postForm(ctx: TestContext, pagePath: string, postPath: string, ip: string, body: object) {
  const agent = request.agent(ctx.app);
  const page = await agent.get(pagePath).set('X-Forwarded-For', ip);
  return agent
    .post(postPath)
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ ...body, _csrf: csrfFrom(page.text) });
}

describe('per-IP limits against automation (in the database)', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({
      TRUST_PROXY: '1',
      FEEDBACK_RATE_LIMIT: '3',
      REPLY_RATE_LIMIT: '3',
      DOCUMENT_RATE_LIMIT: '2',
      TICKET_RATE_LIMIT: '0',
    });
  });
  after(async () => ctx.close());

  it('limits clause feedback per IP address', async () => {
    const send = (ip: string) =>
      postForm(ctx, '/nl/clauses/SOC-CLEAN-001', '/nl/clauses/SOC-CLEAN-001/feedback', ip, {
        kind: 'useful',
        comment: '',
      }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await send('10.30.0.1'));
    assert.deepEqual(statuses, [303, 303, 303, 429]);
    assert.equal(await send('10.30.0.2'), 303);
    const counters = await ctx.db('rate_limits').where('key', 'like', 'feedback-ip:%');
    assert.ok(counters.length >= 2);
  });

  it('limits requester replies per IP address', async () => {
    const { token } = await askViaApi(ctx);
    const track = `/nl/helpdesk/track/${token}`;
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push(
        (await postForm(ctx, track, `${track}/reply`, '10.31.0.1', { body: `Nog een vraag, nummer ${i}.` })).status,
      );
    assert.deepEqual(statuses, [303, 303, 303, 429]);
    assert.equal((await postForm(ctx, track, `${track}/reply`, '10.31.0.2', { body: 'Een andere plek.' })).status, 303);
  });

  it('limits tender document generation per IP address, in the API and on the pages', async () => {
    const body = {
      lang: 'nl',
      authority: 'Gemeente Evere',
      title: 'Schoonmaak',
      procedure: 'open',
      clauseIds: ['SOC-CLEAN-001'],
    };
    const generate = () =>
      request(ctx.app).post('/api/v1/tender-documents').set('X-Forwarded-For', '10.32.0.1').send(body);
    assert.notEqual((await generate()).status, 429);
    assert.notEqual((await generate()).status, 429);
    const third = await generate();
    assert.equal(third.status, 429);
    assert.equal(third.body.error.code, 'too_many_requests');
    const page = await postForm(ctx, '/nl/action-plan', '/nl/action-plan', '10.32.0.1', { year: '2027' });
    assert.equal(page.status, 429);
    assert.match(page.text, /Te veel aanvragen/);
  });
});
