// Lighthouse (accessibility, best practices, SEO) holds the buyer's main pages at 100 in both languages; the
// scores are printed and kept in test-output/lighthouse.json. axe (accessibility.test.ts) scans the same pages.
import assert from 'node:assert/strict';
import { LANGS } from './support/browser';
import { TEXT } from './support/flows';
import { suite } from './support/hooks';
import {
  LIGHTHOUSE_CATEGORIES,
  saveScores,
  startLighthouse,
  type LighthouseResult,
  type LighthouseRunner,
} from './support/lighthouse';

const pages = (lang: 'nl' | 'fr'): Array<[string, string]> => [
  ['home', `/${lang}/`],
  ['search', `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`],
  ['category', `/${lang}/categories/cleaning`],
  ['clause', `/${lang}/clauses/SOC-CLEAN-001`],
];

describe('Lighthouse: accessibility, best practices and SEO at 100', function () {
  let lighthouse: LighthouseRunner;
  const results: LighthouseResult[] = [];

  before(async function () {
    this.timeout(60_000);
    lighthouse = await startLighthouse();
  });
  after(async () => {
    await lighthouse?.close();
    if (results.length > 0) saveScores(results);
  });

  for (const lang of LANGS) {
    for (const [name, path] of pages(lang)) {
      it(`${lang} ${name}`, async function () {
        this.timeout(120_000);
        const result = await lighthouse.run(suite().app.baseUrl + path);
        results.push(result);
        process.stdout.write(
          `      ${lang} ${name}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${result.scores[c]}`).join(', ')}\n`,
        );
        assert.deepEqual(
          result.scores,
          { accessibility: 100, 'best-practices': 100, seo: 100 },
          `${path} falls short:\n${result.failures.join('\n')}`,
        );
      });
    }
  }
});
