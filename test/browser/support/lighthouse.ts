// Lighthouse 12 on Debian's Chromium: one Chrome (chrome-launcher, which Lighthouse's node API uses) for every
// run, the desktop preset without throttling, and only the categories we hold to 100.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { ROOT } from './server';

export const LIGHTHOUSE_CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  scores: Record<Category, number>;
  /** Every audit that counts towards a category (weight > 0) and did not pass, as "category/audit: title (details)". */
  failures: string[];
}

export interface LighthouseRunner {
  run(url: string): Promise<LighthouseResult>;
  close(): Promise<void>;
}

export async function startLighthouse(): Promise<LighthouseRunner> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    logLevel: 'silent',
  });
  const config = {
    ...desktopConfig,
    settings: {
      ...desktopConfig.settings,
      onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      // No simulated network or CPU slowdown: these categories do not depend on speed, and runs stay short.
      throttlingMethod: 'provided' as const,
    },
  };
  return {
    async run(url) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const failures = LIGHTHOUSE_CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
          .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
          .map(({ ref, audit }) => {
            const items = (audit.details as { items?: unknown[] } | undefined)?.items ?? [];
            return `${c}/${ref.id}: ${audit.title} ${JSON.stringify(items.slice(0, 3)).slice(0, 300)}`;
          }),
      );
      return { url, scores, failures };
    },
    async close() {
      chrome.kill();
    },
  };
}

/** Keeps the scores of a run next to the screenshots (test-output/lighthouse.json). */
export function saveScores(results: LighthouseResult[]): void {
  const dir = path.join(ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
}
