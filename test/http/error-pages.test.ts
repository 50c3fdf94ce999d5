import assert from 'node:assert/strict';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { errorHandler, notFoundHandler } from '../../server/http/error-handler';
import { ValidationFailed } from '../../server/http/errors';
import { pageLanguage } from '../../server/i18n/middleware';
import { createViewEngine } from '../../server/views/engine';
import { createTestContext, type TestContext } from '../support/context';

/** The real error chain behind routes that fail on purpose, as a route with a bug would. */
function appWithFailingRoutes() {
  const app = express();
  const viewsDir = path.resolve(import.meta.dirname, '../../views');
  app.engine('hbs', createViewEngine({ viewsDir, cache: false }).expressEngine);
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);
  for (const lang of ['nl', 'fr'] as const) {
    const router = express.Router();
    router.get('/boom', () => {
      throw new Error('secret internal detail at /srv/app/db.ts:42');
    });
    router.get('/invalid', () => {
      throw new ValidationFailed([{ field: 'email', messageKey: 'validation.email' }]);
    });
    app.use(
      `/${lang}`,
      pageLanguage(lang, () => 'http://localhost:3000'),
      router,
    );
  }
  app.get('/api/v1/boom', () => {
    throw new Error('secret internal detail');
  });
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

describe('error pages', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('answers an unknown Dutch page with a Dutch 404 page', async () => {
    const res = await request(ctx.app).get('/nl/bestaat-niet');
    assert.equal(res.status, 404);
    assert.match(res.headers['content-type'], /text\/html/);
    assert.match(res.text, /<html lang="nl">/);
    assert.match(res.text, /Pagina niet gevonden/);
  });

  it('answers an unknown French page with a French 404 page', async () => {
    const res = await request(ctx.app).get('/fr/introuvable');
    assert.equal(res.status, 404);
    assert.match(res.text, /<html lang="fr">/);
    assert.match(res.text, /Page introuvable/);
  });

  it('answers JSON errors under /api/ and to clients that accept JSON', async () => {
    const api = await request(ctx.app).get('/api/v1/nothing-here').set('Accept-Language', 'fr');
    assert.equal(api.status, 404);
    assert.deepEqual(api.body, {
      error: { code: 'not_found', message: "Cette page n'existe pas (ou plus).", details: [] },
    });
    const negotiated = await request(ctx.app).get('/nl/nergens').set('Accept', 'application/json');
    assert.equal(negotiated.status, 404);
    assert.equal(negotiated.body.error.code, 'not_found');
    assert.equal(negotiated.body.error.message, 'Deze pagina bestaat niet (meer).');
  });

  it('shows a 500 page in the request language with a reference and no stack trace', async () => {
    const app = appWithFailingRoutes();
    for (const [lang, heading] of [
      ['nl', 'Onverwachte fout'],
      ['fr', 'Erreur inattendue'],
    ]) {
      const res = await request(app).get(`/${lang}/boom`);
      assert.equal(res.status, 500);
      assert.match(res.text, new RegExp(`<html lang="${lang}">`));
      assert.match(res.text, new RegExp(heading));
      assert.doesNotMatch(res.text, /secret internal detail|at \/|Error:/);
    }
  });

  it('answers a 500 as JSON under /api/ without internals', async () => {
    const res = await request(appWithFailingRoutes()).get('/api/v1/boom');
    assert.equal(res.status, 500);
    assert.equal(res.body.error.code, 'internal_error');
    assert.doesNotMatch(JSON.stringify(res.body), /secret internal detail/);
  });

  it('lists each invalid field with a message in the request language', async () => {
    const res = await request(appWithFailingRoutes()).get('/fr/invalid').set('Accept', 'application/json');
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.error.details, [{ field: 'email', message: 'Indiquez une adresse e-mail valable.' }]);
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const app = express();
    app.use(express.json());
    app.post('/api/v1/echo', (req, res) => res.json(req.body));
    app.use(errorHandler);
    const res = await request(app).post('/api/v1/echo').set('Content-Type', 'application/json').send('{"oops":');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'bad_request');
  });
});
