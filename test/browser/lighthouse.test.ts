// Lighthouse (accessibility, best practices, SEO) holds the buyer's main pages at 100 in both languages: eight
// runs in one Chrome, scores printed and kept in test-output/lighthouse.json. axe (accessibility.test.ts) scans the
// same pages.
import assert from 'node:assert/strict';
import { LANGS, type Lang } from './support/browser';
import { TEXT } from './support/flows';
import { suite } from './support/hooks';
import { LIGHTHOUSE_CATEGORIES, runLighthouse, saveScores, type LighthouseResult } from './support/lighthouse';

const pages = (lang: Lang): Array<[string, string]> => [
  ['home', `/${lang}/`],
  ['search', `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`],
  ['category', `/${lang}/categories/cleaning`],
  ['clause', `/${lang}/clauses/SOC-CLEAN-001`],
];

const runs = LANGS.flatMap((lang) => pages(lang).map(([name, path]) => ({ label: `${lang} ${name}`, path })));

describe('Lighthouse: accessibility, best practices and SEO at 100', () => {
  const results = new Map<string, LighthouseResult>();

  before(async function () {
    this.timeout(runs.length * 90_000);
    const baseUrl = suite().app.baseUrl;
    const all = await runLighthouse(runs.map((r) => baseUrl + r.path));
    saveScores(all);
    all.forEach((result, i) => results.set(runs[i].path, result));
  });

  for (const { label, path } of runs) {
    it(label, () => {
      const result = results.get(path);
      assert.ok(result, `no Lighthouse result for ${path}`);
      assert.equal(result.error, undefined, `Lighthouse could not audit ${path}: ${result.error}`);
      const scores = result.scores!;
      process.stdout.write(
        `      ${label}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (${result.ms} ms)\n`,
      );
      assert.deepEqual(
        scores,
        { accessibility: 100, 'best-practices': 100, seo: 100 },
        `${path} falls short:\n${result.failures?.join('\n')}`,
      );
    });
  }
});
