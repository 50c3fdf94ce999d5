import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';

async function requestReset(ctx: TestContext, email: string, ip: string) {
  const agent = request.agent(ctx.app);
  const page = await agent.get('/nl/password/forgot').set('X-Forwarded-For', ip);
  return agent
    .post('/nl/password/forgot')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ email, _csrf: csrfFrom(page.text) });
}

async function resetLinks(ctx: TestContext, email: string): Promise<string[]> {
  const mails = await ctx.deps.mailer.outbox(50, email);
  return mails.map((m) => m.body!.match(/https?:\/\/[^/\s]+(\/\S+)/)![1]);
}

async function choosePassword(ctx: TestContext, path: string, password: string) {
  const agent = request.agent(ctx.app);
  const page = await agent.get(path);
  if (page.status !== 200) return page;
  return agent
    .post(path)
    .type('form')
    .send({ password, confirmation: password, _csrf: csrfFrom(page.text) });
}

describe('password reset: throttling and older links', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TRUST_PROXY: '1', PASSWORD_RESET_RATE_LIMIT: '10' });
  });
  after(async () => ctx.close());

  it('queues at most 3 reset e-mails per address per hour and answers every request alike', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const answers = [];
    for (let i = 1; i <= 5; i += 1) answers.push(await requestReset(ctx, user.email, `10.40.0.${i}`));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal((await ctx.deps.mailer.outbox(50, user.email)).length, 3);
  });

  it('refuses more than 10 reset requests per IP address per hour', async () => {
    const statuses = [];
    for (let i = 1; i <= 11; i += 1)
      statuses.push((await requestReset(ctx, `someone${i}@example.brussels`, '10.41.0.1')).status);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
    assert.equal(statuses[10], 429);
    assert.equal((await requestReset(ctx, 'someone@example.brussels', '10.41.0.2')).status, 200);
  });

  it('a new request ends the older open link', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email, '10.42.0.1');
    await requestReset(ctx, user.email, '10.42.0.2');
    const [newest, older] = await resetLinks(ctx, user.email);
    assert.equal((await request(ctx.app).get(older)).status, 404);
    assert.equal((await request(ctx.app).get(newest)).status, 200);
  });

  it('a reset ends every other open link', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email, '10.43.0.1');
    const [link] = await resetLinks(ctx, user.email);
    // An older link that a newer request did not replace (e.g. made before this rule) must also end.
    await ctx.db('one_time_tokens').insert({
      user_id: user.id,
      purpose: 'reset',
      token_hash: 'f'.repeat(64),
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      created_at: new Date().toISOString(),
    });
    assert.equal((await choosePassword(ctx, link, 'a brand new sentence for a password')).status, 303);
    const open = await ctx.db('one_time_tokens').where({ user_id: user.id }).whereNull('used_at');
    assert.deepEqual(open, []);
  });

  it('a password change ends every open reset link', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email, '10.44.0.1');
    const [link] = await resetLinks(ctx, user.email);
    const agent = await signInAgent(ctx, user.email, user.password);
    const page = await agent.get('/nl/staff/profile');
    const changed = await agent
      .post('/nl/staff/profile')
      .type('form')
      .send({
        current: user.password,
        password: 'another long sentence as password',
        confirmation: 'another long sentence as password',
        _csrf: csrfFrom(page.text),
      });
    assert.equal(changed.status, 303);
    assert.equal((await request(ctx.app).get(link)).status, 404);
  });
});
