import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportRefused, MAX_FILES, collectFiles } from '../../server/observatory/importer';
import { MAX_NOTICE_BYTES } from '../../server/observatory/xml';
import { spawnSync } from 'node:child_process';
import { createTestContext, type TestContext } from '../support/context';
import { BILLION_LAUGHS, externalEntityNotice, NOTICES_DIR, variant } from '../support/notices';

describe('importing eForms notices', () => {
  let ctx: TestContext;
  let tmp: string;
  const importer = () => ctx.deps.observatory.importer;
  const row = (id: string) => ctx.db('notices').where({ notice_id: id }).first();
  const categoriesOf = async (id: string) =>
    (await ctx.db('notice_categories').where({ notice_id: id }).orderBy('category_code')).map((r) => r.category_code);
  const snapshot = async () => ({
    notices: await ctx.db('notices').orderBy('notice_id').select('notice_id', 'version', 'is_latest', 'imported_at'),
    categories: await ctx.db('notice_categories').orderBy(['notice_id', 'category_code']),
  });

  before(async function () {
    this.timeout(60_000);
    ctx = await createTestContext();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notices-'));
  });
  after(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await ctx.close();
  });

  it('imports every SDK example: the valid ones added, the invalid ones refused with their name and problems', async () => {
    const report = await importer().importPaths([NOTICES_DIR]);
    assert.deepEqual([report.added, report.replaced, report.unchanged, report.older, report.refused], [18, 0, 0, 0, 3]);
    const refused = report.files.filter((f) => f.outcome === 'refused');
    assert.deepEqual(
      refused.map((f) => path.basename(f.file)),
      ['INVALID_can_24_empty.xml', 'INVALID_cn_24_empty.xml', 'INVALID_cn_24_stage-1.xml'],
    );
    for (const f of refused)
      assert.ok(
        f.problems.some((p) => p.params?.field === 'BT-701'),
        f.file,
      );
    assert.equal(await ctx.deps.observatory.repo.count(), 18);
    const stored = await row('14549263-b47b-4e59-96a1-2d0d13e19343');
    assert.deepEqual(
      [stored.version, stored.procedure_id, stored.buyer_nuts, stored.main_cpv, stored.source],
      [3, 'aff2863e-b4cc-4e91-baba-b3b85f709117', 'LU000', '79710000', 'cn_24_maximal.xml'],
    );
    assert.deepEqual([stored.env_imp, stored.soc_obj, stored.inn_pur, stored.gpp, stored.reserved].map(Boolean), [
      true,
      true,
      true,
      false,
      true,
    ]);
  });

  it('maps CPV codes to the library categories by prefix', async () => {
    assert.deepEqual(await categoriesOf('f42be27e-09cf-4f0e-a745-63ec689631e6'), ['it']); // 72230000
    assert.deepEqual(await categoriesOf('65667997-031a-4198-bd25-7225449ef479'), ['green_spaces']); // 77310000
    assert.deepEqual(await categoriesOf('14549263-b47b-4e59-96a1-2d0d13e19343'), ['security']); // 79710000
    assert.deepEqual(await categoriesOf('39d68def-a6aa-4e85-aa8d-97f0600ea41e'), ['energy']); // 09331200
    assert.deepEqual(await categoriesOf('199b243b-4daf-4d7d-ba7c-f37f88102480'), [
      'construction',
      'furniture',
      'reuse',
    ]);
    assert.deepEqual(await categoriesOf('76c82dad-10b1-4e6a-9326-9312b4bf9baf'), [], 'health and social services');
  });

  it('is idempotent: the same notices again change nothing', async () => {
    const before = await snapshot();
    const report = await importer().importPaths([NOTICES_DIR]);
    assert.deepEqual([report.added, report.unchanged, report.refused], [0, 18, 3]);
    assert.deepEqual(await snapshot(), before);
  });

  it('counts the latest notice of a procedure: a change notice after its contract notice, an award after both', async () => {
    const minimal = await row('f42be27e-09cf-4f0e-a745-63ec689631e6');
    const change = await row('1d192942-a4a3-4833-8775-ca38f7ec09ca');
    assert.equal(minimal.procedure_id, change.procedure_id);
    assert.deepEqual([Boolean(minimal.is_latest), Boolean(change.is_latest)], [false, true]);
    // can_81_FRA (2021) and can_24_maximal (2023) share a procedure.
    assert.equal(Boolean((await row('f71da99f-763b-43bd-a1bb-f54bf9560fd6')).is_latest), false);
    assert.equal(Boolean((await row('15377ca1-6cf7-4060-90f0-9290128957a3')).is_latest), true);
    assert.equal(Boolean((await row('e5dc3c2b-3df5-45e0-af7f-399ca201d7e0')).is_latest), true, 'planning notice');
  });

  it('replaces a notice by a newer version and ignores an older one', async () => {
    const id = '55aae64f-88a8-44a5-b2fb-8228e97fe6ee';
    const newer = variant('cn_24_multilingual.xml', { version: 2, add: [{ list: 'gpp-criteria', code: 'national' }] });
    const first = await importer().importDocuments([{ name: 'v2.xml', content: Buffer.from(newer) }]);
    assert.deepEqual(
      first.files.map((f) => [f.outcome, f.noticeId, f.version]),
      [['replaced', id, 2]],
    );
    const stored = await row(id);
    assert.deepEqual([stored.version, Boolean(stored.gpp), stored.source], [2, true, 'v2.xml']);
    assert.equal(await ctx.deps.observatory.repo.count(), 18);

    const older = await importer().importPaths([path.join(NOTICES_DIR, 'cn_24_multilingual.xml')]);
    assert.deepEqual(
      older.files.map((f) => f.outcome),
      ['older'],
    );
    assert.equal((await row(id)).version, 2);

    // Two versions in one batch: the newest wins.
    const v3 = variant('cn_24_multilingual.xml', { version: 3 });
    const v4 = variant('cn_24_multilingual.xml', { version: 4 });
    const both = await importer().importDocuments([
      { name: 'v4.xml', content: Buffer.from(v4) },
      { name: 'v3.xml', content: Buffer.from(v3) },
    ]);
    assert.deepEqual(
      both.files.map((f) => f.outcome),
      ['replaced', 'older'],
    );
    assert.equal((await row(id)).version, 4);
  });

  it('refuses hostile XML (billion laughs, an external entity, 50 MB) without any effect', async () => {
    const laughs = path.join(tmp, 'laughs.xml');
    const xxe = path.join(tmp, 'xxe.xml');
    const big = path.join(tmp, 'big.xml');
    fs.writeFileSync(laughs, BILLION_LAUGHS);
    fs.writeFileSync(xxe, externalEntityNotice());
    const fd = fs.openSync(big, 'w');
    fs.writeSync(fd, '<ContractNotice>');
    fs.ftruncateSync(fd, MAX_NOTICE_BYTES);
    fs.closeSync(fd);
    const before = await snapshot();
    const report = await importer().importPaths([laughs, xxe, big]);
    assert.deepEqual(
      report.files.map((f) => [path.basename(f.file), f.outcome, f.problems[0].messageKey]),
      [
        ['laughs.xml', 'refused', 'observatory.problems.doctype'],
        ['xxe.xml', 'refused', 'observatory.problems.doctype'],
        ['big.xml', 'refused', 'observatory.problems.too_large'],
      ],
    );
    assert.deepEqual(await snapshot(), before);
  });

  it('goes on after a file it cannot read, and refuses missing paths and too many files', async () => {
    const good = path.join(tmp, 'good.xml');
    fs.writeFileSync(good, variant('cn_24_minimal.xml', { id: 'aaaaaaaa-0000-4000-8000-000000000001' }));
    const broken = path.join(tmp, 'broken.xml');
    fs.writeFileSync(broken, '<ContractNotice><unclosed>');
    const report = await importer().importPaths([broken, good]);
    assert.deepEqual(
      report.files.map((f) => f.outcome),
      ['refused', 'added'],
    );
    assert.equal(report.files[0].problems[0].messageKey, 'observatory.problems.malformed');
    assert.throws(
      () => collectFiles([path.join(tmp, 'nowhere')]),
      (e: unknown) => e instanceof ImportRefused,
    );
    assert.equal(collectFiles([NOTICES_DIR]).length, 21);
    assert.throws(
      () => collectFiles([NOTICES_DIR], 21),
      (e: unknown) => e instanceof ImportRefused && e.messageKey === 'observatory.problems.too_many_files',
    );
    await assert.rejects(
      importer().importDocuments(
        Array.from({ length: MAX_FILES }, () => ({ name: 'x.xml', content: Buffer.alloc(0) })),
      ),
      (e: unknown) => e instanceof ImportRefused && e.messageKey === 'observatory.problems.too_many_files',
    );
  });
});

