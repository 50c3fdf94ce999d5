import assert from 'node:assert/strict';
import request from 'supertest';
import type { Element } from '@xmldom/xmldom';
import { contentOf } from '../../server/clauses/repository';
import { createTestContext, type TestContext } from '../support/context';
import { realClause } from '../support/clause-files';
import { typeset } from '../../server/i18n/typography';
import { W, binary, headings, readDocx } from '../support/docx';

const BASE = {
  lang: 'fr',
  authority: "Commune d'Ixelles",
  title: 'Nettoyage des bâtiments communaux',
  reference: 'IX-2026-017',
  procedure: 'open',
  estimatedValue: 420000,
  durationDays: 730,
  lots: [{ name: 'Hôtel communal' }, { name: 'Écoles' }],
  clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-003', 'ENV-CLEAN-001', 'DMP-CLEAN-002', 'SME-CLEAN-002'],
  parameters: { 'SOC-CLEAN-001': { training_hours_percent: 7, placement_count: 3 } },
};

describe('POST /api/v1/tender-documents', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const generate = (body: unknown) =>
    request(ctx.app)
      .post('/api/v1/tender-documents')
      .send(body as object)
      .buffer(true)
      .parse(binary);

  it('answers a .docx with a safe file name', async () => {
    const res = await generate(BASE);
    assert.equal(res.status, 200);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(res.headers['content-disposition'], 'attachment; filename="cahier-des-charges-IX-2026-017.docx"');
    assert.equal((res.body as Buffer).subarray(0, 2).toString(), 'PK');
  });

  it('puts each clause, in the chosen language, at its stage with parameters filled in', async () => {
    const docx = await readDocx((await generate(BASE)).body);
    const h1 = headings(docx, 1);
    assert.deepEqual(h1.slice(1, 5), [
      '1. Dispositions administratives',
      '2. Critères d’attribution'.replace('’', "'"),
      '3. Spécifications techniques',
      '4. Conditions d’exécution'.replace('’', "'"),
    ]);
    const text = docx.text;
    const at = (s: string) => text.indexOf(s);
    const selection = typeset('fr', realClause('SME-CLEAN-002').title.fr);
    const award = typeset('fr', realClause('ENV-CLEAN-003').title.fr);
    const spec = typeset('fr', realClause('ENV-CLEAN-001').title.fr);
    const performance = typeset('fr', realClause('SOC-CLEAN-001').title.fr);
    assert.ok(
      at(selection) > at('1. Dispositions administratives') && at(selection) < at('2. Critères'),
      'selection clause in part 1',
    );
    assert.ok(at(award) > at('2. Critères') && at(award) < at('3. Spécifications'), 'award clause in part 2');
    assert.ok(
      at(spec) > at('3. Spécifications') && at(spec) < at('4. Conditions'),
      'technical specification in part 3',
    );
    assert.ok(at(performance) > at('4. Conditions'), 'performance clause in part 4');
    assert.match(text, /au moins 7 % du nombre total d'heures/);
    assert.match(text, /d'au moins 3 demandeur\(s\) d'emploi/);
    assert.doesNotMatch(text, /\{\{/);
    assert.doesNotMatch(text, /Opleiding van werkzoekenden/, 'no Dutch clause text in a French document');
  });

  it('lists the award criteria with their weights in a table whose first row is a header', async () => {
    const docx = await readDocx((await generate(BASE)).body);
    const tables = Array.from(docx.document.getElementsByTagNameNS(W, 'tbl'));
    const weights = tables.find((t) => (t.textContent ?? '').startsWith('CritèrePondération'))!;
    assert.ok(weights, 'weights table');
    const rows = Array.from(weights.getElementsByTagNameNS(W, 'tr')).map((r) =>
      Array.from((r as Element).getElementsByTagNameNS(W, 'tc')).map((c) => c.textContent),
    );
    assert.deepEqual(rows[0], ['Critère', 'Pondération', 'Référence']);
    assert.deepEqual(rows[1], ['Prix', '90', '—']);
    assert.deepEqual(rows[2], [
      typeset('fr', realClause('ENV-CLEAN-003').title.fr),
      '10',
      `ENV-CLEAN-003 v${realClause('ENV-CLEAN-003').version}`,
    ]);
    assert.deepEqual(rows.at(-1), ['Total', '100', '']);
    for (const table of tables) {
      const firstRow = (table as Element).getElementsByTagNameNS(W, 'tr')[0] as Element;
      assert.equal(firstRow.getElementsByTagNameNS(W, 'tblHeader').length, 1, 'every table repeats a header row');
    }
  });

  it('uses the given weights and refuses weights that do not total 100', async () => {
    const ok = await readDocx((await generate({ ...BASE, weights: { price: 70, 'ENV-CLEAN-003': 30 } })).body);
    assert.match(ok.text, /Prix\n70\n—/);
    const bad = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({ ...BASE, weights: { price: 80, 'ENV-CLEAN-003': 30 } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.error.details, [
      {
        field: 'weights',
        message: 'Les pondérations du prix et des critères d’attribution totalisent 110 points au lieu de 100.'.replace(
          '’',
          "'",
        ),
      },
    ]);
  });

  it('has a cover page, a table of contents, the annexes and marked placeholders', async () => {
    const docx = await readDocx((await generate({ ...BASE, reference: '' })).body);
    assert.equal(docx.paragraphs.find((p) => p.style === 'Title')?.text, BASE.title);
    assert.ok(docx.document.getElementsByTagNameNS(W, 'sdt').length >= 1, 'table of contents');
    assert.match(docx.text, /\[référence du dossier\]/);
    const h1 = headings(docx, 1);
    assert.ok(h1.includes('Annexe 1 – Liste de contrôle des preuves'));
    assert.ok(h1.includes('Annexe 2 – Clauses utilisées'));
    const annex2 = docx.text.slice(docx.text.indexOf('Annexe 2 – Clauses utilisées'));
    for (const id of BASE.clauseIds)
      assert.match(annex2, new RegExp(`${id}\\n${realClause(id).version}\\n`), `${id} with its version`);
    const highlighted = Array.from(docx.document.getElementsByTagNameNS(W, 'r'))
      .filter((r) => (r as Element).getElementsByTagNameNS(W, 'highlight').length > 0)
      .map((r) => r.textContent ?? '');
    assert.ok(highlighted.length >= 5);
    for (const text of highlighted) assert.match(text, /^\[.+\]$/);
  });

  it('sets the document language, title and subject', async () => {
    const docx = await readDocx((await generate(BASE)).body);
    const defaultLang = docx.styles.getElementsByTagNameNS(W, 'docDefaults')[0] as Element;
    assert.equal((defaultLang.getElementsByTagNameNS(W, 'lang')[0] as Element).getAttributeNS(W, 'val'), 'fr-BE');
    const core = docx.core.documentElement!;
    const text = (tag: string) => core.getElementsByTagName(tag)[0]?.textContent;
    assert.equal(text('dc:title'), BASE.title);
    assert.equal(text('dc:subject'), 'Cahier spécial des charges (modèle)');
    assert.equal(text('dc:language'), 'fr-BE');
    assert.equal(text('dc:creator'), BASE.authority);
    assert.match(text('dcterms:created') ?? '', /^\d{4}-\d{2}-\d{2}T/);
  });

  it('writes the Dutch language and properties in the one pass a Dutch document takes', async () => {
    const docx = await readDocx((await generate({ ...BASE, lang: 'nl', title: 'Schoonmaak & glazen' })).body);
    const core = docx.core.documentElement!;
    const text = (tag: string) => core.getElementsByTagName(tag)[0]?.textContent;
    assert.equal(text('dc:language'), 'nl-BE');
    assert.equal(text('dc:title'), 'Schoonmaak & glazen');
    assert.equal(text('dc:subject'), 'Bestek (model)');
    assert.equal(core.getElementsByTagName('dc:language').length, 1);
  });

  it('makes whatever the buyer types safe for Word', async () => {
    const nasty = {
      ...BASE,
      lang: 'nl',
      title: 'Schoonmaak <w:t>& "quotes"\uFFFE\uD800',
      authority: 'Gemeente ]]><x/>',
      lots: [{ name: 'Lot 1' }, { name: 'Lot </w:t> 2' }],
      parameters: { 'SOC-CLEAN-001': { training_hours_percent: 5 } },
    };
    // Control characters never get this far: the edge refuses them, naming each field (test/security).
    const refused = await generate({ ...nasty, title: 'Schoonmaak\u0000\u0007', lots: [{ name: 'Lot\u001f 1' }] });
    assert.equal(refused.status, 422);
    const res = await generate(nasty);
    assert.equal(res.status, 200);
    const docx = await readDocx(res.body);
    assert.equal(docx.paragraphs.find((p) => p.style === 'Title')?.text, 'Schoonmaak <w:t>& "quotes"');
    assert.match(docx.text, /Gemeente \]\]><x\/>/);
    assert.match(docx.text, /Lot 1/);
    assert.match(docx.text, /Lot <\/w:t> 2/);
  });

  it('answers 422 naming each invalid field', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({
        lang: 'de',
        authority: '',
        procedure: 'auction',
        clauseIds: ['SOC-CLEAN-001', 'NOT-AN-ID'],
        estimatedValue: 'lots',
        parameters: { 'SOC-CLEAN-001': { training_hours_percent: 'many' } },
        extra: 1,
      });
    assert.equal(res.status, 422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(
      fields,
      // The clause parameter too, in the same answer (every problem at once).
      [
        'clauseIds.1',
        'estimatedValue',
        'extra',
        'lang',
        'procedure',
        'title',
        'authority',
        'parameters.SOC-CLEAN-001.training_hours_percent',
      ].sort(),
    );
    const unknown = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({
        ...BASE,
        clauseIds: ['SOC-CLEAN-001', 'SOC-CLEAN-999'],
        parameters: { 'SOC-CLEAN-001': { training_hours_percent: 99 } },
      });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.error.details.map((d: { field: string }) => d.field).sort(), [
      'clauseIds.1',
      'parameters.SOC-CLEAN-001.training_hours_percent',
    ]);
    const json = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .set('Content-Type', 'application/json')
      .send('{"lang":');
    assert.equal(json.status, 400);
  });

  it('records the generated template per theme, without personal data', async () => {
    await ctx.db('usage_events').where({ kind: 'template_generated' }).delete();
    await generate({ ...BASE, category: 'cleaning', level: 'advanced' });
    const rows = await ctx.db('usage_events').where({ kind: 'template_generated' });
    assert.deepEqual(rows.map((r) => r.theme).sort(), ['anti_dumping', 'environmental', 'sme', 'social']);
    assert.equal(new Set(rows.map((r) => r.document_id)).size, 1);
    for (const row of rows) {
      assert.equal(row.category, 'cleaning');
      assert.equal(row.level, 'advanced');
    }
  });

  it('generates a document of 200 clauses', async function () {
    this.timeout(60_000);
    const template = realClause('SOC-CLEAN-001');
    const now = new Date().toISOString();
    // The library may hold more than 200 published clauses: take at most 200, and top up with bulk ones when fewer.
    const published = (await ctx.db('clauses').where({ status: 'published' }).orderBy('id').select('id'))
      .map((r) => r.id as string)
      .slice(0, 200);
    const extra = Array.from(
      { length: 200 - published.length },
      (_, i) => `SOC-BULK-${String(i + 1).padStart(3, '0')}`,
    );
    for (const id of extra) {
      await ctx.db('clauses').insert({
        id,
        status: 'published',
        theme: 'social',
        stage: 'performance',
        level: 'advanced',
        owner_org: 'actiris',
        latest_version: 1,
        published_version: 1,
        reviewed_on: '2026-01-01',
        created_at: now,
        updated_at: now,
      });
      await ctx.db('clause_versions').insert({
        clause_id: id,
        version: 1,
        status: 'published',
        content: contentOf({ ...template, id }),
        reason: 'bulk',
        author_name: 'test',
        created_at: now,
        published_at: now,
      });
    }
    const ids = [...published, ...extra];
    assert.equal(ids.length, 200);
    const withSuggested = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({ ...BASE, clauseIds: ids, parameters: {} });
    assert.equal(withSuggested.status, 422, 'the suggested weights of all award clauses exceed 100 together');
    assert.equal(withSuggested.body.error.details[0].field, 'weights');
    const awards = (await ctx.db('clauses').whereIn('id', ids).where({ stage: 'award' }).select('id')).map(
      (r) => r.id as string,
    );
    const share = Math.floor(60 / awards.length);
    const weights = Object.fromEntries([['price', 100 - share * awards.length], ...awards.map((id) => [id, share])]);
    const res = await generate({ ...BASE, clauseIds: ids, parameters: {}, weights });
    assert.equal(res.status, 200);
    const docx = await readDocx(res.body);
    assert.equal(headings(docx, 3).length, 200);
    const annex2 = docx.text.slice(docx.text.indexOf('Annexe 2 – Clauses utilisées'));
    for (const id of ids) assert.ok(annex2.includes(`${id}\n`), id);
  });
});
