import assert from 'node:assert/strict';
import type { SearchDocument } from '../../server/search/documents';
import { boundedDistance, corrections, splitCompound } from '../../server/search/lexicon';
import { runSearch, type SearchParams } from '../../server/search/query';
import { buildIndex, deserializeIndex, serializeIndex } from '../../server/search/search-index';
import { snippet } from '../../server/search/snippet';
import { categoryGroups, type ThesaurusGroup } from '../../server/search/thesaurus';
import type { Lang } from '../../server/i18n/languages';

function doc(id: string, category: string, nl: string, fr: string): SearchDocument {
  return {
    ref: `clause:${id}`,
    type: 'clause',
    id,
    version: 1,
    title: { nl: `Clausule ${id}`, fr: `Clause ${id}` },
    text: { nl, fr },
    extra: { nl: '', fr: '' },
    theme: 'environmental',
    categories: [category],
    stage: 'technical_specification',
    level: 'basis',
    owner: 'environment_brussels',
  };
}

const DOCS = [
  doc(
    'ENV-CLEAN-201',
    'cleaning',
    'Schoonmaakdiensten gebruiken producten met een milieukeur.',
    'Les services de nettoyage utilisent des produits écolabellisés.',
  ),
  doc(
    'SOC-CLEAN-201',
    'cleaning',
    'De schoonmaak van kantoren gebeurt overdag.',
    'Le nettoyage des bureaux a lieu en journée.',
  ),
  doc(
    'ENV-FURN-201',
    'furniture',
    'Herbruikbaar meubilair wordt eerst hersteld.',
    'Le mobilier réutilisable est d’abord réparé.',
  ),
  doc(
    'ENV-FURN-202',
    'furniture',
    'Het meubilair is gemaakt van gerecycleerd hout.',
    'Le mobilier est en bois recyclé.',
  ),
  doc(
    'ENV-EVENT-201',
    'events',
    'Herbruikbaar servies op evenementen.',
    'De la vaisselle réutilisable lors des événements.',
  ),
  doc(
    'ENV-VEH-201',
    'vehicles',
    'De voertuigen van de dienst zijn elektrisch.',
    'Les véhicules de service sont électriques.',
  ),
  doc('ENV-FOOD-201', 'catering', 'Maaltijden met biologische voeding.', 'Des repas avec une alimentation biologique.'),
];

const GROUPS: ThesaurusGroup[] = [
  {
    id: 'cleaning',
    category: 'cleaning',
    nl: ['schoonmaak', 'poetsen', 'kuisen', 'poetsdienst'],
    fr: ['nettoyage', 'entretien des locaux', 'propreté'],
    en: ['cleaning', 'cleaner'],
  },
  {
    id: 'furniture',
    category: 'furniture',
    nl: ['meubilair', 'meubels'],
    fr: ['mobilier', 'meubles'],
    en: ['furniture'],
  },
  {
    id: 'vehicle',
    category: 'vehicles',
    nl: ['voertuig', 'wagen', 'auto'],
    fr: ['véhicule', 'voiture'],
    en: ['vehicle', 'car'],
  },
  { id: 'school-meals', category: 'catering', nl: ['schoolmaaltijden'], fr: ['cantine', 'restauration collective'] },
  ...categoryGroups([{ code: 'events', name: { nl: 'Evenementen', fr: 'Événements' } }]),
];

const CPV = new Map<string, string[]>();
const built = buildIndex(DOCS, GROUPS);
const search = (q: string, lang: Lang = 'nl', extra: Partial<SearchParams> = {}) =>
  runSearch(built, { q, lang, filters: {}, page: 1, pageSize: 20, ...extra }, CPV);
const top = (q: string, lang: Lang = 'nl', extra: Partial<SearchParams> = {}) =>
  search(q, lang, extra).hits.map((h) => h.doc.id);

