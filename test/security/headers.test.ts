import assert from 'node:assert/strict';
import request from 'supertest';
import { ConfigError, loadConfig } from '../../server/config/config';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';

describe('headers, caching, cookies and the Host header', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TRUST_PROXY: '1' });
  });
  after(async () => ctx.close());

  it('sends a Permissions-Policy and no X-Frame-Options beside frame-ancestors', async () => {
    const res = await request(ctx.app).get('/nl/');
    assert.match(res.headers['permissions-policy'], /camera=\(\), .*geolocation=\(\)/);
    assert.equal(res.headers['x-frame-options'], undefined);
    assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
  });

  it('sends HSTS only over HTTPS', async () => {
    const plain = await request(ctx.app).get('/nl/');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const secure = await request(ctx.app).get('/nl/').set('X-Forwarded-Proto', 'https');
    assert.match(secure.headers['strict-transport-security'], /max-age=31536000/);
  });

  it('sends Cache-Control: no-store on every signed-in page, and not on public pages', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const agent = await signInAgent(ctx, user.email, user.password);
    for (const path of ['/nl/staff', '/nl/staff/tickets', '/nl/staff/outbox', '/nl/staff/audit', '/nl/staff/users']) {
      const res = await agent.get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['cache-control'], 'no-store', path);
    }
    const csv = await agent.get('/nl/staff/monitoring/themes.csv');
    assert.equal(csv.headers['cache-control'], 'no-store');
    const publicPage = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001');
    assert.notEqual(publicPage.headers['cache-control'], 'no-store');
  });

  it('sends no-store and Referrer-Policy: no-referrer on pages holding a token', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/password/forgot');
    await agent
      .post('/nl/password/forgot')
      .type('form')
      .send({ email: user.email, _csrf: csrfFrom(page.text) });
    const [mail] = await ctx.deps.mailer.outbox(1, user.email);
    const link = mail.body!.match(/https?:\/\/[^/\s]+(\/\S+)/)![1];
    for (const path of [link, '/nl/invitation/not-a-real-token', '/fr/password/reset/unknown']) {
      const res = await request(ctx.app).get(path);
      assert.equal(res.headers['cache-control'], 'no-store', path);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', path);
    }
  });

  it('never puts an arbitrary Host into hreflang links or the OpenAPI servers', async () => {
    const page = await request(ctx.app).get('/nl/').set('Host', 'evil.example');
    assert.doesNotMatch(page.text, /evil\.example/);
    assert.match(page.text, /hreflang="fr" href="http:\/\/localhost:\d+\/fr\/"/);
    const openapi = await request(ctx.app).get('/api/v1/openapi.json').set('Host', 'evil.example');
    assert.doesNotMatch(JSON.stringify(openapi.body.servers), /evil/);
    const local = await request(ctx.app).get('/nl/').set('Host', '127.0.0.1:4321');
    assert.match(local.text, /hreflang="fr" href="http:\/\/127\.0\.0\.1:4321\/fr\/"/);
  });

  it('refuses to start in production without PUBLIC_URL, naming it', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (err: unknown) => err instanceof ConfigError && /PUBLIC_URL/.test(err.message),
    );
    assert.equal(
      loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://marches.example.brussels' }).isProduction,
      true,
    );
  });
});

describe('cookies in production', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://marches.example.brussels',
      TRUST_PROXY: '1',
    });
  });
  after(async () => ctx.close());

  it('names the session and CSRF cookies __Host-… and makes them Secure, path / and no domain', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const page = await request(ctx.app).get('/nl/signin').set('X-Forwarded-Proto', 'https');
    const csrfCookie = String(page.headers['set-cookie']);
    assert.match(csrfCookie, /^__Host-helpdesk\.csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    const signedIn = await request(ctx.app)
      .post('/nl/signin')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', csrfCookie.split(';')[0])
      .type('form')
      .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) });
    assert.equal(signedIn.status, 303);
    const sessionCookie = String(signedIn.headers['set-cookie']);
    assert.match(sessionCookie, /__Host-helpdesk\.sid=[^;]+; Path=\//);
    assert.match(sessionCookie, /Secure/);
    assert.doesNotMatch(sessionCookie, /Domain=/i);
  });
});
