import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { binary, readDocx } from '../support/docx';
import { buyerWithClause, submitTenderForm } from '../support/tender';

const NBSP = '\u00A0';

describe('numbers typed for a tender, and amounts in the document', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const generate = (body: object) =>
    request(ctx.app).post('/api/v1/tender-documents').send(body).buffer(true).parse(binary);

  const base = {
    authority: 'Gemeente Elsene',
    title: 'Catering',
    procedure: 'open',
    clauseIds: ['DMP-FOOD-001', 'SOC-CLEAN-001'],
  };

  it('reads "480.000" as four hundred and eighty thousand and prints it once, in Dutch', async () => {
    const res = await generate({ ...base, lang: 'nl', estimatedValue: '480.000' });
    assert.equal(res.status, 200);
    const { text } = await readDocx(res.body);
    assert.ok(text.includes(`Geraamde waarde: 480.000${NBSP}euro`), 'the amount with a non-breaking space');
    assert.doesNotMatch(text, /€ 480\b/);
  });

  it('reads "1 250 000,50" in French and prints "1 250 000,50 euros"', async () => {
    const res = await generate({ ...base, lang: 'fr', estimatedValue: '1 250 000,50' });
    assert.equal(res.status, 200);
    const { text } = await readDocx(res.body);
    assert.ok(text.includes(`1${NBSP}250${NBSP}000,50${NBSP}euros`), text.slice(0, 2000));
  });

  it('prints a money parameter with its currency once', async () => {
    for (const lang of ['nl', 'fr'] as const) {
      const res = await generate({ ...base, lang, parameters: { 'DMP-FOOD-001': { penalty_per_day: '1.500' } } });
      assert.equal(res.status, 200);
      const { text } = await readDocx(res.body);
      assert.ok(text.includes(lang === 'nl' ? `1.500${NBSP}euro` : `1${NBSP}500${NBSP}euros`), lang);
      assert.doesNotMatch(text, /EUR|euros? euro/);
    }
  });

  it('answers 422 naming the field when a number is ambiguous, with an example', async () => {
    const res = await generate({ ...base, lang: 'nl', estimatedValue: '12.50.000', weights: { price: '7,5,0' } });
    assert.equal(res.status, 422);
    const body = JSON.parse((res.body as Buffer).toString()) as {
      error: { details: { field: string; message: string }[] };
    };
    const details = body.error.details;
    const value = details.find((d) => d.field === 'estimatedValue');
    assert.ok(value, JSON.stringify(details));
    assert.match(value.message, /1\.250\.000,50/);
    assert.ok(details.some((d) => d.field === 'weights.price'));
  });

  it('shows on the review page the value, duration, lots and parameters as the document prints them', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'DMP-FOOD-001');
    const posted = await submitTenderForm(agent, 'nl', form, {
      lang: 'fr',
      authority: 'Gemeente Elsene',
      title: 'Catering',
      procedure: 'open',
      estimatedValue: '480.000',
      durationDays: '1.095',
      lots: 'Scholen\nKinderdagverblijven',
      weights: { price: '100' },
      parameters: { 'DMP-FOOD-001': { penalty_per_day: '250,5' } },
    });
    assert.equal(posted.status, 303);
    const review = await agent.get('/nl/tender/review');
    assert.equal(review.status, 200);
    assert.ok(review.text.includes(`480${NBSP}000${NBSP}euros`), 'the value as the French document prints it');
    assert.match(review.text, /1\s095 jours/);
    assert.match(review.text, /<li>Scholen<\/li><li>Kinderdagverblijven<\/li>/);
    assert.ok(review.text.includes(`250,50${NBSP}euros`), 'the parameter as printed');
  });

  it('re-renders the form with the field named, an example and what was typed', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'DMP-FOOD-001');
    const res = await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente Elsene',
      title: 'Catering',
      procedure: 'open',
      estimatedValue: '1 250.000',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /Geraamde waarde \(euro, zonder btw\): Dit bedrag kan op twee manieren gelezen worden/);
    assert.match(res.text, /1\.250\.000,50/);
    assert.match(res.text, /value="1 250\.000"/);

    const parameter = await submitTenderForm(agent, 'nl', res, {
      lang: 'nl',
      authority: 'Gemeente Elsene',
      title: 'Catering',
      procedure: 'open',
      estimatedValue: '480.000',
      parameters: { 'DMP-FOOD-001': { penalty_per_day: 'veel' } },
    });
    assert.equal(parameter.status, 422);
    assert.match(parameter.text, /\(DMP-FOOD-001\): Schrijf een bedrag in euro, bijvoorbeeld 480\.000/);
    assert.match(parameter.text, /value="veel"/);
  });
});
