import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { binary } from '../support/docx';
import { createTestContext, type TestContext } from '../support/context';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

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
        clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'ENV-CLEAN-003', 'DMP-CLEAN-001'],
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
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks the converter answers at all', () => {
    const version = spawnSync(soffice!, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    assert.match(version.stdout, /LibreOffice/);
  });
});
