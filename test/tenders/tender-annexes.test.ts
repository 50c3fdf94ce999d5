// The annexes of the Word tender: the library annexes the chosen clauses refer to, the offer form and the price
// schedule, in Dutch and French, and the spreadsheet annexes made from the same library content.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import type { Element } from '@xmldom/xmldom';
import { createTestContext, type TestContext } from '../support/context';
import { W, binary, headings, readDocx, type Docx } from '../support/docx';

const BODY = {
  lang: 'nl',
  authority: 'Gemeente Vorst',
  title: 'Schoonmaak en maaltijden',
  reference: 'VO-2026-4',
  procedure: 'open',
  lots: [{ name: 'Scholen' }, { name: 'Crèches' }],
  // DMP-CLEAN-002 refers to the cleaning price breakdown, ENV-FOOD-002 to the seasonal calendar, and both
  // DMP-CLEAN-002 and SOC-CLEAN-001 ask proofs with the offer.
  clauseIds: ['ENV-FOOD-002', 'DMP-CLEAN-002', 'SOC-CLEAN-001'],
};

/** The text of each table of the document, rows joined by newlines and cells by " | ". */
function tables(docx: Docx): string[] {
  return Array.from(docx.document.getElementsByTagNameNS(W, 'tbl')).map((tbl) =>
    Array.from((tbl as Element).getElementsByTagNameNS(W, 'tr'))
      .map((tr) =>
        Array.from((tr as Element).getElementsByTagNameNS(W, 'tc'))
          .map((tc) =>
            Array.from((tc as Element).getElementsByTagNameNS(W, 't'))
              .map((t) => t.textContent)
              .join(''),
          )
          .join(' | '),
      )
      .join('\n'),
  );
}

/** The text between two headings of level 1 (not their lines in the table of contents). */
function partText(docx: Docx, from: string, to: string): string {
  const start = docx.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === from);
  const end = docx.paragraphs.findIndex((p, i) => i > start && p.style === 'Heading1' && p.text === to);
  assert.ok(start >= 0 && end > start, `${from} … ${to}`);
  return docx.paragraphs
    .slice(start, end)
    .map((p) => p.text)
    .join('\n');
}

const tableStarting = (docx: Docx, header: string) => {
  const found = tables(docx).find((t) => t.startsWith(header));
  assert.ok(found, `a table whose header starts with ${header}`);
  return found;
};

