import assert from 'node:assert/strict';
import type { Element } from '@xmldom/xmldom';
import request from 'supertest';
import { TEXT_WIDTH } from '../../server/tenders/docx-kit';
import { createTestContext, type TestContext } from '../support/context';
import { W, binary, readDocx } from '../support/docx';

// A bold 11-point Calibri letter advances about 0.53 em (5.8 pt = 116 twips); Word's default cell margins are
// 108 twips on each side. A header word fits on one line when its column is at least this wide.
const fits = (word: string) => [...word].length * 116 + 216;

describe('layout of the tender document', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  for (const lang of ['nl', 'fr'] as const) {
    it(`gives every table header word room on one line (${lang})`, async () => {
      const res = await request(ctx.app)
        .post('/api/v1/tender-documents')
        .send({
          lang,
          authority: 'Gemeente Jette',
          title: 'Schoonmaak',
          procedure: 'open',
          lots: [{ name: 'A' }, { name: 'B' }],
          clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-003', 'SME-CLEAN-002'],
        })
        .buffer(true)
        .parse(binary);
      const docx = await readDocx(res.body);
      const tables = Array.from(docx.document.getElementsByTagNameNS(W, 'tbl')) as Element[];
      assert.ok(tables.length >= 5);
      const headers: string[] = [];
      for (const table of tables) {
        assert.equal((table.getElementsByTagNameNS(W, 'tblLayout')[0] as Element).getAttributeNS(W, 'type'), 'fixed');
        const grid = Array.from(table.getElementsByTagNameNS(W, 'gridCol')).map((g) =>
          Number((g as Element).getAttributeNS(W, 'w')),
        );
        assert.ok(grid.reduce((a, b) => a + b, 0) <= TEXT_WIDTH, 'the table fits the page');
        const firstRow = table.getElementsByTagNameNS(W, 'tr')[0] as Element;
        Array.from(firstRow.getElementsByTagNameNS(W, 'tc')).forEach((tc, i) => {
          const text = Array.from((tc as Element).getElementsByTagNameNS(W, 't'))
            .map((t) => t.textContent)
            .join('');
          headers.push(text);
          for (const word of text.split(/\s+/).filter(Boolean))
            assert.ok(grid[i] >= fits(word), `"${word}" in a column of ${grid[i]} twips`);
        });
      }
      assert.ok(headers.includes(lang === 'nl' ? 'Gecontroleerd' : 'Contrôlé'), headers.join(' | '));
      if (lang === 'fr') assert.ok(headers.includes('Pondération'));
    });
  }

  it('asks Word to update the table of contents when the file is opened', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({ lang: 'nl', authority: 'Gemeente', title: 'T', procedure: 'open', clauseIds: ['SOC-CLEAN-001'] })
      .buffer(true)
      .parse(binary);
    const JSZip = (await import('jszip')).default;
    const settings = await (await JSZip.loadAsync(res.body as Buffer)).file('word/settings.xml')!.async('string');
    assert.match(settings, /<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });
});
