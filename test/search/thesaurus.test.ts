import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readLibrary } from '../../server/clauses/files';
import { importLibrary } from '../../server/clauses/importer';
import { ClauseRepository } from '../../server/clauses/repository';
import { systemClock } from '../../server/db/time';
import { thesaurusGroups } from '../../server/search/thesaurus-store';
import { createTestContext, type TestContext } from '../support/context';
import { standaloneClause, tempLibrary, writeClause } from '../support/clause-files';

function libraryWith(groups: unknown[]): string {
  const dir = tempLibrary();
  writeClause(dir, standaloneClause('SOC-CLEAN-001'));
  fs.writeFileSync(path.join(dir, '_thesaurus.yaml'), YAML.stringify({ groups }));
  return dir;
}

const GLIMMER = { id: 'test-cleaning', category: 'cleaning', nl: ['glimmertaak', 'schoonmaak'], fr: ['nettoyage'] };

describe('the search thesaurus file', () => {
  it('is validated by the library check, naming the file, the group and the field', () => {
    const dir = libraryWith([
      { id: 'cleaning', nl: ['Schoonmaak'], fr: ['nettoyage'] },
      { id: 'furniture', category: 'no_such_category', nl: ['meubels'], fr: ['meubles'] },
      { id: 'empty', nl: [], fr: ['vide'] },
      { id: 'Bad Id', nl: ['x'], fr: ['x'] },
      { id: 'cleaning', nl: ['kuisen'], fr: ['propreté'] },
      { id: 'extra', nl: ['a'], fr: ['b'], de: ['c'] },
    ]);
    const problems = readLibrary(dir).problems.filter((p) => p.file.endsWith('_thesaurus.yaml'));
    const fields = problems.map((p) => `${p.field}: ${p.message}`);
    assert.ok(fields.includes('groups.0 (cleaning).nl.0: must be lower case'), fields.join('\n'));
    assert.ok(fields.includes('groups.2 (empty).nl: must list at least one term'), fields.join('\n'));
    assert.ok(
      fields.some((f) => f.startsWith('groups.3 (Bad Id).id: must be kebab-case')),
      fields.join('\n'),
    );
    assert.ok(fields.includes('groups.4 (cleaning).id: is used twice'), fields.join('\n'));
    assert.ok(
      fields.some((f) => f.startsWith('groups.5 (extra)')),
      fields.join('\n'),
    );
  });

  it('names an unknown category', () => {
    const dir = libraryWith([{ id: 'furniture', category: 'no_such_category', nl: ['meubels'], fr: ['meubles'] }]);
    assert.deepEqual(
      readLibrary(dir).problems.map((p) => `${p.field}: ${p.message}`),
      ['groups.0 (furniture).category: unknown category no_such_category'],
    );
  });

  it('is optional: a library without it has no problems and no groups', () => {
    const dir = tempLibrary();
    writeClause(dir, standaloneClause('SOC-CLEAN-001'));
    const library = readLibrary(dir);
    assert.deepEqual(library.problems, []);
    assert.deepEqual(library.thesaurus, []);
  });

  describe('imported', () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext();
    });
    after(async () => ctx.close());

    it('is stored in the database, and a change reaches search through the shared revision', async () => {
      const search = (q: string) =>
        ctx.deps.search.search({ q, lang: 'nl', filters: {}, page: 1, pageSize: 20, literal: true });
      assert.equal(search('glimmertaak').total, 0);

      const library = readLibrary(libraryWith([GLIMMER]));
      await importLibrary(ctx.db, new ClauseRepository(ctx.db), library, systemClock, { force: true });
      assert.deepEqual(await thesaurusGroups(ctx.db), [GLIMMER]);
      assert.equal(await ctx.deps.search.refreshIfChanged(), true);
      const outcome = search('glimmertaak');
      assert.ok(outcome.total > 0);
      assert.ok(outcome.hits.slice(0, 5).every((h) => h.doc.categories.includes('cleaning')));

      const changed = readLibrary(libraryWith([{ ...GLIMMER, nl: ['schoonmaak'] }]));
      await importLibrary(ctx.db, new ClauseRepository(ctx.db), changed, systemClock, { force: true });
      assert.equal(await ctx.deps.search.refreshIfChanged(), true);
      assert.equal(search('glimmertaak').total, 0);
    });
  });
});
