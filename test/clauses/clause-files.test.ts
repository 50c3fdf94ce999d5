import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readLibrary } from '../../server/clauses/files';
import { standaloneClause, tempLibrary, writeClause } from '../support/clause-files';

const ROOT = path.resolve(import.meta.dirname, '../..');

function problemsOf(dir: string): string[] {
  return readLibrary(dir).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
}

describe('clause files', () => {
  it('accept a valid clause', () => {
    const dir = tempLibrary();
    writeClause(dir, standaloneClause());
    assert.deepEqual(problemsOf(dir), []);
  });

  it('name the file and the field of a missing French text', () => {
    const dir = tempLibrary();
    const clause = standaloneClause();
    delete (clause.text as { fr?: string }).fr;
    writeClause(dir, clause);
    assert.ok(
      problemsOf(dir).some((p) => /SOC-CLEAN-001\.yaml: text\.fr: /.test(p)),
      problemsOf(dir).join('\n'),
    );
  });

  it('refuse an unknown theme, category, stage or legal source', () => {
    const dir = tempLibrary();
    writeClause(dir, {
      ...standaloneClause(),
      theme: 'green',
      stage: 'anywhere',
      categories: ['cleaning', 'spaceships'],
      legal_basis: [{ source: 'law_1900' }],
    });
    const problems = problemsOf(dir).join('\n');
    assert.match(problems, /: theme: /);
    assert.match(problems, /: stage: /);
    assert.match(problems, /: legal_basis\.0\.source: /);
  });

  it('require a suggested weight for award clauses and refuse it elsewhere', () => {
    const dir = tempLibrary();
    writeClause(dir, { ...standaloneClause(), stage: 'award' });
    assert.match(problemsOf(dir).join('\n'), /award_weight: is required when the stage is award/);
    const other = tempLibrary();
    writeClause(other, { ...standaloneClause(), award_weight: 10 });
    assert.match(problemsOf(other).join('\n'), /award_weight: is only allowed when the stage is award/);
  });

  it('check that placeholders and declared parameters match in both languages', () => {
    const dir = tempLibrary();
    const clause = standaloneClause();
    clause.text.fr = clause.text.fr.replace('{{placement_count}}', '{{nombre}}');
    writeClause(dir, clause);
    const problems = problemsOf(dir).join('\n');
    assert.match(problems, /text\.fr: uses \{\{nombre\}\} which is not declared/);
    assert.match(problems, /text\.fr: does not use the declared parameter \{\{placement_count\}\}/);
  });

  it('refuse an id that does not match the file name or the theme prefix', () => {
    const dir = tempLibrary();
    writeClause(dir, standaloneClause(), 'SOC-CLEAN-999.yaml');
    assert.match(problemsOf(dir).join('\n'), /SOC-CLEAN-999\.yaml: id: must match the file name/);
    const other = tempLibrary();
    writeClause(other, { ...standaloneClause(), id: 'ENV-CLEAN-777' }, 'ENV-CLEAN-777.yaml');
    assert.match(problemsOf(other).join('\n'), /id: must start with SOC- for theme social/);
  });

  it('refuse identical Dutch and French titles', () => {
    const dir = tempLibrary();
    const clause = standaloneClause();
    clause.title.fr = clause.title.nl;
    writeClause(dir, clause);
    assert.match(problemsOf(dir).join('\n'), /title\.fr: is the same as the Dutch text/);
  });

  it('report a YAML syntax error with its line', () => {
    const dir = tempLibrary();
    fs.writeFileSync(path.join(dir, 'SOC-CLEAN-001.yaml'), 'id: SOC-CLEAN-001\ntitle:\n  nl: a: b: c\n');
    assert.match(problemsOf(dir).join('\n'), /SOC-CLEAN-001\.yaml: \(line 3\)/);
  });

  it('ask for the canonical form so that export gives the same bytes back', () => {
    const dir = tempLibrary();
    const file = writeClause(dir, standaloneClause());
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^version: (\d+)\n/m, 'version:   $1\n'));
    assert.match(problemsOf(dir).join('\n'), /\(format\): is not in canonical form; run npm run clauses:format/);
  });

  it('npm run clauses:check passes on the real library and fails, naming file and field, on a bad one', () => {
    const good = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/clauses-check.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /all valid/);
    const dir = tempLibrary();
    writeClause(dir, { ...standaloneClause(), level: 'heroic' });
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/clauses-check.ts', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /SOC-CLEAN-001\.yaml: level: /);
  });
});
