import assert from 'node:assert/strict';
import { catalogs, translate } from '../../server/i18n/catalog';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys in Dutch and French', () => {
    const nl = [...catalogs.nl.keys()].sort();
    const fr = [...catalogs.fr.keys()].sort();
    assert.deepEqual(
      nl.filter((k) => !catalogs.fr.has(k)),
      [],
      'keys missing in fr.json',
    );
    assert.deepEqual(
      fr.filter((k) => !catalogs.nl.has(k)),
      [],
      'keys missing in nl.json',
    );
  });

  it('use the same placeholders in both languages and leave no message empty', () => {
    for (const [key, nlText] of catalogs.nl) {
      const frText = catalogs.fr.get(key) ?? '';
      assert.ok(nlText.trim() && frText.trim(), `empty message: ${key}`);
      assert.deepEqual(placeholders(nlText), placeholders(frText), `placeholders differ for ${key}`);
    }
  });

  it('fills placeholders and shows an unknown key as itself', () => {
    assert.equal(translate('fr', 'validation.too_long', { max: 10 }), '10 caractères au maximum.');
    assert.equal(translate('nl', 'no.such.key'), 'no.such.key');
  });
});
