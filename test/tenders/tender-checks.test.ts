import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { binary, readDocx } from '../support/docx';
import { buyerWithClause, submitTenderForm } from '../support/tender';

interface CheckAnswer {
  blocking: boolean;
  checks: { severity: string; key: string; message: string }[];
}

describe('tender checks on award wording, weights and basis clauses', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const base = { lang: 'nl', authority: 'Gemeente Elsene', title: 'Schoonmaak', procedure: 'open' };
  const check = async (body: object) => {
    const res = await request(ctx.app).post('/api/v1/tender-documents/check').send(body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as CheckAnswer;
  };
  const keys = (answer: CheckAnswer) => answer.checks.map((c) => c.key);

  it('names the basis clauses of the category that are missing from the selection', async () => {
    const basis = (
      await ctx
        .db('clauses as c')
        .join('clause_categories as cc', 'cc.clause_id', 'c.id')
        .where({ 'cc.category_code': 'cleaning', 'c.level': 'basis', 'c.status': 'published' })
        .select('c.id')
        .orderBy('c.id')
    ).map((r) => r.id as string);
    assert.ok(basis.length >= 2);
    const [kept, ...missing] = basis;
    const answer = await check({ ...base, category: 'cleaning', clauseIds: [kept] });
    const warning = answer.checks.find((c) => c.key === 'tender.checks.basis_missing');
    assert.ok(warning, JSON.stringify(answer.checks));
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /categorie Schoonmaak/i);
    for (const id of missing) assert.ok(warning.message.includes(id), id);
    assert.ok(!warning.message.includes(kept));

    const complete = await check({ ...base, category: 'cleaning', clauseIds: basis });
    assert.ok(!keys(complete).includes('tender.checks.basis_missing'));
  });

  it('words a tender without award criteria as "price only", in the check and the document', async () => {
    const body = { ...base, clauseIds: ['ENV-CLEAN-001', 'SOC-CLEAN-001'] };
    assert.ok(keys(await check(body)).includes('tender.checks.price_only'));
    const res = await request(ctx.app).post('/api/v1/tender-documents').send(body).buffer(true).parse(binary);
    const { text } = await readDocx(res.body);
    assert.match(text, /gegund aan de regelmatige offerte met de laagste prijs/);
    assert.doesNotMatch(text, /beste prijs-kwaliteitverhouding/);
    assert.doesNotMatch(text, /Beoordeling van de prijs/, 'no price formula to write for price alone');

    const quality = { ...base, clauseIds: ['ENV-CLEAN-003', 'ENV-CLEAN-001'] };
    assert.ok(!keys(await check(quality)).includes('tender.checks.price_only'));
    const doc = await request(ctx.app).post('/api/v1/tender-documents').send(quality).buffer(true).parse(binary);
    assert.match((await readDocx(doc.body)).text, /beste prijs-kwaliteitverhouding/);
  });

  it('warns about an award criterion without points and a price without points', async () => {
    const zero = await check({ ...base, clauseIds: ['ENV-CLEAN-003'], weights: { price: 100, 'ENV-CLEAN-003': 0 } });
    assert.ok(keys(zero).includes('tender.checks.award_without_points'));
    assert.ok(keys(zero).includes('tender.checks.price_only'));
    const noPrice = await check({ ...base, clauseIds: ['ENV-CLEAN-003'], weights: { price: 0, 'ENV-CLEAN-003': 100 } });
    assert.ok(keys(noPrice).includes('tender.checks.price_weight_zero'));
    assert.equal(noPrice.blocking, false);
  });

  it('shows a running total of the weights with JavaScript, and the total on the review page without', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'fr', 'ENV-CLEAN-003');
    assert.match(form.text, /<script src="\/assets\/js\/tender-weights\.js" defer><\/script>/);
    assert.match(form.text, /data-weights-total data-template="Total\u00A0: \{total\} points/);
    const script = await agent.get('/assets/js/tender-weights.js');
    assert.equal(script.status, 200);
    await submitTenderForm(agent, 'fr', form, {
      lang: 'fr',
      authority: 'Commune',
      title: 'Nettoyage',
      procedure: 'open',
      weights: { price: '62,5', 'ENV-CLEAN-003': '30' },
    });
    const review = await agent.get('/fr/tender/review');
    assert.match(review.text, /<th scope="row">Total des pondérations<\/th><td>92,5<\/td>/);
    assert.match(review.text, /<noscript><p class="hint">Sans JavaScript, le formulaire n’affiche pas le total/);
  });
});
