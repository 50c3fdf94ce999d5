import assert from 'node:assert/strict';
import request from 'supertest';
import { readLibrary } from '../../server/clauses/files';
import { csrfFrom } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { realClause, tempLibrary, writeClause } from '../support/clause-files';
import { binary } from '../support/docx';

describe('clauses retired in favour of another', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('a shared link with the old ids shows and loads the clause that replaced them, once', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/nl/tender/shared').query({ c: 'DMP-BUILD-005@1,DMP-VEH-002,SOC-BUILD-001' });
    assert.equal(page.status, 200);
    assert.match(page.text, /DMP-ALL-001/);
    const field = (name: string) => page.text.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';
    const loaded = await agent
      .post('/nl/tender/shared')
      .type('form')
      .send({ c: field('c'), category: field('category'), level: field('level'), _csrf: csrfFrom(page.text) });
    assert.equal(loaded.status, 303);
    const form = await agent.get('/nl/tender/form');
    assert.match(form.text, /2 clausules uit de gedeelde link zijn geladen/);
    assert.match(form.text, /DMP-ALL-001/);
    assert.doesNotMatch(form.text, /DMP-BUILD-005/);
  });

  it('the document API accepts an old id and puts its successor in the document', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({
        lang: 'fr',
        authority: 'Commune de Forest',
        title: 'Gardiennage',
        procedure: 'open',
        clauseIds: ['DMP-SECUR-004', 'DMP-ALL-001', 'SOC-SECUR-001'],
      })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
  });

  it('the old clause page is gone for buyers while its successor is published', async () => {
    assert.equal((await request(ctx.app).get('/nl/clauses/DMP-FOOD-004')).status, 404);
    assert.equal((await request(ctx.app).get('/nl/clauses/DMP-ALL-001')).status, 200);
  });

  it('refuses replaced_by on a clause that is not retired, or naming a clause that is not published', () => {
    const dir = tempLibrary();
    writeClause(dir, { ...realClause('SOC-CLEAN-001'), related: undefined, replaced_by: 'SOC-CLEAN-002' });
    writeClause(dir, {
      ...realClause('SOC-CLEAN-002'),
      related: undefined,
      status: 'retired',
      replaced_by: 'SOC-NONE-001',
    });
    const problems = readLibrary(dir).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    assert.ok(problems.some((p) => /SOC-CLEAN-001\.yaml: replaced_by: is only allowed on a retired clause/.test(p)));
    assert.ok(problems.some((p) => /SOC-CLEAN-002\.yaml: replaced_by: must name a published clause/.test(p)));
  });
});
