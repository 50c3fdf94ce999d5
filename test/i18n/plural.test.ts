import assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { translate } from '../../server/i18n/catalog';
import { countOf, pluralCategory } from '../../server/i18n/plural';
import { registerHelpers } from '../../server/views/helpers';

describe('plural forms', () => {
  it('picks the Dutch forms for 0, 1 and 2: 0 vragen, 1 vraag, 2 vragen', () => {
    assert.equal(translate('nl', 'helpdesk.staff.count', { count: 0 }), '0 vragen');
    assert.equal(translate('nl', 'helpdesk.staff.count', { count: 1 }), '1 vraag');
    assert.equal(translate('nl', 'helpdesk.staff.count', { count: 2 }), '2 vragen');
  });

  it('picks the French forms for 0, 1 and 2: 0 question, 1 question, 2 questions', () => {
    assert.equal(translate('fr', 'helpdesk.staff.count', { count: 0 }), '0 question');
    assert.equal(translate('fr', 'helpdesk.staff.count', { count: 1 }), '1 question');
    assert.equal(translate('fr', 'helpdesk.staff.count', { count: 2 }), '2 questions');
  });

  it('follows each language’s rules: French 0 and 1 are singular, Dutch only 1', () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => pluralCategory('nl', n)),
      ['other', 'one', 'other'],
    );
    assert.deepEqual(
      [0, 1, 2].map((n) => pluralCategory('fr', n)),
      ['one', 'one', 'other'],
    );
  });

  it('falls back to the "other" form for a category the catalog does not spell out (French "many")', () => {
    assert.equal(translate('fr', 'categories.count', { count: 1_000_000 }), '1000000 clauses');
  });

  it('reads a count from a number or a plain numeric string, nothing else', () => {
    assert.equal(countOf(3), 3);
    assert.equal(countOf('12'), 12);
    assert.equal(countOf('1.234,5'), undefined);
    assert.equal(countOf(undefined), undefined);
    assert.equal(translate('nl', 'categories.count', { count: '1' }), '1 clausule');
  });

  it('gives the plural form through {{plural}} and {{t count=}} in templates', () => {
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    const view = hbs.compile('{{plural "market.search.results" n}} | {{t "clauses.results_count" count=n}}');
    assert.equal(view({ lang: 'nl', n: 1 }), '1 geplande opdracht | 1 clausule gevonden');
    assert.equal(view({ lang: 'fr', n: 2 }), '2 marchés planifiés | 2 clauses trouvées');
  });
});
