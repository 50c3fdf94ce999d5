import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { binary, readDocx } from '../support/docx';
import { buyerWithClause, submitTenderForm } from '../support/tender';

const body = {
  lang: 'nl',
  authority: 'Gemeente Etterbeek',
  title: 'Schoonmaak en IT',
  reference: 'ET-2026-9',
  procedure: 'open',
  category: 'cleaning',
  lots: [{ name: 'Scholen' }, { name: 'Administratie' }],
  clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'DMP-CLEAN-002', 'ENV-IT-003'],
  parameters: { 'ENV-IT-003': { electricity_price: '0,35' } },
};

async function workbook(zip: JSZip, name: string): Promise<ExcelJS.Workbook> {
  const file = zip.file(name);
  assert.ok(file, `${name} in ${Object.keys(zip.files).join(', ')}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await file.async('nodebuffer')) as unknown as ArrayBuffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const findRow = (sheet: ExcelJS.Worksheet, first: string) => {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value ?? '').startsWith(first)) found = row;
  });
  assert.ok(found, `a row starting with ${first}`);
  return found;
};

describe('the tender package: .docx and spreadsheet annexes', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const generate = (payload: object, accept: string) =>
    request(ctx.app).post('/api/v1/tender-documents').set('Accept', accept).send(payload).buffer(true).parse(binary);

  it('answers a ZIP with the .docx and the .xlsx annexes for Accept: application/zip', async () => {
    const res = await generate(body, 'application/zip');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="bestek-ET-2026-9.zip"');
    const zip = await JSZip.loadAsync(res.body as Buffer);
    // DMP-CLEAN-002 refers to the library's cleaning price breakdown (annex 6): it takes the generic sheet's place.
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'bestek-ET-2026-9-bijlage-6.xlsx',
      'bestek-ET-2026-9-inventaris.xlsx',
      'bestek-ET-2026-9-levenscycluskost.xlsx',
      'bestek-ET-2026-9.docx',
    ]);
    const docx = await readDocx(await zip.file('bestek-ET-2026-9.docx')!.async('nodebuffer'));
    assert.match(docx.text, /Schoonmaak en IT/);
  });

  it('still answers the .docx alone for the Word type', async () => {
    const res = await generate(body, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal((res.body as Buffer).subarray(0, 2).toString(), 'PK');
    await readDocx(res.body);
  });

  it('makes a price schedule per lot whose formulas total, in the document language', async () => {
    const zip = await JSZip.loadAsync((await generate(body, 'application/zip')).body as Buffer);
    const sheet = (await workbook(zip, 'bestek-ET-2026-9-inventaris.xlsx')).worksheets[0];
    assert.equal(sheet.name, 'Inventaris');
    const head = findRow(sheet, 'Post');
    assert.deepEqual(rowValues(sheet, head.number), [
      'Post',
      'Omschrijving',
      'Eenheid',
      'Hoeveelheid',
      'Eenheidsprijs excl. btw (euro)',
      'Totaal excl. btw (euro)',
    ]);
    assert.ok(findRow(sheet, 'Perceel 1: Scholen'));
    assert.ok(findRow(sheet, 'Perceel 2: Administratie'));
    const firstItem = sheet.getRow(head.number + 2);
    assert.deepEqual(firstItem.getCell(6).value, { formula: `D${firstItem.number}*E${firstItem.number}` });
    assert.equal(firstItem.getCell(6).numFmt, '#,##0.00');
    const total = findRow(sheet, 'Totaal excl. btw');
    assert.match(String((total.getCell(6).value as { formula: string }).formula), /^SUM\(F\d+:F\d+\)$/);
    const vatRate = findRow(sheet, 'Btw-tarief');
    assert.equal(vatRate.getCell(5).value, 0.21);
    const incl = findRow(sheet, 'Totaal incl. btw');
    assert.match(String((incl.getCell(6).value as { formula: string }).formula), /^F\d+\+F\d+$/);
  });

  it('breaks the price down per joint committee, with the committee of the category, without a library model', async () => {
    const withoutModel = { ...body, clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-IT-003'] };
    const zip = await JSZip.loadAsync((await generate(withoutModel, 'application/zip')).body as Buffer);
    const sheet = (await workbook(zip, 'bestek-ET-2026-9-prijsopbouw.xlsx')).worksheets[0];
    const head = findRow(sheet, 'Paritair comité');
    const line = sheet.getRow(head.number + 1);
    assert.equal(line.getCell(1).value, '121', 'cleaning: joint committee 121');
    assert.deepEqual(line.getCell(6).value, { formula: `C${line.number}*(1+D${line.number})*E${line.number}` });
    assert.ok(findRow(sheet, 'Totale prijs excl. btw').getCell(6).value);
  });

  it('prefills the life-cycle cost worksheet with the clause’s period and energy price', async () => {
    const zip = await JSZip.loadAsync((await generate(body, 'application/zip')).body as Buffer);
    const sheet = (await workbook(zip, 'bestek-ET-2026-9-levenscycluskost.xlsx')).worksheets[0];
    assert.equal(findRow(sheet, 'Energieprijs').getCell(2).value, 0.35);
    assert.ok(Number(findRow(sheet, 'Gebruiksduur').getCell(2).value) > 0);
    const head = findRow(sheet, 'Offerte of model');
    const first = sheet.getRow(head.number + 1);
    assert.match(
      String((first.getCell(7).value as { formula: string }).formula),
      /^B\d+\+\$B\$\d+\*\(D\d+\+E\d+\)\+F\d+$/,
    );
  });

  it('writes the annexes in French for a French tender, and leaves out the LCC sheet when no clause prices energy', async () => {
    const res = await generate(
      { ...body, lang: 'fr', clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001'], parameters: {} },
      'application/zip',
    );
    const zip = await JSZip.loadAsync(res.body as Buffer);
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'cahier-des-charges-ET-2026-9-decomposition-prix.xlsx',
      'cahier-des-charges-ET-2026-9-inventaire.xlsx',
      'cahier-des-charges-ET-2026-9.docx',
    ]);
    const sheet = (await workbook(zip, 'cahier-des-charges-ET-2026-9-inventaire.xlsx')).worksheets[0];
    assert.equal(sheet.name, 'Inventaire');
    assert.ok(findRow(sheet, 'Total TVAC'));
  });

  it('offers "download everything" on the review page', async () => {
    const { agent, form } = await buyerWithClause(ctx, 'nl', 'SOC-CLEAN-001');
    await submitTenderForm(agent, 'nl', form, {
      lang: 'nl',
      authority: 'Gemeente',
      title: 'Schoonmaak',
      procedure: 'open',
    });
    const review = await agent.get('/nl/tender/review');
    assert.match(review.text, /<button type="submit" name="format" value="zip"[^>]*>Alles downloaden/);
    const zip = await agent
      .post('/nl/tender/download')
      .type('form')
      .send({ _csrf: csrfFrom(review.text), format: 'zip' })
      .buffer(true)
      .parse(binary);
    assert.equal(zip.status, 200);
    assert.equal(zip.headers['content-type'], 'application/zip');
    assert.ok(Object.keys((await JSZip.loadAsync(zip.body as Buffer)).files).some((n) => n.endsWith('.docx')));
  });
});
