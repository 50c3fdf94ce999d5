// Every problem of the tender form at once: the fields, the clause parameters and the weights in one pass,
// each message naming its field, in the summary and beside the field, with the typed text kept.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { buyerWithClause, submitTenderForm } from '../support/tender';

const summaryOf = (page: string) =>
  [
    ...(page.match(/<div class="notice notice--error error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '').matchAll(
      /<a href="#([^"]+)">([^<]+)<\/a>/g,
    ),
  ].map((m) => ({ anchor: m[1], message: m[2] }));

describe('the tender form shows every problem at once', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('names the empty title, the ambiguous value and the bad parameter together, in Dutch', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'SOC-CLEAN-001');
    const res = await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente Schaarbeek',
      title: '',
      procedure: 'open',
      estimatedValue: '12.50.000',
      'parameters[SOC-CLEAN-001][training_hours_percent]': 'veel',
    });
    assert.equal(res.status, 422);
    const summary = summaryOf(res.text);
    assert.deepEqual(
      summary.map((s) => s.anchor),
      ['field-title', 'field-estimatedValue', 'p-SOC-CLEAN-001-training_hours_percent'],
    );
    assert.match(summary[0].message, /^Titel van de opdracht: /);
    assert.match(summary[1].message, /^Geraamde waarde \(euro, zonder btw\): .*bijvoorbeeld 1\.250\.000,50/);
    assert.match(summary[2].message, /^Aandeel van de uren voor opleiding op de werkvloer \(%\) \(SOC-CLEAN-001\): /);
    // Beside each field, the same message naming it; the typed text is kept.
    assert.match(
      res.text,
      /<span class="field-error" id="error-estimatedValue">Geraamde waarde \(euro, zonder btw\): /,
    );
    assert.match(res.text, /id="error-p-SOC-CLEAN-001-training_hours_percent">Aandeel van de uren/);
    assert.match(res.text, /name="estimatedValue" type="text" value="12\.50\.000"/);
    assert.match(res.text, /name="parameters\[SOC-CLEAN-001\]\[training_hours_percent\]" value="veel"/);
    assert.match(res.text, /id="p-SOC-CLEAN-001-training_hours_percent"/, 'the summary link has its target');
  });

  it('names the fields in French', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'fr', 'SOC-CLEAN-001');
    const res = await submitTenderForm(agent, 'fr', form, {
      lang: 'fr',
      authority: '',
      title: 'Nettoyage',
      procedure: 'open',
      estimatedValue: 'beaucoup',
      'parameters[SOC-CLEAN-001][training_hours_percent]': '50',
    });
    assert.equal(res.status, 422);
    const messages = summaryOf(res.text).map((s) => s.message);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], /^Pouvoir adjudicateur/);
    assert.match(messages[1], /^Montant estimé \(euros, hors TVA\)/);
    assert.match(messages[2], /\(SOC-CLEAN-001\)/);
  });

  it('answers every problem at once in the API too', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({
        lang: 'nl',
        authority: 'Gemeente',
        procedure: 'open',
        estimatedValue: 'veel',
        clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-003'],
        parameters: { 'SOC-CLEAN-001': { training_hours_percent: 'veel' } },
        weights: { 'SOC-CLEAN-001': 10 },
      });
    assert.equal(res.status, 422);
    const fields = (res.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    assert.deepEqual(fields.sort(), [
      'estimatedValue',
      'parameters.SOC-CLEAN-001.training_hours_percent',
      'title',
      'weights.SOC-CLEAN-001',
    ]);
  });
});
