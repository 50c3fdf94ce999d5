import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, signInAgent, tokenFor } from '../support/accounts';

describe('staff sessions', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-20T08:00:00Z');
  before(async () => {
    ctx = await createTestContext({}, clock);
  });
  after(async () => ctx.close());

  it('stop working at once when a coordinator disables the user', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const editor = await createUser(ctx, { roles: ['editor'] });
    const editorAgent = await signInAgent(ctx, editor.email, editor.password);
    assert.equal((await editorAgent.get('/nl/staff')).status, 200);

    const admin = await signInAgent(ctx, coordinator.email, coordinator.password);
    const token = await tokenFor(admin, `/nl/staff/users/${editor.id}`);
    const res = await admin
      .post(`/nl/staff/users/${editor.id}/status`)
      .type('form')
      .send({ _csrf: token, action: 'disable' });
    assert.equal(res.status, 303);

    assert.equal((await editorAgent.get('/nl/staff')).status, 303);
    const signInAgain = await import('supertest').then((m) => m.default.agent(ctx.app));
    const page = await signInAgain.get('/nl/signin');
    const { csrfFrom } = await import('../support/accounts');
    const retry = await signInAgain
      .post('/nl/signin')
      .type('form')
      .send({ email: editor.email, password: editor.password, _csrf: csrfFrom(page.text) });
    assert.equal(retry.status, 401);
    const events = (await ctx.db('audit_log').where({ target_user_id: editor.id })).map((r) => r.event);
    assert.ok(events.includes('user.disabled'));
  });

  it('end after the absolute lifetime of 12 hours even when active', async () => {
    const editor = await createUser(ctx, { roles: ['editor'] });
    const agent = await signInAgent(ctx, editor.email, editor.password);
    for (let hour = 0; hour < 11; hour += 1) {
      clock.advance(60 * 60_000);
      assert.equal((await agent.get('/nl/staff')).status, 200, `hour ${hour + 1}`);
    }
    clock.advance(61 * 60_000);
    assert.equal((await agent.get('/nl/staff')).status, 303);
  });

  it('set an idle timeout of 30 minutes on the cookie and in the store', async () => {
    const editor = await createUser(ctx, { roles: ['editor'] });
    const agent = await signInAgent(ctx, editor.email, editor.password);
    const res = await agent.get('/nl/staff');
    const cookie = String(res.headers['set-cookie']);
    const maxAge = Number(
      cookie.match(/Expires=([^;]+)/)
        ? (new Date(cookie.match(/Expires=([^;]+)/)![1]).getTime() - Date.now()) / 1000
        : NaN,
    );
    assert.ok(maxAge > 29 * 60 && maxAge <= 30 * 60 + 5, `cookie lifetime ${maxAge}s`);
    const [row] = await ctx.db('sessions').orderBy('expired', 'desc').limit(1);
    const storedExpiry = new Date(row.expired).getTime() - Date.now();
    assert.ok(storedExpiry > 29 * 60_000 && storedExpiry <= 30 * 60_000 + 5000, `store expiry in ${storedExpiry} ms`);
  });
});
