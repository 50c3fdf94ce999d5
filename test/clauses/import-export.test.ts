import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportLibrary } from '../../server/clauses/exporter';
import { clauseFiles, readLibrary } from '../../server/clauses/files';
import { importLibrary, LibraryInvalid } from '../../server/clauses/importer';
import { ClauseRepository } from '../../server/clauses/repository';
import { systemClock } from '../../server/db/time';
import { createTestContext, testClausesDir, type TestContext } from '../support/context';
import { realClause, standaloneClause, tempLibrary, writeClause } from '../support/clause-files';

async function counts(ctx: TestContext) {
  const [clauses] = await ctx.db('clauses').count({ n: '*' });
  const [versions] = await ctx.db('clause_versions').count({ n: '*' });
  return { clauses: Number(clauses.n), versions: Number(versions.n) };
}

describe('clause import and export', () => {
  let ctx: TestContext;
  let repo: ClauseRepository;
  before(async () => {
    ctx = await createTestContext();
    repo = new ClauseRepository(ctx.db);
  });
  after(async () => ctx.close());

  it('has imported every file of the library', async () => {
    const library = readLibrary(testClausesDir());
    assert.equal((await counts(ctx)).clauses, library.clauses.length);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await counts(ctx);
    const report = await importLibrary(ctx.db, repo, readLibrary(testClausesDir()), systemClock, { force: true });
    assert.equal(report.added.length, 0);
    assert.equal(report.updated.length, 0);
    assert.equal(report.unchanged, before.clauses);
    assert.deepEqual(await counts(ctx), before);
  });

  it('exports files identical to the ones imported', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const { written } = await exportLibrary(repo, out);
    const names = clauseFiles(testClausesDir());
    assert.equal(written.length, names.length);
    for (const name of names) {
      assert.equal(
        fs.readFileSync(path.join(out, name), 'utf8'),
        fs.readFileSync(path.join(testClausesDir(), name), 'utf8'),
        name,
      );
    }
  });

  it('turns a changed file into a new published version and keeps the old one', async () => {
    const dir = tempLibrary();
    const clause = standaloneClause();
    const next = clause.version + 1;
    writeClause(dir, { ...clause, version: next, title: { ...clause.title, nl: `${clause.title.nl} (herzien)` } });
    const report = await importLibrary(ctx.db, repo, readLibrary(dir), systemClock);
    assert.deepEqual(report.updated, ['SOC-CLEAN-001']);
    const record = await repo.find('SOC-CLEAN-001');
    assert.equal(record?.publishedVersion, next);
    const versions = await repo.versions('SOC-CLEAN-001');
    assert.deepEqual(
      versions.map((v) => [v.version, v.status]),
      [
        [next, 'published'],
        [clause.version, 'superseded'],
      ],
    );
    const again = await importLibrary(ctx.db, repo, readLibrary(dir), systemClock, { force: true });
    assert.equal(again.updated.length, 0);
  });

  it('retires a clause whose file says retired', async () => {
    const dir = tempLibrary();
    writeClause(dir, { ...realClause('ENV-CLEAN-001'), status: 'retired', related: undefined });
    await importLibrary(ctx.db, repo, readLibrary(dir), systemClock);
    assert.equal((await repo.find('ENV-CLEAN-001'))?.status, 'retired');
  });

  it('refuses to import an invalid library, naming the problems', async () => {
    const dir = tempLibrary();
    writeClause(dir, { ...standaloneClause(), theme: 'nope' });
    await assert.rejects(
      importLibrary(ctx.db, repo, readLibrary(dir), systemClock),
      (err: unknown) => err instanceof LibraryInvalid && /SOC-CLEAN-001\.yaml: theme/.test((err as Error).message),
    );
  });
});
