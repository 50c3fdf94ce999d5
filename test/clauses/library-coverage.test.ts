import assert from 'node:assert/strict';
import path from 'node:path';
import { readLibrary } from '../../server/clauses/files';
import { CPV_CHECKS, isVerifiedCpv } from '../../server/clauses/cpv-verification';
import {
  ARTICLES_TO_CONFIRM,
  CITATIONS_AWAITING_ARTICLE,
  isArticleToConfirm,
  isAwaitingArticle,
} from '../../server/clauses/legal-to-confirm';
import { NOT_A_LEGAL_BASIS, SOURCE_CHECKS, isVerifiedArticle } from '../../server/clauses/legal-verification';
import { LEGAL_SOURCE_CODES, type LegalSourceCode } from '../../server/clauses/legal-sources';
import { placeholdersIn } from '../../server/clauses/schema';
import { LEVELS, STAGES, THEMES, type Theme } from '../../server/clauses/vocabulary';

const library = readLibrary(path.resolve(import.meta.dirname, '../../clauses'));
const published = library.clauses.filter((c) => c.status === 'published');
const inCategory = (code: string) => published.filter((c) => c.categories.includes(code));
const ALL_CATEGORIES = library.categories.map((c) => c.code);

/**
 * Where the library has a base clause per theme (category × theme × level = basis). Anti-dumping and environmental
 * cover every category; social covers the works and the labour-intensive services (for supplies, the ethical clauses
 * carry the working conditions); the other rows name the categories the issue asked for.
 */
const BASIS_PER_THEME: Partial<Record<Theme, string[]>> = {
  anti_dumping: ALL_CATEGORIES,
  environmental: ALL_CATEGORIES,
  social: [
    'cleaning',
    'construction',
    'catering',
    'it',
    'energy',
    'green_spaces',
    'events',
    'reuse',
    'security',
    'laundry',
    'printing_mail',
    'maintenance',
    'waste',
  ],
  sme: [
    'cleaning',
    'construction',
    'catering',
    'it',
    'office_supplies',
    'furniture',
    'vehicles',
    'energy',
    'events',
    'laundry',
    'printing_mail',
    'maintenance',
    'waste',
  ],
};

/** Performance clauses whose obligations are the buyer's own (nothing for the contractor to be penalised for). */
const BUYER_SIDE_PERFORMANCE = ['SME-GREEN-002', 'SME-CLEAN-003'];

