import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../../server/app';
import { testDialect } from '../support/database';
import { createTestContext, type TestContext } from '../support/context';

describe('GET /healthz', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it(`reports ok and the database in use (${testDialect})`, async () => {
    const res = await request(ctx.app).get('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', database: testDialect });
  });

  it('answers 503 when the database does not answer', async () => {
    const { createDatabase } = await import('../../server/db/database');
    const deadDb = createDatabase(ctx.config.database);
    await deadDb.destroy();
    const app = createApp({ ...ctx.deps, db: deadDb });
    const res = await request(app).get('/healthz');
    assert.equal(res.status, 503);
    assert.deepEqual(res.body, { status: 'unavailable', database: testDialect });
  });
});
