import assert from 'node:assert/strict';
import path from 'node:path';
import { readLibrary } from '../../server/clauses/files';
import { LEVELS, STAGES, THEMES } from '../../server/clauses/vocabulary';

const library = readLibrary(path.resolve(import.meta.dirname, '../../clauses'));
const published = library.clauses.filter((c) => c.status === 'published');

describe('the clause library content', () => {
  it('is valid', () => {
    assert.deepEqual(library.problems, []);
  });

  it('holds at least 120 published clauses', () => {
    assert.ok(published.length >= 120, `${published.length} published`);
  });

  it('covers every category with at least 6 clauses, of which at least 2 basis', () => {
    assert.equal(library.categories.length, 13);
    for (const category of library.categories) {
      const inCategory = published.filter((c) => c.categories.includes(category.code));
      const basis = inCategory.filter((c) => c.level === 'basis');
      assert.ok(inCategory.length >= 6, `${category.code}: ${inCategory.length} clauses`);
      assert.ok(basis.length >= 2, `${category.code}: ${basis.length} basis clauses`);
    }
  });

  it('covers every theme with at least 10 clauses', () => {
    for (const theme of THEMES) {
      const count = published.filter((c) => c.theme === theme).length;
      assert.ok(count >= 10, `${theme}: ${count}`);
    }
  });

  it('uses every stage and every ambition level', () => {
    for (const stage of STAGES)
      assert.ok(
        published.some((c) => c.stage === stage),
        stage,
      );
    for (const level of LEVELS)
      assert.ok(
        published.some((c) => c.level === level),
        level,
      );
  });

  it('has anti-dumping clauses for cleaning, construction, security and catering', () => {
    for (const category of ['cleaning', 'construction', 'security', 'catering']) {
      assert.ok(
        published.some((c) => c.theme === 'anti_dumping' && c.categories.includes(category)),
        category,
      );
    }
  });

  it('gives every clause both languages, different, with verification means and a legal basis', () => {
    for (const c of published) {
      for (const field of [
        c.title,
        c.text,
        c.verification.proof,
        c.verification.check,
        c.guidance.when_to_use,
        c.guidance.market_readiness,
        c.guidance.cost_impact,
        c.guidance.pitfalls,
      ]) {
        assert.ok(field.nl.trim() && field.fr.trim(), c.id);
      }
      assert.notEqual(c.text.nl, c.text.fr, c.id);
      assert.notEqual(c.title.nl, c.title.fr, c.id);
      assert.ok(c.verification.moments.length > 0, c.id);
      assert.ok(c.legal_basis.length > 0, c.id);
    }
  });

  it('gives every award clause a suggested weight', () => {
    for (const c of published.filter((x) => x.stage === 'award')) assert.ok(c.award_weight && c.award_weight > 0, c.id);
  });

  it('keeps numbers and placeholders the same in both languages', () => {
    const numbers = (t: string) =>
      (t.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.').replace(/\.(?=\d{3}\b)/, '')).sort();
    const placeholders = (t: string) => (t.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
    for (const c of published) {
      assert.deepEqual(placeholders(c.text.nl), placeholders(c.text.fr), c.id);
      assert.deepEqual(numbers(c.text.nl), numbers(c.text.fr), `${c.id}: numbers differ between NL and FR`);
    }
  });

  it('has a bilingual introduction for every category', () => {
    for (const category of library.categories) {
      assert.ok(category.intro.nl.length > 80 && category.intro.fr.length > 80, category.code);
      assert.notEqual(category.intro.nl, category.intro.fr);
    }
  });
});
