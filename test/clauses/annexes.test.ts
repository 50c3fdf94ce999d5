import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { presentAnnex } from '../../server/clauses/annex-presenter';
import { annexSchema } from '../../server/clauses/annex-schema';
import { readLibrary } from '../../server/clauses/files';
import { importLibrary } from '../../server/clauses/importer';
import { ClauseRepository } from '../../server/clauses/repository';
import { systemClock } from '../../server/db/time';
import { createTestContext, type TestContext } from '../support/context';
import { realClause, tempLibrary, writeClause } from '../support/clause-files';

const REAL_ANNEXES = path.resolve(import.meta.dirname, '../../clauses/_annexes');

function annex(overrides: Record<string, unknown> = {}) {
  return {
    id: 'ANX-TEST',
    title: { nl: 'Testbijlage', fr: 'Annexe de test' },
    intro: { nl: 'Een bijlage voor de tests.', fr: 'Une annexe pour les tests.' },
    tables: [
      {
        key: 'costs',
        title: { nl: 'Kosten', fr: 'Coûts' },
        columns: [
          { key: 'item', label: { nl: 'Post', fr: 'Poste' }, type: 'text' },
          { key: 'hours', label: { nl: 'Uren', fr: 'Heures' }, type: 'number', total: true },
          { key: 'rate', label: { nl: 'Tarief', fr: 'Tarif' }, type: 'money', input: true },
          { key: 'cost', label: { nl: 'Kost', fr: 'Coût' }, type: 'money', formula: 'hours * rate', total: true },
        ],
        rows: [
          { cells: { item: { nl: 'Schoonmaak', fr: 'Nettoyage' }, hours: 10, rate: 20 } },
          { cells: { item: { nl: 'Toezicht', fr: 'Surveillance' }, hours: 5, rate: 30.5 } },
        ],
      },
    ],
    reviewed: '2026-12-03',
    ...overrides,
  };
}

function libraryWith(annexDoc: Record<string, unknown>, name = `${String(annexDoc.id)}.yaml`): string {
  const dir = tempLibrary();
  fs.mkdirSync(path.join(dir, '_annexes'));
  fs.writeFileSync(path.join(dir, '_annexes', name), YAML.stringify(annexDoc));
  return dir;
}

const problemsOf = (dir: string) => readLibrary(dir).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);

describe('clause annexes', () => {
  it('reads a valid annex and lets a clause refer to it', () => {
    const dir = libraryWith(annex());
    writeClause(dir, { ...realClause('SOC-CLEAN-001'), related: undefined, annexes: ['ANX-TEST'] });
    const library = readLibrary(dir);
    assert.deepEqual(library.problems, []);
    assert.deepEqual(
      library.annexes.map((a) => a.id),
      ['ANX-TEST'],
    );
  });

  it('names the clause and field of an annex reference that does not resolve', () => {
    const dir = libraryWith(annex());
    writeClause(dir, { ...realClause('SOC-CLEAN-001'), related: undefined, annexes: ['ANX-MISSING'] });
    assert.ok(problemsOf(dir).some((p) => /SOC-CLEAN-001\.yaml: annexes\.0: unknown annex ANX-MISSING/.test(p)));
  });

  it('refuses a formula that uses an unknown column, a text column or cannot be read', () => {
    const bad = annex();
    const columns = bad.tables[0].columns as Record<string, unknown>[];
    columns[3] = { ...columns[3], formula: 'hours * price' };
    assert.ok(problemsOf(libraryWith(bad)).some((p) => /formula: "price" is not another numeric column/.test(p)));
    columns[3] = { ...columns[3], formula: 'hours * item' };
    assert.ok(problemsOf(libraryWith(bad)).some((p) => /formula: "item" is not another numeric column/.test(p)));
    columns[3] = { ...columns[3], formula: '(hours * rate' };
    assert.ok(
      problemsOf(libraryWith(bad)).some((p) => /formula: cannot be read: misses a closing parenthesis/.test(p)),
    );
  });

  it('refuses a cell that is not a column, a number in a text column and an id that is not the file name', () => {
    const bad = annex();
    (bad.tables[0].rows as { cells: Record<string, unknown> }[])[0].cells = { item: 3, colour: 1 };
    const problems = problemsOf(libraryWith(bad, 'ANX-OTHER.yaml'));
    assert.ok(problems.some((p) => /cells\.colour: is not a column of the table/.test(p)));
    assert.ok(problems.some((p) => /cells\.item: must be a text in both languages/.test(p)));
    assert.ok(problems.some((p) => /ANX-OTHER\.yaml: id: must match the file name \(ANX-TEST\.yaml\)/.test(p)));
  });

  it('shows an annex in one language with computed columns and totals', () => {
    const view = presentAnnex(annexSchema.parse(annex()), 'fr');
    assert.equal(view.title, 'Annexe de test');
    const table = view.tables[0];
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ['Poste', 'Heures', 'Tarif', 'Coût'],
    );
    assert.deepEqual(table.rows[0].cells, ['Nettoyage', '10', '20', '200']);
    assert.deepEqual(table.rows[1].cells, ['Surveillance', '5', '30,5', '152,5']);
    assert.deepEqual(table.totals, ['', '15', '', '352,5']);
  });

  it('has every annex of the library in both languages, with different titles', () => {
    const files = fs.readdirSync(REAL_ANNEXES).filter((n) => n.endsWith('.yaml'));
    assert.ok(files.length >= 7, `${files.length} annexes`);
    for (const file of files) {
      const doc = annexSchema.parse(YAML.parse(fs.readFileSync(path.join(REAL_ANNEXES, file), 'utf8')));
      assert.notEqual(doc.title.nl, doc.title.fr, file);
    }
  });

  describe('in the database', () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext();
    });
    after(async () => ctx.close());

    it('imports the annexes with the library and serves them through the clause service', async () => {
      const views = await ctx.deps.clauses.annexes(['ANX-PRICE-CLEAN', 'ANX-NOPE', 'ANX-LCC'], 'nl');
      assert.deepEqual(
        views.map((v) => v.id),
        ['ANX-PRICE-CLEAN', 'ANX-LCC'],
      );
      assert.equal(views[0].title, 'Model van prijsopbouw voor schoonmaakdiensten');
      assert.ok(views[0].tables[0].columns.some((c) => c.formula === 'hours_month * wage_cost_hour'));
    });

    it('shows the annex tables on the page of a clause that refers to them', async () => {
      const res = await request(ctx.app).get('/fr/clauses/DMP-CLEAN-002');
      assert.equal(res.status, 200);
      assert.match(res.text, /Annexes de cette clause/);
      assert.match(res.text, /<caption>Décomposition du prix par site et par mois<\/caption>/);
      assert.match(res.text, /Coût salarial horaire \(euros\)/);
    });

    it('removes an annex whose file is gone when the library is imported again', async () => {
      const dir = libraryWith(annex());
      writeClause(dir, { ...realClause('SOC-CLEAN-001'), related: undefined });
      await importLibrary(ctx.db, new ClauseRepository(ctx.db), readLibrary(dir), systemClock, { force: true });
      const ids = (await ctx.db('clause_annexes').select('id')).map((r: { id: string }) => r.id);
      assert.deepEqual(ids, ['ANX-TEST']);
    });
  });
});
