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

describe('catalog files', () => {
  it('merge the main file with the per-domain files and refuse a key defined twice', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { loadCatalog } = await import('../../server/i18n/catalog');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    fs.writeFileSync(path.join(dir, 'nl.json'), JSON.stringify({ site: { name: 'A' } }));
    fs.writeFileSync(path.join(dir, 'extra.nl.json'), JSON.stringify({ extra: { title: 'B' } }));
    fs.writeFileSync(path.join(dir, 'extra.fr.json'), JSON.stringify({ extra: { title: 'C' } }));
    assert.deepEqual(
      [...loadCatalog('nl', dir)],
      [
        ['extra.title', 'B'],
        ['site.name', 'A'],
      ],
    );
    fs.writeFileSync(path.join(dir, 'again.nl.json'), JSON.stringify({ site: { name: 'D' } }));
    assert.throws(() => loadCatalog('nl', dir), /site\.name is defined twice/);
  });
});
