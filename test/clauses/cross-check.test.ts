// The clause rules a schema alone cannot say (crossCheck), on a real clause changed one rule at a time.
import assert from 'node:assert/strict';
import { crossCheck, type ClauseDocument } from '../../server/clauses/schema';
import { realClause } from '../support/clause-files';

const CATEGORIES = new Set(['cleaning', 'catering']);
const fields = (clause: ClauseDocument) => crossCheck(clause, CATEGORIES).map((p) => `${p.field} ${p.key}`);
const changed = (change: (c: ClauseDocument) => void): ClauseDocument => {
  const clause = structuredClone(realClause('SOC-CLEAN-001'));
  change(clause);
  return clause;
};

describe('clause cross-checks', () => {
  it('accept a clause of the library as it is', () => {
    assert.deepEqual(fields(realClause('SOC-CLEAN-001')), []);
    assert.deepEqual(fields(realClause('ENV-CLEAN-003')), []);
  });

  it('want the id prefix of the theme', () => {
    assert.deepEqual(fields(changed((c) => (c.theme = 'environmental'))), ['id clauses.problem.id_prefix']);
  });

  it('want an award weight on award clauses only', () => {
    assert.deepEqual(fields(changed((c) => (c.award_weight = 10))), ['award_weight clauses.problem.weight_forbidden']);
    const award = structuredClone(realClause('ENV-CLEAN-003'));
    delete award.award_weight;
    assert.deepEqual(fields(award), ['award_weight clauses.problem.weight_required']);
  });

  it('want known categories, each once', () => {
    assert.deepEqual(fields(changed((c) => c.categories.push('nowhere'))), ['categories.1 validation.one_of']);
    assert.deepEqual(fields(changed((c) => c.categories.push('cleaning'))), ['categories validation.invalid']);
  });

  it('want every placeholder declared and every parameter used, in each language', () => {
    const undeclared = fields(changed((c) => (c.text.fr += ' {{extra_days}}')));
    assert.deepEqual(undeclared, ['text.fr clauses.problem.placeholder_undeclared']);
    const unused = fields(
      changed((c) => c.parameters.push({ ...c.parameters[0], name: 'spare_hours', label: c.parameters[0].label })),
    );
    assert.deepEqual(unused, ['text.nl clauses.problem.parameter_unused', 'text.fr clauses.problem.parameter_unused']);
  });

  it('want defaults of the right type inside their range', () => {
    assert.deepEqual(fields(changed((c) => (c.parameters[0].default = 'vijf'))), [
      'parameters.0.default validation.number',
    ]);
    assert.deepEqual(fields(changed((c) => (c.parameters[0].default = 99))), [
      'parameters.0.default clauses.problem.default_out_of_range',
    ]);
  });

  it('want the French text to be a translation, not a copy of the Dutch one', () => {
    assert.deepEqual(fields(changed((c) => (c.title.fr = c.title.nl))), ['title.fr clauses.problem.same_as_dutch']);
  });
});
