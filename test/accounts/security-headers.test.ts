import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';

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

  it('mark the session cookie HttpOnly and SameSite=Lax, and Secure over HTTPS', async () => {
    const plain = await request(ctx.app).get('/nl/signin');
    const cookie = String(plain.headers['set-cookie']);
    assert.match(cookie, /helpdesk\.sid=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
  });

  it('mark the session cookie Secure behind an HTTPS proxy when TRUST_PROXY is set', async () => {
    const proxied = await createTestContext({ TRUST_PROXY: '1' });
    try {
      const res = await request(proxied.app).get('/nl/signin').set('X-Forwarded-Proto', 'https');
      assert.match(String(res.headers['set-cookie']), /Secure/);
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
