import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { binary } from '../support/docx';
import { createTestContext, type TestContext } from '../support/context';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
// Calc (libreoffice-calc-nogui) converts the spreadsheet annexes; CI installs it beside Writer.
const calc = fs.existsSync('/usr/lib/libreoffice/program/libsclo.so');

function convert(file: string, to: string, outDir: string, profile: string): string {
  execFileSync(
    soffice!,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      to,
      '--outdir',
      outDir,
      file,
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const ext = to.split(':')[0];
  return path.join(outDir, `${path.basename(file, '.docx')}.${ext}`);
}

describe('generated documents in LibreOffice', function () {
  this.timeout(180_000);
  let ctx: TestContext;
  before(async function () {
    if (!soffice) {
      // CI installs LibreOffice (.ci/run); there this test must run, so a missing binary is a failure.
      if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is missing in CI');
      this.skip();
    }
    ctx = await createTestContext();
  });
  after(async () => ctx?.close());

  it('renders a tender document to PDF with its content', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({
        lang: 'nl',
        authority: 'Gemeente Sint-Gillis',
        title: 'Schoonmaak van de scholen',
        procedure: 'open',
        clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-003', 'DMP-CLEAN-001', 'DMP-CLEAN-002'],
      })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-render-'));
    const docx = path.join(dir, 'bestek.docx');
    fs.writeFileSync(docx, res.body);
    const pdf = convert(docx, 'pdf', dir, path.join(dir, 'profile'));
    const bytes = fs.readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(bytes.length > 20_000, `PDF of ${bytes.length} bytes`);
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 4, `${pages} pages`);
    const text = fs.readFileSync(convert(docx, 'txt:Text', dir, path.join(dir, 'profile')), 'utf8');
    assert.match(text, /Schoonmaak van de scholen/);
    assert.match(text, /Bijlage 2 – Gebruikte clausules/);
    assert.match(text, /Bijlage 4 – Offerteformulier/);
    assert.match(text, /Bijlage 5 – Inventaris/);
    assert.match(text, /Bijlage 6 – Model van prijsopbouw voor schoonmaakdiensten/);
    assert.match(text, /Zie bijlage 6: Model van prijsopbouw voor schoonmaakdiensten/);
    // LibreOffice fills the table of contents with the headings on opening, without page numbers (Tools ›
    // Update › Update All adds them); Word updates the whole field on opening (updateFields in settings.xml).
    assert.match(text, /Inhoud\t?\n1\. Administratieve bepalingen\t?\n1\.1 /);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts a French package: the .docx to text and a filled price schedule to CSV with its totals', async function () {
    if (!calc) {
      if (process.env.CI === 'true') throw new Error('LibreOffice Calc (libreoffice-calc-nogui) is missing in CI');
      this.skip();
    }
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .set('Accept', 'application/zip')
      .send({
        lang: 'fr',
        authority: 'Commune de Saint-Gilles',
        title: 'Nettoyage des écoles',
        reference: 'SG-1',
        procedure: 'open',
        estimatedValue: '1 250 000,50',
        clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'DMP-CLEAN-001', 'DMP-CLEAN-002'],
      })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-package-'));
    const docx = path.join(dir, 'cahier.docx');
    fs.writeFileSync(docx, await zip.file('cahier-des-charges-SG-1.docx')!.async('nodebuffer'));
    const text = fs.readFileSync(convert(docx, 'txt:Text', dir, path.join(dir, 'profile')), 'utf8');
    assert.match(text, /1\s250\s000,50\seuros/);
    assert.match(text, /Cautionnement/);
    assert.match(text, /Annexe 3 – eForms/);
    // The bidder fills two lines; LibreOffice recalculates the formulas on opening.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await zip.file('cahier-des-charges-SG-1-inventaire.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    const sheet = book.worksheets[0];
    let first = 0;
    sheet.eachRow((row) => {
      if (!first && row.getCell(1).value === 'Poste') first = row.number + 1;
    });
    sheet.getCell(`D${first}`).value = 2;
    sheet.getCell(`E${first}`).value = 100.5;
    sheet.getCell(`D${first + 1}`).value = 10;
    sheet.getCell(`E${first + 1}`).value = 30;
    const xlsx = path.join(dir, 'inventaire.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(await book.xlsx.writeBuffer()));
    convert(xlsx, 'csv', dir, path.join(dir, 'profile'));
    const csv = fs.readFileSync(path.join(dir, 'inventaire.csv'), 'utf8');
    assert.match(csv, /Total HTVA[^\n]*,501(\.0+)?\b/, csv);
    assert.match(csv, /Total TVAC[^\n]*,606\.21\b/, csv);
    // The library's cleaning price breakdown (annex 6): its formulas work out the wage cost and the price.
    const model = new ExcelJS.Workbook();
    await model.xlsx.load(
      (await zip.file('cahier-des-charges-SG-1-annexe-6.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer,
    );
    const site = model.worksheets[0];
    let line = 0;
    site.eachRow((row) => {
      if (!line && row.getCell(1).value === 'Site') line = row.number + 1;
    });
    // hours, wage class, hourly wage, employer's charges (%); products, overheads, margin
    for (const [column, value] of Object.entries({ B: 100, C: '1A', D: 20, E: 50, H: 100, I: 200, J: 50 }))
      site.getCell(`${column}${line}`).value = value;
    const modelFile = path.join(dir, 'decomposition.xlsx');
    fs.writeFileSync(modelFile, Buffer.from(await model.xlsx.writeBuffer()));
    convert(modelFile, 'csv', dir, path.join(dir, 'profile'));
    const modelCsv = fs.readFileSync(path.join(dir, 'decomposition.csv'), 'utf8');
    // 20 × 1.5 = 30 an hour; × 100 hours = 3000; + 100 + 200 + 50 = 3350 a month
    assert.match(modelCsv, /Site 1[^\n]*,30(\.0+)?,3000(\.0+)?,100,200,50,3350\b/, modelCsv);
    assert.match(modelCsv, /Total[^\n]*,3350\b/, modelCsv);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks the converter answers at all', () => {
    const version = spawnSync(soffice!, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    assert.match(version.stdout, /LibreOffice/);
  });
});