const numbers = (t: string) =>
  (t.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.').replace(/\.(?=\d{3}\b)/, '')).sort();

describe('the clause library content', () => {
  it('is valid', () => {
    assert.deepEqual(library.problems, []);
  });

  it('holds at least 230 published clauses in 17 categories', () => {
    assert.ok(published.length >= 230, `${published.length} published`);
    assert.equal(library.categories.length, 17);
  });

  it('covers every category with at least 6 clauses, of which at least 2 basis', () => {
    for (const category of ALL_CATEGORIES) {
      const clauses = inCategory(category);
      assert.ok(clauses.length >= 6, `${category}: ${clauses.length} clauses`);
      assert.ok(clauses.filter((c) => c.level === 'basis').length >= 2, `${category}: fewer than 2 basis clauses`);
    }
  });

  it('has a base clause per category and theme where the library promises one', () => {
    for (const [theme, categories] of Object.entries(BASIS_PER_THEME)) {
      for (const category of categories) {
        assert.ok(
          inCategory(category).some((c) => c.theme === theme && c.level === 'basis'),
          `${category} × ${theme}: no basis clause`,
        );
      }
    }
  });

  it('covers every theme with at least 10 clauses and every category with at least 3 themes', () => {
    for (const theme of THEMES) {
      const count = published.filter((c) => c.theme === theme).length;
      assert.ok(count >= 10, `${theme}: ${count}`);
    }
    for (const category of ALL_CATEGORIES) {
      const themes = new Set(inCategory(category).map((c) => c.theme));
      assert.ok(themes.size >= 3, `${category}: ${[...themes].join(', ')}`);
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

  it('keeps numbers and placeholders the same in both languages, in every text a buyer reads', () => {
    for (const c of published) {
      assert.deepEqual(placeholdersIn(c.text.nl).sort(), placeholdersIn(c.text.fr).sort(), c.id);
      for (const [name, field] of [
        ['title', c.title],
        ['text', c.text],
        ['proof', c.verification.proof],
        ['check', c.verification.check],
        ['when_to_use', c.guidance.when_to_use],
        ['market_readiness', c.guidance.market_readiness],
        ['cost_impact', c.guidance.cost_impact],
        ['pitfalls', c.guidance.pitfalls],
        ...c.parameters.map((p) => [`parameter ${p.name}`, p.label] as const),
      ] as const) {
        assert.deepEqual(
          numbers(field.nl),
          numbers(field.fr),
          `${c.id}: numbers of the ${name} differ between NL and FR`,
        );
      }
    }
  });

  it('names a penalty in every contractor-side performance clause, in the clause text itself', () => {
    for (const c of published.filter((x) => x.stage === 'performance' && !BUYER_SIDE_PERFORMANCE.includes(x.id))) {
      const penalty = c.parameters.find((p) => p.type === 'money' && /penalty/.test(p.name));
      assert.ok(penalty, `${c.id}: no penalty parameter`);
      assert.ok(placeholdersIn(c.text.nl).includes(penalty.name), `${c.id}: the penalty is not in the text`);
    }
    for (const c of published) {
      assert.doesNotMatch(c.text.nl, /in het bestek bepaalde straf/, c.id);
      assert.doesNotMatch(c.text.fr, /pénalité prévue au cahier des charges/, c.id);
    }
  });

  it('gives the price-check clauses one wording and at least 12 calendar days', () => {
    const checks = published.filter((c) => c.parameters.some((p) => p.name === 'justification_days'));
    assert.ok(checks.length >= 6, `${checks.length} price-check clauses`);
    for (const c of checks) {
      const days = c.parameters.find((p) => p.name === 'justification_days')!;
      assert.ok((days.min ?? 0) >= 12 && Number(days.default) >= 12, c.id);
      assert.match(
        c.text.nl,
        /ten minste \{\{deviation_percent\}\} % lager ligt dan het gemiddelde van de regelmatige offertes/,
        c.id,
      );
      assert.match(
        c.text.fr,
        /inférieur d'au moins \{\{deviation_percent\}\} % à la moyenne des offres régulières/,
        c.id,
      );
      assert.match(c.text.nl, /nooit minder dan 12 kalenderdagen/, c.id);
      assert.ok(
        c.legal_basis.some((b) => b.source === 'rd_2017_award' && b.article === 'art. 36 §2'),
        c.id,
      );
    }
  });

  it('cites only articles that were verified or are listed for a lawyer, and no superseded or federal-only basis', () => {
    for (const c of published) {
      for (const basis of c.legal_basis) {
        const source = basis.source as LegalSourceCode;
        assert.ok(
          !(source in NOT_A_LEGAL_BASIS),
          `${c.id}: ${source} is not a legal basis (${NOT_A_LEGAL_BASIS[source]})`,
        );
        if (basis.article)
          assert.ok(
            isVerifiedArticle(source, basis.article) || isArticleToConfirm(source, basis.article),
            `${c.id}: ${source} ${basis.article} is neither verified nor listed to confirm`,
          );
      }
    }
    for (const check of SOURCE_CHECKS) {
      assert.ok(LEGAL_SOURCE_CODES.includes(check.source), check.source);
      assert.match(check.url, /^https?:\/\//, check.source);
    }
    for (const item of ARTICLES_TO_CONFIRM) assert.ok(!isVerifiedArticle(item.source, item.article), item.article);
  });

  it('names an article in every citation of the law of 17 June 2016, unless the clause is on the lawyer list', () => {
    for (const c of published) {
      if (c.legal_basis.some((b) => b.source === 'law_2016' && !b.article))
        assert.ok(isAwaitingArticle('law_2016', c.id), `${c.id} cites the law of 17 June 2016 without an article`);
    }
    for (const group of CITATIONS_AWAITING_ARTICLE) {
      if (group.expected)
        assert.ok(!isVerifiedArticle(group.source, group.expected), `${group.expected} is verified: cite it`);
      for (const id of group.clauses) {
        const clause = published.find((c) => c.id === id);
        assert.ok(clause, `${id} on the lawyer list is not a published clause`);
        assert.ok(
          clause.legal_basis.some((b) => b.source === group.source && !b.article),
          `${id} on the lawyer list no longer cites ${group.source} without an article`,
        );
      }
    }
  });

  it('gives every performance clause a Belgian legal basis, not the directive alone', () => {
    for (const c of published.filter((x) => x.stage === 'performance'))
      assert.ok(
        c.legal_basis.some((b) => b.source !== 'directive_2014_24'),
        `${c.id} rests on the directive alone`,
      );
  });

  it('lists only verified CPV codes, and the new categories their verified codes', () => {
    for (const category of library.categories)
      for (const cpv of category.cpv) assert.ok(isVerifiedCpv(cpv.code), `${category.code}: ${cpv.code} not verified`);
    const codesOf = (code: string) => library.categories.find((c) => c.code === code)?.cpv.map((x) => x.code) ?? [];
    for (const [category, codes] of Object.entries({
      laundry: ['98310000', '98311200', '98312000'],
      printing_mail: ['79800000', '79810000', '64110000', '64122000'],
      maintenance: ['50700000', '50710000', '50720000', '50730000', '50750000'],
      waste: ['90500000', '90511000', '90512000', '90513100'],
    }))
      for (const code of codes) assert.ok(codesOf(category).includes(code), `${category} lacks ${code}`);
    for (const check of CPV_CHECKS) assert.match(check.url, /^https?:\/\//);
  });

  it('resolves every annex a published clause refers to', () => {
    const annexIds = new Set(library.annexes.map((a) => a.id));
    for (const c of published) for (const id of c.annexes ?? []) assert.ok(annexIds.has(id), `${c.id}: annex ${id}`);
  });

  it('uses every annex from a published clause, and retired clauses name their published successor', () => {
    const used = new Set(published.flatMap((c) => c.annexes ?? []));
    for (const annex of library.annexes) assert.ok(used.has(annex.id), `${annex.id} is used by no clause`);
    for (const id of ['DMP-BUILD-005', 'DMP-FOOD-004', 'DMP-SECUR-004', 'DMP-VEH-002']) {
      const retired = library.clauses.find((c) => c.id === id);
      assert.equal(retired?.status, 'retired', id);
      assert.ok(
        published.some((c) => c.id === retired?.replaced_by),
        id,
      );
    }
  });

  it('has a bilingual introduction for every category', () => {
    for (const category of library.categories) {
      assert.ok(category.intro.nl.length > 80 && category.intro.fr.length > 80, category.code);
      assert.notEqual(category.intro.nl, category.intro.fr);
    }
  });
});
