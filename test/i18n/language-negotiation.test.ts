import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';

describe('language negotiation', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('sends a French-speaking browser from / to /fr/ and varies on Accept-Language', async () => {
    const res = await request(ctx.app).get('/').set('Accept-Language', 'fr-BE,fr;q=0.9,en;q=0.5');
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/fr/');
    assert.match(res.headers.vary, /Accept-Language/);
  });

  it('sends a Dutch-speaking browser from / to /nl/', async () => {
    const res = await request(ctx.app).get('/').set('Accept-Language', 'nl-BE,nl;q=0.9');
    assert.equal(res.headers.location, '/nl/');
  });

  it('falls back to Dutch when the browser prefers neither language', async () => {
    const res = await request(ctx.app).get('/').set('Accept-Language', 'de-DE');
    assert.equal(res.headers.location, '/nl/');
  });

  it('lets the remembered choice win over Accept-Language', async () => {
    const res = await request(ctx.app).get('/').set('Accept-Language', 'nl').set('Cookie', 'lang=fr');
    assert.equal(res.headers.location, '/fr/');
  });

  it('remembers an explicit choice in a cookie and returns to the same page in that language', async () => {
    const res = await request(ctx.app).get('/language/fr').query({ return: '/fr/clauses?q=schoonmaak' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/fr/clauses?q=schoonmaak');
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /lang=fr/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
  });

  it('refuses to redirect the language switch off site', async () => {
    const res = await request(ctx.app).get('/language/nl').query({ return: '//evil.example/nl/' });
    assert.equal(res.headers.location, '/nl/');
  });

  it('answers a Dutch page under /nl/ and a French page under /fr/', async () => {
    const nl = await request(ctx.app).get('/nl/');
    const fr = await request(ctx.app).get('/fr/');
    assert.equal(nl.status, 200);
    assert.match(nl.text, /<html lang="nl">/);
    assert.match(nl.text, /Clausules zoeken/);
    assert.equal(fr.status, 200);
    assert.match(fr.text, /<html lang="fr">/);
    assert.match(fr.text, /Rechercher des clauses/);
  });

  it('links each page to its other-language alternate and offers a switch that keeps the page', async () => {
    const res = await request(ctx.app).get('/nl/');
    assert.match(res.text, /<link rel="alternate" hreflang="fr" href="http:\/\/[^"]+\/fr\/">/);
    assert.match(res.text, /<link rel="alternate" hreflang="nl" href="http:\/\/[^"]+\/nl\/">/);
    assert.match(res.text, /href="\/language\/fr\?return(=|&#x3D;)%2Ffr%2F" lang="fr" hreflang="fr">Français</);
  });
});
