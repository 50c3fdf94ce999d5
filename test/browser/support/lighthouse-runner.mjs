// Runs Lighthouse 12 over the URLs given as arguments and prints one JSON array of results on stdout. Plain
// JavaScript, started with plain node: Lighthouse sends its own functions into the page as source text, and the
// TypeScript loader the tests run under would add helpers to them that do not exist in the page.
// One Chrome (Debian's Chromium through chrome-launcher) for every URL; the desktop preset without throttling.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  logLevel: 'silent',
});
const config = {
  ...desktopConfig,
  settings: {
    ...desktopConfig.settings,
    onlyCategories: CATEGORIES,
    // These categories do not depend on speed: no simulated network or CPU slowdown, so runs stay short.
    throttlingMethod: 'provided',
  },
};

const results = [];
try {
  for (const url of process.argv.slice(2)) {
    const started = Date.now();
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    const lhr = result?.lhr;
    if (!lhr || lhr.runtimeError) {
      results.push({ url, error: lhr?.runtimeError?.message ?? 'no result' });
      continue;
    }
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    // Every audit that counts towards a category score (weight above 0) and did not pass.
    const failures = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
        .map((ref) => {
          const audit = lhr.audits[ref.id];
          return `${c}/${ref.id}: ${audit.title} ${JSON.stringify(audit.details?.items?.slice(0, 3) ?? []).slice(0, 300)}`;
        }),
    );
    results.push({ url, scores, failures, ms: Date.now() - started });
  }
} finally {
  chrome.kill();
}
process.stdout.write(JSON.stringify(results));
