import assert from 'node:assert/strict';
import type { SearchDocument } from '../../server/search/documents';
import { runSearch, type SearchParams } from '../../server/search/query';
import { buildIndex, deserializeIndex, serializeIndex } from '../../server/search/search-index';

function doc(
  id: string,
  fields: { nl: string; fr: string; theme: string; categories: string[]; stage: string; level: string; owner?: string },
): SearchDocument {
  return {
    ref: `clause:${id}`,
    type: 'clause',
    id,
    version: 1,
    title: { nl: `Titel ${id}`, fr: `Titre ${id}` },
    text: { nl: fields.nl, fr: fields.fr },
    extra: { nl: '', fr: '' },
    theme: fields.theme,
    categories: fields.categories,
    stage: fields.stage,
    level: fields.level,
    owner: fields.owner ?? 'actiris',
  };
}

const DOCS = [
  doc('SOC-CLEAN-101', {
    nl: 'Schoonmaakdiensten met opleiding van werkzoekenden.',
    fr: 'Services de nettoyage avec des pénalités en cas de retard.',
    theme: 'social',
    categories: ['cleaning'],
    stage: 'performance',
    level: 'basis',
  }),
  doc('ENV-FOOD-101', {
    nl: 'Voedingsmiddelen uit de biologische landbouw.',
    fr: "Les critères d'attribution portent sur l'offre biologique.",
    theme: 'environmental',
    categories: ['catering'],
    stage: 'award',
    level: 'advanced',
    owner: 'environment_brussels',
  }),
  doc('DMP-BUILD-101', {
    nl: 'Onderaanneming is beperkt tot twee niveaus.',
    fr: 'La sous-traitance est limitée à deux niveaux.',
    theme: 'anti_dumping',
    categories: ['construction'],
    stage: 'performance',
    level: 'basis',
    owner: 'price_observatory',
  }),
  doc('DMP-BUILD-102', {
    nl: 'De onderaannemers worden vooraf gemeld aan de aanbesteder.',
    fr: 'Les sous-traitants sont notifiés au pouvoir adjudicateur.',
    theme: 'anti_dumping',
    categories: ['construction', 'cleaning'],
    stage: 'selection',
    level: 'advanced',
    owner: 'price_observatory',
  }),
  doc('ENV-CLEAN-101', {
    nl: 'Ecologische schoonmaakproducten met een milieukeur.',
    fr: 'Produits de nettoyage écologiques et critère environnemental.',
    theme: 'environmental',
    categories: ['cleaning'],
    stage: 'technical_specification',
    level: 'basis',
    owner: 'environment_brussels',
  }),
];

const CPV = new Map([
  ['cleaning', ['90900000', '90910000', '90911200']],
  ['catering', ['15000000', '55520000']],
  ['construction', ['45000000', '45210000']],
]);

const built = buildIndex(DOCS);
const search = (q: string, lang: 'nl' | 'fr' = 'nl', extra: Partial<SearchParams> = {}) =>
  runSearch(built, { q, lang, filters: {}, page: 1, pageSize: 20, ...extra }, CPV);
const ids = (q: string, lang: 'nl' | 'fr' = 'nl', extra: Partial<SearchParams> = {}) =>
  search(q, lang, extra)
    .hits.map((h) => h.doc.id)
    .sort();

