import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom } from '../support/accounts';

async function attempt(app: TestContext['app'], email: string, password: string, ip = '10.0.0.1') {
  const agent = request.agent(app);
  const page = await agent.get('/nl/signin');
  return agent
    .post('/nl/signin')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ email, password, _csrf: csrfFrom(page.text) });
}

describe('brute-force protection', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TRUST_PROXY: '1' });
  });
  after(async () => ctx.close());

  it('locks an account for 15 minutes after 5 failed sign-ins, even for the right password', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    for (let i = 1; i <= 4; i += 1)
      assert.equal((await attempt(ctx.app, user.email, `wrong password ${i}`)).status, 401);
    const fifth = await attempt(ctx.app, user.email, 'wrong password 5');
    assert.equal(fifth.status, 429);
    const right = await attempt(ctx.app, user.email, user.password);
    assert.equal(right.status, 429);
    assert.match(right.text, /Te veel mislukte pogingen/);
  });

  it('keeps the lock after an app restart (the counters are in the database)', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    for (let i = 1; i <= 5; i += 1) await attempt(ctx.app, user.email, `wrong password ${i}`, '10.0.0.2');
    const restarted = createApp(ctx.deps);
    const res = await attempt(restarted, user.email, user.password, '10.0.0.2');
    assert.equal(res.status, 429);
  });

  it('lets the account in again once the 15 minutes are over', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    for (let i = 1; i <= 5; i += 1) await attempt(ctx.app, user.email, `wrong password ${i}`, '10.0.0.3');
    await ctx
      .db('users')
      .where({ id: user.id })
      .update({ locked_until: new Date(Date.now() - 1000).toISOString() });
    const res = await attempt(ctx.app, user.email, user.password, '10.0.0.3');
    assert.equal(res.status, 303);
  });

  it('limits failed sign-ins per IP address across accounts', async () => {
    const ip = '10.9.9.9';
    let last = 0;
    for (let i = 1; i <= 21; i += 1) {
      last = (await attempt(ctx.app, `nobody${i}@example.brussels`, 'whatever it is', ip)).status;
    }
    assert.equal(last, 429);
    const otherIp = await attempt(ctx.app, 'nobody@example.brussels', 'whatever it is', '10.9.9.10');
    assert.equal(otherIp.status, 401);
  });

  it('records sign-in successes and failures in the audit log without passwords', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await attempt(ctx.app, user.email, 'a secret wrong guess', '10.0.0.4');
    await attempt(ctx.app, user.email, user.password, '10.0.0.4');
    const rows = await ctx.db('audit_log').where({ target_user_id: user.id }).orderBy('id');
    assert.deepEqual(
      rows.map((r) => r.event),
      ['user.created', 'sign_in.failure', 'sign_in.success'],
    );
    assert.equal(rows[2].ip, '10.0.0.4');
    const all = JSON.stringify(await ctx.db('audit_log'));
    assert.doesNotMatch(all, /a secret wrong guess/);
    assert.doesNotMatch(all, new RegExp(user.password));
  });
});