describe('npm run notices:import', () => {
  let ctx: TestContext;
  before(async function () {
    this.timeout(60_000);
    // No search polling while the command holds the database (a poll left waiting would be cut at close).
    ctx = await createTestContext({ SEARCH_REFRESH_SECONDS: '3600' });
  });
  after(async () => ctx.close());

  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/notices-import.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: ctx.config.database.url,
        LOG_LEVEL: 'silent',
        CLAUSES_DIR: ctx.config.clausesDir,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('imports files and folders, names each refused file with its problems, never prints a stack trace', async () => {
    const first = run([NOTICES_DIR]);
    assert.equal(first.status, 1, 'a refused file makes the exit code 1');
    assert.match(
      first.stdout,
      /21 bestand\(en\) in [\d.]+ s: 18 toegevoegd, 0 vervangen, 0 ongewijzigd, 0 oudere versie, 3 geweigerd/,
    );
    assert.match(first.stderr, /GEWEIGERD .*INVALID_cn_24_empty\.xml: De identificatie van de aankondiging \(BT-701/);
    assert.doesNotMatch(first.stderr, /\n\s+at /);
    const again = run(['--lang', 'fr', path.join(NOTICES_DIR, 'cn_24_minimal.xml')]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /1 fichier\(s\) en [\d.]+ s : 0 ajouté\(s\), 0 remplacé\(s\), 1 inchangé\(s\)/);
    const missing = run(['/nowhere/at/all']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /\/nowhere\/at\/all bestaat niet/);
    assert.equal(await ctx.deps.observatory.repo.count(), 18);
  });
});