describe('search that understands a buyer', () => {
  describe('synonyms from the thesaurus', () => {
    it('finds cleaning clauses for poetsdienst and kuisen, which no clause contains', () => {
      for (const q of ['poetsdienst', 'kuisen']) {
        const ids = top(q);
        assert.deepEqual(ids.slice(0, 2).sort(), ['ENV-CLEAN-201', 'SOC-CLEAN-201'], q);
      }
    });

    it('reads a French phrase as one term: entretien des locaux finds the cleaning clauses', () => {
      assert.deepEqual(top('entretien des locaux', 'fr').slice(0, 2).sort(), ['ENV-CLEAN-201', 'SOC-CLEAN-201']);
    });

    it('maps English terms into the page language', () => {
      assert.deepEqual(top('cleaning').slice(0, 2).sort(), ['ENV-CLEAN-201', 'SOC-CLEAN-201']);
      assert.equal(top('furniture', 'fr')[0].startsWith('ENV-FURN'), true);
      assert.equal(top('electric vehicles', 'nl')[0], 'ENV-VEH-201');
    });

    it('ranks a synonym below the word itself', () => {
      const exact = search('meubilair').hits.find((h) => h.doc.id === 'ENV-FURN-202')!.score;
      const synonym = search('meubels').hits.find((h) => h.doc.id === 'ENV-FURN-202')!.score;
      assert.ok(synonym < exact, `${synonym} < ${exact}`);
    });
  });

  describe('coverage ranking', () => {
    it('puts the clauses matching every concept first and keeps those matching some', () => {
      const ids = top('herbruikbaar meubilair');
      assert.equal(ids[0], 'ENV-FURN-201');
      assert.ok(ids.includes('ENV-FURN-202') && ids.includes('ENV-EVENT-201'));
    });

    it('never answers 0 results when one concept matched', () => {
      assert.ok(search('meubilair quasarvortex').total > 0);
      assert.equal(search('meubilair quasarvortex').partial, true);
    });

    it('boosts the category a query names: cantine scolaire puts catering first', () => {
      assert.equal(top('cantine scolaire', 'fr')[0], 'ENV-FOOD-201');
      assert.equal(top('evenementen servies')[0], 'ENV-EVENT-201');
    });
  });

  describe('Dutch compounds', () => {
    it('splits a compound into known words: kantoorschoonmaak, dienstvoertuigen', () => {
      assert.equal(top('kantoorschoonmaak')[0], 'SOC-CLEAN-201');
      assert.equal(top('dienstvoertuigen')[0], 'ENV-VEH-201');
    });

    it('matches a word as the head of indexed compounds: diensten finds schoonmaakdiensten', () => {
      assert.ok(top('diensten').includes('ENV-CLEAN-201'));
    });

    it('reads two hyphenated words as the one word the index knows: éco-labellisés', () => {
      const outcome = search('éco-labellisés', 'fr');
      assert.deepEqual(
        outcome.query.concepts.map((c) => c.text),
        ['écolabellisés'],
      );
      assert.equal(outcome.partial, false);
      assert.equal(outcome.hits[0].doc.id, 'ENV-CLEAN-201');
      assert.equal(search('sous-traitance', 'fr').query.concepts.length, 2, 'unknown joined words stay apart');
    });

    it('splits with a linking s', () => {
      const lexicon = built.languages.nl.lexicon;
      assert.deepEqual(splitCompound('nl', lexicon, 'kantoorschoonmaak'), {
        modifier: 'kantoor',
        head: 'schoonmaak',
        modifierKnown: true,
      });
      assert.deepEqual(splitCompound('nl', lexicon, 'dienstsvoertuigen'), {
        modifier: 'dienst',
        head: 'voertuigen',
        modifierKnown: true,
      });
      assert.equal(splitCompound('fr', built.languages.fr.lexicon, 'nettoyagebureaux'), null);
    });
  });

  describe('typo tolerance', () => {
    it('allows one edit from 4 letters and two from 8', () => {
      assert.equal(boundedDistance('schonmaak', 'schoonmaak', 2), 1);
      assert.equal(boundedDistance('meubliair', 'meubilair', 2), 1);
      assert.deepEqual(corrections(built.languages.nl.lexicon, 'schomak'), []);
      assert.deepEqual(corrections(built.languages.nl.lexicon, 'schoomaak'), ['schoonmaak']);
      assert.deepEqual(corrections(built.languages.fr.lexicon, 'nettoyge'), ['nettoyage']);
    });

    it('finds what the buyer meant and says how it read the query', () => {
      const outcome = search('schonmaak');
      assert.ok(outcome.total >= 2);
      assert.equal(outcome.query.corrected, 'schoonmaak');
      assert.equal(top('nettoyge', 'fr').length >= 2, true);
    });

    it('takes the words literally when asked', () => {
      const outcome = search('schonmaak', 'nl', { literal: true });
      assert.equal(outcome.total, 0);
      assert.equal(outcome.query.corrected, undefined);
    });

    it('does not correct a word the index knows', () => {
      assert.equal(search('meubilair').query.corrected, undefined);
    });
  });

  describe('snippets', () => {
    it('highlight synonyms and corrections', () => {
      const cleaning = DOCS[1].text.nl;
      assert.match(snippet(cleaning, 'nl', search('poetsdienst').query), /<mark>schoonmaak<\/mark>/);
      assert.match(snippet(cleaning, 'nl', search('schonmaak').query), /<mark>schoonmaak<\/mark>/);
      assert.match(snippet(DOCS[2].text.fr, 'fr', search('meubles', 'fr').query), /<mark>mobilier<\/mark>/);
    });
  });

  it('a saved index keeps its thesaurus and lexicon', () => {
    const loaded = deserializeIndex(serializeIndex(built));
    const again = runSearch(loaded, { q: 'poetsdienst', lang: 'nl', filters: {}, page: 1, pageSize: 20 }, CPV);
    assert.deepEqual(
      again.hits.map((h) => h.doc.id),
      top('poetsdienst'),
    );
    assert.equal(
      runSearch(loaded, { q: 'schonmaak', lang: 'nl', filters: {}, page: 1, pageSize: 20 }, CPV).query.corrected,
      'schoonmaak',
    );
  });
});
