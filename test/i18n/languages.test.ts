// The language table and the helpers every domain uses instead of naming languages.
import assert from 'node:assert/strict';
import {
  DEFAULT_LANG,
  everyLanguage,
  fromSuffixed,
  LANGUAGE_FACTS,
  LANGUAGES,
  localeOf,
  otherLang,
  otherLanguages,
  parseLang,
  pick,
  suffixedNames,
  toSuffixed,
} from '../../server/i18n/languages';
import { formatDate, formatNumber } from '../../server/i18n/format';

describe('language table', () => {
  it('has facts for every language: a Belgian locale, an ISO 639-2 code and document file-name stems', () => {
    for (const lang of LANGUAGES) {
      const facts = LANGUAGE_FACTS[lang];
      assert.equal(localeOf(lang), `${lang}-BE`);
      assert.match(facts.iso639_2, /^[a-z]{3}$/);
      assert.match(facts.documentStems.tender, /^[a-z-]+$/);
      assert.match(facts.documentStems.actionPlan, /^[a-z-]+$/);
    }
    assert.equal(LANGUAGE_FACTS.nl.documentStems.tender, 'bestek');
    assert.equal(LANGUAGE_FACTS.fr.documentStems.tender, 'cahier-des-charges');
  });

  it('reads a language or falls back, and names the others', () => {
    assert.equal(parseLang('fr'), 'fr');
    assert.equal(parseLang('en'), DEFAULT_LANG);
    assert.equal(parseLang(undefined, 'fr'), 'fr');
    assert.deepEqual(otherLanguages('nl'), ['fr']);
    assert.equal(otherLang('fr'), 'nl');
    assert.equal(pick({ nl: 'ja', fr: 'oui' }, 'fr'), 'oui');
  });

  it('maps per-language columns and fields both ways', () => {
    assert.deepEqual(toSuffixed('name', { nl: 'Schoonmaak', fr: 'Nettoyage' }), {
      name_nl: 'Schoonmaak',
      name_fr: 'Nettoyage',
    });
    assert.deepEqual(fromSuffixed({ name_nl: 'Schoonmaak', name_fr: 'Nettoyage', other: 1 }, 'name'), {
      nl: 'Schoonmaak',
      fr: 'Nettoyage',
    });
    assert.deepEqual(suffixedNames('question', 'answer'), ['question_nl', 'answer_nl', 'question_fr', 'answer_fr']);
    assert.deepEqual(
      everyLanguage((lang) => lang.toUpperCase()),
      { nl: 'NL', fr: 'FR' },
    );
  });

  it('formats numbers and dates the Belgian way in each language', () => {
    assert.equal(formatNumber('nl', 1250000.5), '1.250.000,5');
    assert.equal(formatNumber('fr', 1250000.5).replace(/\s/g, ' '), '1 250 000,5');
    assert.match(formatDate('nl', new Date('2026-12-03T10:00:00Z')), /3 december 2026/);
    assert.match(formatDate('fr', new Date('2026-12-03T10:00:00Z')), /3 décembre 2026/);
  });
});
