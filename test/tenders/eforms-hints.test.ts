import assert from 'node:assert/strict';
import request from 'supertest';
import type { Element } from '@xmldom/xmldom';
import { eformsHints, impliedCodes } from '../../server/tenders/eforms-hints';
import { createTestContext, type TestContext } from '../support/context';
import { realClause } from '../support/clause-files';
import { W, binary, readDocx } from '../support/docx';
import { buyerWithClause, submitTenderForm } from '../support/tender';

// A reserved lot (declared in its file), an environmental specification for cleaning, an anti-dumping clause
// and an innovation clause (codes derived from theme and category).
const SELECTION = ['SOC-GREEN-001', 'ENV-CLEAN-001', 'DMP-CLEAN-002', 'INN-CLEAN-001'];

type Hint = ReturnType<typeof eformsHints>[number];
const codesOf = (hints: Hint[], term: string) =>
  hints
    .find((h) => h.term === term)!
    .codes.map((c) => c.code)
    .sort();

describe('eForms hints from the chosen clauses', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('takes the codes a clause file declares and derives the others from theme and category', () => {
    const reserved = realClause('SOC-GREEN-001');
    assert.deepEqual(impliedCodes(reserved, 'BT-71'), { codes: ['res-ws'], derived: false });
    assert.deepEqual(impliedCodes(realClause('ENV-CLEAN-001'), 'BT-774'), { codes: ['pollu-prev'], derived: true });
    assert.deepEqual(impliedCodes(realClause('DMP-CLEAN-002'), 'BT-775'), { codes: ['work-cond'], derived: true });
    assert.deepEqual(impliedCodes(realClause('INN-CLEAN-001'), 'BT-06'), { codes: ['inn-pur'], derived: true });
  });

  it('answers every term with codes and their labels for a known selection', () => {
    const hints = eformsHints(SELECTION.map(realClause), 'fr');
    assert.deepEqual(
      hints.map((h) => h.term),
      ['BT-06', 'BT-774', 'BT-775', 'BT-776', 'BT-805', 'BT-71', 'BT-736'],
    );
    assert.deepEqual(codesOf(hints, 'BT-06'), ['env-imp', 'inn-pur', 'soc-obj']);
    assert.deepEqual(codesOf(hints, 'BT-774'), ['pollu-prev']);
    assert.deepEqual(codesOf(hints, 'BT-775'), ['opp', 'work-cond']);
    assert.deepEqual(codesOf(hints, 'BT-71'), ['res-ws']);
    assert.deepEqual(codesOf(hints, 'BT-736'), ['no']);
    const strategic = hints.find((h) => h.term === 'BT-06')!;
    assert.equal(strategic.list, 'strategic-procurement');
    assert.equal(strategic.codes.find((c) => c.code === 'soc-obj')!.label, 'Réalisation d’objectifs sociaux');
    assert.deepEqual(strategic.codes.find((c) => c.code === 'soc-obj')!.clauses, ['SOC-GREEN-001', 'DMP-CLEAN-002']);
    const innovative = hints.find((h) => h.term === 'BT-776')!;
    assert.deepEqual(innovative.codes, []);
    assert.deepEqual(
      innovative.choose?.map((c) => c.code),
      ['mar-nov', 'proc-innov', 'prod-innov', 'rd-act'],
      'an innovative purchase without a declared code: the buyer chooses',
    );
    assert.deepEqual(
      hints.find((h) => h.term === 'BT-805')!.choose?.map((c) => c.code),
      ['eu', 'national', 'other'],
    );
    const dutch = eformsHints(SELECTION.map(realClause), 'nl');
    assert.equal(
      dutch.find((h) => h.term === 'BT-06')!.codes.find((c) => c.code === 'env-imp')!.label,
      'Vermindering van milieueffecten',
    );
  });

  it('says "none" where nothing calls for a term', () => {
    const hints = eformsHints([realClause('SME-CLEAN-002')], 'nl');
    assert.deepEqual(codesOf(hints, 'BT-06'), ['none']);
    assert.deepEqual(codesOf(hints, 'BT-805'), ['none']);
    assert.deepEqual(codesOf(hints, 'BT-71'), ['none']);
  });

  const body = {
    lang: 'fr',
    authority: 'Commune de Forest',
    title: 'Nettoyage',
    procedure: 'open',
    clauseIds: SELECTION,
    weights: { price: 100 },
  };

  it('puts the hints on a page of the document, with codes and labels in its language', async () => {
    const res = await request(ctx.app).post('/api/v1/tender-documents').send(body).buffer(true).parse(binary);
    assert.equal(res.status, 200);
    const docx = await readDocx(res.body);
    const annex = docx.paragraphs.findIndex((p) => p.text.startsWith('Annexe 3 – eForms'));
    assert.ok(annex > 0, 'annex 3 heading');
    const after = docx.paragraphs
      .slice(annex)
      .map((p) => p.text)
      .join('\n');
    assert.match(after, /BT-06/);
    assert.match(after, /res-ws – La participation est réservée à des ateliers protégés/);
    assert.match(after, /pollu-prev – La prévention et la réduction de la pollution \(ENV-CLEAN-001\)/);
    assert.match(after, /work-cond – Conditions de travail équitables/);
    assert.match(after, /CC BY 4\.0/);
    const tables = Array.from(docx.document.getElementsByTagNameNS(W, 'tbl'));
    const last = tables[tables.length - 1] as Element;
    assert.equal(last.getElementsByTagNameNS(W, 'tblHeader').length, 1, 'header row repeated');
  });

  it('answers the checks and the hints as JSON at POST /api/v1/tender-documents/check', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents/check')
      .send({ ...body, lots: [{ name: 'Seul lot' }] });
    assert.equal(res.status, 200);
    assert.equal(res.body.blocking, false);
    assert.ok(
      (res.body.checks as { key: string; message: string }[]).some(
        (c) => c.key === 'tender.checks.single_lot' && /un seul lot/i.test(c.message),
      ),
      JSON.stringify(res.body.checks),
    );
    const bt71 = (res.body.eforms as Hint[]).find((h) => h.term === 'BT-71')!;
    assert.deepEqual(bt71.codes[0], {
      code: 'res-ws',
      label:
        'La participation est réservée à des ateliers protégés et à des opérateurs économiques dont l’objet principal est l’intégration sociale et professionnelle de personnes handicapées ou défavorisées.',
      clauses: ['SOC-GREEN-001'],
      derived: false,
    });
    const blocked = await request(ctx.app)
      .post('/api/v1/tender-documents/check')
      .send({ ...body, weights: { price: 60 } });
    assert.equal(blocked.status, 200);
    assert.equal(blocked.body.blocking, true);
    const invalid = await request(ctx.app)
      .post('/api/v1/tender-documents/check')
      .send({ ...body, estimatedValue: '12.50.000' });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.details[0].field, 'estimatedValue');
  });

  it('shows the hints on the review page, in the page language', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'SOC-GREEN-001');
    await submitTenderForm(agent, 'nl', form, {
      lang: 'fr',
      authority: 'Gemeente Vorst',
      title: 'Groen',
      procedure: 'open',
    });
    const review = await agent.get('/nl/tender/review');
    assert.equal(review.status, 200);
    assert.match(review.text, /eForms: wat u in de aankondiging aangeeft/);
    assert.match(review.text, /BT-71 Voorbehouden deelname/);
    assert.match(review.text, /<code>res-ws<\/code> Deelname is voorbehouden aan beschutte werkplaatsen/);
  });

  it('documents the check endpoint in OpenAPI', async () => {
    const res = await request(ctx.app).get('/api/v1/openapi.json');
    const check = res.body.paths['/tender-documents/check'];
    assert.ok(check?.post?.responses?.[200]);
    assert.ok(res.body.paths['/tender-documents'].post.responses[503]);
    const value =
      res.body.paths['/tender-documents'].post.requestBody.content['application/json'].schema.properties.estimatedValue;
    assert.ok(JSON.stringify(value).includes('"string"'), 'a Belgian spelling of the value is accepted');
  });
});
