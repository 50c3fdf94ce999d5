import assert from 'node:assert/strict';
import http from 'node:http';
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
    await ctx.db('sign_in_counters').update({ locked_until: new Date(Date.now() - 1000).toISOString() });
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

  it('lets no password through a burst of 20 concurrent sign-ins, 19 wrong and the right one last', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    // One listening server (connections in launch order) and every CSRF token fetched first: the 20 posts race.
    const server = http.createServer(ctx.app);
    try {
      const forms = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const agent = request.agent(server);
          return { agent, csrf: csrfFrom((await agent.get('/nl/signin')).text) };
        }),
      );
      const answers = await Promise.all(
        forms.map(({ agent, csrf }, i) =>
          agent
            .post('/nl/signin')
            .set('X-Forwarded-For', `10.20.0.${i + 1}`)
            .type('form')
            .send({ email: user.email, password: i === 19 ? user.password : `wrong password ${i}`, _csrf: csrf }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses[19], 429, `the right password got ${statuses[19]}`);
      assert.ok(statuses.filter((s) => s === 401).length <= 4, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 303).length, 0);
    } finally {
      server.close();
    }
  });

  it('counts attempts made through two instances on one database together', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const instances = [createApp(ctx.deps), createApp(ctx.deps)];
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        attempt(instances[i % 2], user.email, `wrong password ${i}`, `10.21.0.${i + 1}`).then((r) => r.status),
      ),
    );
    assert.ok(statuses.filter((s) => s === 401).length <= 4, statuses.join(' '));
    assert.equal((await attempt(instances[1], user.email, user.password, '10.21.1.1')).status, 429);
  });

  it('answers an unknown address exactly like a real one, lock included', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const real: number[] = [];
    const unknown: number[] = [];
    for (let i = 1; i <= 6; i += 1) {
      real.push((await attempt(ctx.app, user.email, `wrong password ${i}`, `10.22.0.${i}`)).status);
      unknown.push(
        (await attempt(ctx.app, 'nobody-here@example.brussels', `wrong password ${i}`, `10.22.1.${i}`)).status,
      );
    }
    assert.deepEqual(real, [401, 401, 401, 401, 429, 429]);
    assert.deepEqual(unknown, real);
    const lockedUnknown = await attempt(ctx.app, 'nobody-here@example.brussels', 'x', '10.22.2.1');
    assert.match(lockedUnknown.text, /Te veel mislukte pogingen/);
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
