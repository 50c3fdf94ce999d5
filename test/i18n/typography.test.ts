import assert from 'node:assert/strict';
import { typeset, typesetWordXml } from '../../server/i18n/typography';

describe('typography in generated documents', () => {
  it('puts a non-breaking space before : ; ! ? in French', () => {
    assert.equal(typeset('fr', 'Référence : IX-1'), 'Référence\u00A0: IX-1');
    assert.equal(typeset('fr', 'Référence: IX-1'), 'Référence\u00A0: IX-1');
    assert.equal(typeset('fr', 'oui ; non ! Pourquoi ?'), 'oui\u00A0; non\u00A0! Pourquoi\u00A0?');
  });

  it('leaves addresses, times, query strings and Dutch alone', () => {
    assert.equal(
      typeset('fr', 'https://www.publicprocurement.be à 10:30 ?c=1'),
      'https://www.publicprocurement.be à 10:30 ?c=1',
    );
    assert.equal(typeset('nl', 'Referentie: IX-1'), 'Referentie: IX-1');
  });

  it('changes only the text of Word runs and keeps XML entities intact', () => {
    const xml = '<w:p><w:r><w:t xml:space="preserve">A &amp; B : C</w:t></w:r><w:r><w:t>: D</w:t></w:r></w:p>';
    assert.equal(
      typesetWordXml('fr', xml),
      '<w:p><w:r><w:t xml:space="preserve">A &amp; B\u00A0: C</w:t></w:r><w:r><w:t>\u00A0: D</w:t></w:r></w:p>',
    );
  });
});