describe('the annexes of the Word tender', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const generate = (body: object, accept = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') =>
    request(ctx.app).post('/api/v1/tender-documents').set('Accept', accept).send(body).buffer(true).parse(binary);

  it('renders each library annex the clauses refer to once, numbered, with its tables, in Dutch', async () => {
    const res = await generate({ ...BODY, clauseIds: [...BODY.clauseIds, 'ENV-FOOD-011'] });
    assert.equal(res.status, 200);
    const docx = await readDocx(res.body);
    const annexes = headings(docx, 1).filter((h) => h.startsWith('Bijlage'));
    assert.deepEqual(annexes, [
      'Bijlage 1 – Checklist van de bewijsstukken',
      'Bijlage 2 – Gebruikte clausules',
      'Bijlage 3 – eForms: wat u in de aankondiging aangeeft',
      'Bijlage 4 – Offerteformulier',
      'Bijlage 5 – Inventaris',
      'Bijlage 6 – Model van prijsopbouw voor schoonmaakdiensten',
      'Bijlage 7 – Seizoenskalender voor groenten en fruit',
    ]);
    assert.equal(docx.text.match(/Zie bijlage 7: Seizoenskalender/g)?.length, 2, 'both clauses point to the one annex');
    const contents = docx.paragraphs.filter((p) => p.style === 'TOC1').map((p) => p.text);
    for (const annex of annexes) assert.ok(contents.includes(annex), `${annex} in the table of contents`);
    // The clause text's "in bijlage" points to the annex by number and title.
    assert.match(docx.text, /Zie bijlage 6: Model van prijsopbouw voor schoonmaakdiensten\./);
    assert.match(docx.text, /Zie bijlage 7: Seizoenskalender voor groenten en fruit\./);
    assert.match(docx.text, /Loonkost per uur\n/, 'a section heading of the annex');
    const breakdown = tableStarting(docx, 'Site | Uren prestaties per maand *');
    assert.match(breakdown, /Site 1 \(adres in te vullen door de aanbestedende overheid\)/);
    assert.match(breakdown, /\nTotaal \| /, 'the totals row');
    const calendar = tableStarting(docx, 'Product | jan | feb');
    assert.match(calendar, /✓/);
  });

  it('repeats the header row of annex tables and fixes their widths; wide tables go on a landscape page', async () => {
    const docx = await readDocx((await generate(BODY)).body);
    const breakdown = Array.from(docx.document.getElementsByTagNameNS(W, 'tbl')).find((tbl) =>
      (tbl as Element).textContent?.startsWith('SiteUren prestaties'),
    ) as Element;
    assert.ok(breakdown);
    const firstRow = breakdown.getElementsByTagNameNS(W, 'tr')[0] as Element;
    assert.equal(firstRow.getElementsByTagNameNS(W, 'tblHeader').length, 1, 'header row repeated');
    assert.equal((breakdown.getElementsByTagNameNS(W, 'tblLayout')[0] as Element).getAttributeNS(W, 'type'), 'fixed');
    const widths = Array.from(breakdown.getElementsByTagNameNS(W, 'gridCol')).map((c) =>
      Number((c as Element).getAttributeNS(W, 'w')),
    );
    assert.equal(widths.length, 11);
    assert.ok(widths.reduce((a, b) => a + b, 0) <= 16838 - 2 * 1440, 'fits the landscape text width');
    const orientations = Array.from(docx.document.getElementsByTagNameNS(W, 'pgSz')).map((s) =>
      (s as Element).getAttributeNS(W, 'orient'),
    );
    assert.ok(orientations.includes('landscape'), orientations.join(','));
  });

  it('renders the annexes in French for a French tender', async () => {
    const docx = await readDocx((await generate({ ...BODY, lang: 'fr' })).body);
    const annexes = headings(docx, 1).filter((h) => h.startsWith('Annexe'));
    assert.ok(annexes.includes('Annexe 4 – Formulaire d’offre'), annexes.join('\n'));
    assert.ok(annexes.includes('Annexe 5 – Inventaire'));
    assert.ok(annexes.includes('Annexe 6 – Modèle de décomposition du prix pour les services de nettoyage'));
    assert.ok(annexes.includes('Annexe 7 – Calendrier des fruits et légumes de saison'));
    assert.match(docx.text, /Voir l’annexe 6\u00a0: Modèle de décomposition du prix/);
    const breakdown = tableStarting(docx, 'Site | Heures de prestations par mois *');
    assert.match(breakdown, /Site 1 \(adresse à compléter par le pouvoir adjudicateur\)/);
    assert.ok(tableStarting(docx, 'Produit | janv. | févr.'));
  });

  it('has the offer form: bidder identity, acceptance of the bestek, prices per lot, validity, proofs, signature', async () => {
    const docx = await readDocx((await generate(BODY)).body);
    const form = partText(docx, 'Bijlage 4 – Offerteformulier', 'Bijlage 5 – Inventaris');
    assert.match(
      form,
      /Offerte voor de opdracht Schoonmaak en maaltijden \(VO-2026-4\), uitgeschreven door Gemeente Vorst/,
    );
    const identity = tableStarting(docx, 'Gegeven | In te vullen\nNaam of firmanaam');
    assert.match(identity, /Ondernemingsnummer \(KBO\) \| \[in te vullen door de inschrijver\]/);
    assert.match(form, /die hij zonder voorbehoud aanvaardt/);
    const prices = tableStarting(docx, 'Perceel | Prijs excl. btw in cijfers (euro) | Prijs excl. btw in letters');
    assert.match(prices, /Perceel 1: Scholen/);
    assert.match(prices, /Perceel 2: Crèches/);
    assert.match(form, /Btw \(euro\)/);
    assert.match(form, /Geldigheid van de offerte\nDe inschrijver blijft gebonden door zijn offerte/);
    const proofs = tableStarting(docx, 'Referentie | Bewijs | Bijgevoegd');
    assert.match(proofs, /DMP-CLEAN-002/);
    assert.match(proofs, /☐/);
    assert.match(form, /Handtekening \| \[in te vullen door de inschrijver\]|Handtekening/);
    assert.match(form, /gekwalificeerde elektronische handtekening/);
  });

  it('has the price schedule as a table that mirrors the .xlsx price schedule', async () => {
    const zip = await JSZip.loadAsync((await generate(BODY, 'application/zip')).body as Buffer);
    const docx = await readDocx(await zip.file('bestek-VO-2026-4.docx')!.async('nodebuffer'));
    const schedule = tableStarting(docx, 'Post | Omschrijving | Eenheid | Hoeveelheid');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await zip.file('bestek-VO-2026-4-inventaris.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    const sheetLines: string[] = [];
    let inTable = false;
    sheet.eachRow((row) => {
      const first = String(row.getCell(1).value ?? '');
      if (first === 'Post') inTable = true;
      if (inTable) sheetLines.push(first);
    });
    const docLines = schedule.split('\n').map((line) => line.split(' | ')[0]);
    assert.deepEqual(docLines, sheetLines);
    assert.ok(
      docLines.includes('Perceel 1: Scholen') && docLines.includes('2.5') && docLines.includes('Totaal incl. btw'),
    );
  });

  it('makes the .xlsx of a library worksheet from the annex itself, in place of the generic price breakdown', async () => {
    const zip = await JSZip.loadAsync((await generate(BODY, 'application/zip')).body as Buffer);
    assert.deepEqual(Object.keys(zip.files).sort(), [
      'bestek-VO-2026-4-bijlage-6.xlsx',
      'bestek-VO-2026-4-inventaris.xlsx',
      'bestek-VO-2026-4.docx',
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await zip.file('bestek-VO-2026-4-bijlage-6.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(1).value, 'Bijlage 6 – Model van prijsopbouw voor schoonmaakdiensten');
    let head: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (!head && row.getCell(1).value === 'Site') head = row;
    });
    assert.ok(head);
    assert.equal(head.getCell(2).value, 'Uren prestaties per maand *');
    const site1 = sheet.getRow(head.number + 1);
    assert.equal(site1.getCell(1).value, 'Site 1 (adres in te vullen door de aanbestedende overheid)');
    const r = site1.number;
    // wage_cost_hour = hourly_wage * (1 + employer_charges / 100); wage_cost_month = hours_month * wage_cost_hour
    assert.deepEqual(site1.getCell(6).value, { formula: `(D${r}*(1+(E${r}/100)))` });
    assert.deepEqual(site1.getCell(7).value, { formula: `(B${r}*F${r})` });
    // two given rows and three blank ones, then the totals
    const total = sheet.getRow(head.number + 6);
    assert.equal(total.getCell(1).value, 'Totaal');
    assert.deepEqual(total.getCell(2).value, { formula: `SUM(B${head.number + 1}:B${head.number + 5})` });
  });

  it('counts in the life-cycle cost annex the years the clause sets, in the .docx and the .xlsx', async () => {
    const body = { ...BODY, clauseIds: ['ENV-ENER-005'], parameters: { 'ENV-ENER-005': { lcc_years: '12' } } };
    const docx = await readDocx((await generate(body)).body);
    const lcc = tableStarting(docx, 'Kostenpost | Eenmalige kost (euro) * | Jaarlijkse kost (euro) * | Aantal jaren');
    assert.match(lcc, /\nAankoop \| {2}\| {2}\| 12 \| /);
    assert.ok(!/ \| 10 \| /.test(lcc), lcc);
    const zip = await JSZip.loadAsync((await generate(body, 'application/zip')).body as Buffer);
    const name = Object.keys(zip.files).find((n) => n.endsWith('-bijlage-6.xlsx'));
    assert.ok(name, Object.keys(zip.files).join(', '));
    assert.ok(!Object.keys(zip.files).some((n) => n.endsWith('-levenscycluskost.xlsx')), 'no second LCC model');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await zip.file(name)!.async('nodebuffer')) as unknown as ArrayBuffer);
    let purchase: ExcelJS.Row | undefined;
    book.worksheets[0].eachRow((row) => {
      if (!purchase && row.getCell(1).value === 'Aankoop') purchase = row;
    });
    assert.equal(purchase?.getCell(4).value, 12);
  });
});
