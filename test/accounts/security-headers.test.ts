import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom } from '../support/accounts';

describe('security headers', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('send a strict Content-Security-Policy, nosniff and a referrer policy, and no X-Powered-By', async () => {
    const res = await request(ctx.app).get('/nl/');
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('mark the session and CSRF cookies HttpOnly and SameSite=Lax, not Secure over plain HTTP', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const page = await request(ctx.app).get('/nl/signin');
    const csrfCookie = String(page.headers['set-cookie']);
    assert.match(csrfCookie, /helpdesk\.csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    assert.doesNotMatch(csrfCookie, /Secure/);
    const signedIn = await request(ctx.app)
      .post('/nl/signin')
      .set('Cookie', csrfCookie.split(';')[0])
      .type('form')
      .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) });
    const sessionCookie = String(signedIn.headers['set-cookie']);
    assert.match(sessionCookie, /helpdesk\.sid=/);
    assert.match(sessionCookie, /HttpOnly/);
    assert.match(sessionCookie, /SameSite=Lax/);
    assert.doesNotMatch(sessionCookie, /Secure/);
  });

  it('mark both cookies Secure behind an HTTPS proxy when TRUST_PROXY is set', async () => {
    const proxied = await createTestContext({ TRUST_PROXY: '1' });
    try {
      const user = await createUser(proxied, { roles: ['editor'] });
      const page = await request(proxied.app).get('/nl/signin').set('X-Forwarded-Proto', 'https');
      const csrfCookie = String(page.headers['set-cookie']);
      assert.match(csrfCookie, /helpdesk\.csrf=.*Secure/);
      const signedIn = await request(proxied.app)
        .post('/nl/signin')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', csrfCookie.split(';')[0])
        .type('form')
        .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) });
      assert.equal(signedIn.status, 303);
      assert.match(String(signedIn.headers['set-cookie']), /helpdesk\.sid=.*Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('serve no inline script in pages', async () => {
    const res = await request(ctx.app).get('/fr/signin');
    assert.doesNotMatch(res.text, /<script>(?!<\/script>)|<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(res.text, /\son[a-z]+="/);
  });
});