describe('clause search', () => {
  describe('Dutch', () => {
    it('finds compounds from their first part: schoonmaak finds schoonmaakdiensten', () => {
      assert.ok(ids('schoonmaak').includes('SOC-CLEAN-101'));
      assert.ok(ids('schoonmaak').includes('ENV-CLEAN-101'));
    });

    it('finds voedingsmiddelen from voeding', () => {
      assert.deepEqual(ids('voeding'), ['ENV-FOOD-101']);
    });

    it('does not over-stem: onderaannemers does not return a text that only says onderaanneming', () => {
      assert.deepEqual(ids('onderaannemers'), ['DMP-BUILD-102']);
    });

    it('ranks the documents with every word first, then those with some of them', () => {
      const outcome = search('schoonmaak opleiding');
      assert.equal(outcome.partial, false);
      assert.deepEqual(
        outcome.hits.map((h) => h.doc.id),
        ['SOC-CLEAN-101', 'ENV-CLEAN-101'],
      );
    });

    it('shows the documents with some of the words, and says so, when none has them all', () => {
      const outcome = search('biologische onderaanneming');
      assert.equal(outcome.partial, true);
      assert.deepEqual(outcome.hits.map((h) => h.doc.id).sort(), ['DMP-BUILD-101', 'ENV-FOOD-101']);
    });
  });

  describe('French', () => {
    it('matches accents and plurals both ways: critères, criteres, critère', () => {
      for (const q of ['critères', 'criteres', 'critère', 'CRITERE'])
        assert.deepEqual(ids(q, 'fr'), ['ENV-CLEAN-101', 'ENV-FOOD-101'], q);
    });

    it('finds pénalités from penalites', () => {
      assert.deepEqual(ids('penalites', 'fr'), ['SOC-CLEAN-101']);
      assert.deepEqual(ids('pénalité', 'fr'), ['SOC-CLEAN-101']);
    });

    it("splits elisions: offre finds l'offre", () => {
      assert.deepEqual(ids('offre', 'fr'), ['ENV-FOOD-101']);
      assert.deepEqual(ids("l'offre", 'fr'), ['ENV-FOOD-101']);
    });
  });

  it('searches the other language when the page language finds nothing', () => {
    assert.deepEqual(ids('nettoyage', 'nl'), ['ENV-CLEAN-101', 'SOC-CLEAN-101']);
  });

  describe('CPV codes', () => {
    it('finds the clauses of the category of a full code, with or without its check digit', () => {
      assert.deepEqual(ids('90910000'), ['DMP-BUILD-102', 'ENV-CLEAN-101', 'SOC-CLEAN-101']);
      assert.deepEqual(ids('90910000-6'), ['DMP-BUILD-102', 'ENV-CLEAN-101', 'SOC-CLEAN-101']);
    });

    it('finds them from the first digits and from a more specific code', () => {
      assert.deepEqual(ids('9091'), ['DMP-BUILD-102', 'ENV-CLEAN-101', 'SOC-CLEAN-101']);
      assert.deepEqual(ids('45'), ['DMP-BUILD-101', 'DMP-BUILD-102']);
      assert.deepEqual(ids('45262000'), ['DMP-BUILD-101', 'DMP-BUILD-102']);
    });

    it('combines a CPV code with words and with the cpv parameter', () => {
      assert.deepEqual(ids('90910000 opleiding'), ['SOC-CLEAN-101']);
      assert.deepEqual(ids('', 'nl', { cpv: '55520000' }), ['ENV-FOOD-101']);
    });
  });

  describe('facets', () => {
    it('count the documents matching the query', () => {
      const outcome = search('schoonmaak');
      assert.deepEqual(outcome.facets.theme, [
        { value: 'environmental', count: 1 },
        { value: 'social', count: 1 },
      ]);
      assert.deepEqual(outcome.facets.category, [{ value: 'cleaning', count: 2 }]);
    });

    it('combine filters across facets and alternatives within a facet', () => {
      assert.deepEqual(ids('', 'nl', { filters: { theme: ['anti_dumping'], level: ['basis'] } }), ['DMP-BUILD-101']);
      assert.deepEqual(ids('', 'nl', { filters: { theme: ['anti_dumping', 'social'] } }), [
        'DMP-BUILD-101',
        'DMP-BUILD-102',
        'SOC-CLEAN-101',
      ]);
      assert.deepEqual(ids('', 'nl', { filters: { category: ['cleaning'], stage: ['selection'] } }), ['DMP-BUILD-102']);
      assert.deepEqual(ids('', 'nl', { filters: { owner: ['environment_brussels'] } }), [
        'ENV-CLEAN-101',
        'ENV-FOOD-101',
      ]);
    });

    it("count each facet with the other facets' filters applied, not its own", () => {
      const outcome = search('', 'nl', { filters: { theme: ['anti_dumping'] } });
      assert.equal(outcome.total, 2);
      assert.deepEqual(outcome.facets.theme, [
        { value: 'anti_dumping', count: 2 },
        { value: 'environmental', count: 2 },
        { value: 'social', count: 1 },
      ]);
      assert.deepEqual(outcome.facets.level, [
        { value: 'advanced', count: 1 },
        { value: 'basis', count: 1 },
      ]);
    });
  });

  it('finds a clause by its id', () => {
    assert.deepEqual(ids('dmp-build-102'), ['DMP-BUILD-102']);
  });

  it('pages through results', () => {
    const first = search('', 'nl', { page: 1, pageSize: 2 });
    const third = search('', 'nl', { page: 3, pageSize: 2 });
    assert.equal(first.total, 5);
    assert.equal(first.hits.length, 2);
    assert.equal(third.hits.length, 1);
    assert.equal(search('', 'nl', { page: 9, pageSize: 2 }).hits.length, 0);
  });

  it('answers hostile and enormous queries without throwing', () => {
    for (const q of [
      'a:^~*',
      '*',
      '~~~',
      '+-',
      'title:',
      '"unterminated',
      '\u0000\u0001',
      'x'.repeat(5000),
      'schoonmaak '.repeat(600),
      '🙂',
      '<script>alert(1)</script>',
      'de het een',
    ]) {
      assert.doesNotThrow(() => search(q), q.slice(0, 20));
      assert.doesNotThrow(() => search(q, 'fr'), q.slice(0, 20));
    }
  });

  it('loads a saved index that answers like the built one', () => {
    const loaded = deserializeIndex(serializeIndex(built));
    const again = runSearch(loaded, { q: 'schoonmaak', lang: 'nl', filters: {}, page: 1, pageSize: 20 }, CPV);
    assert.deepEqual(again.hits.map((h) => h.doc.id).sort(), ids('schoonmaak'));
  });
});
