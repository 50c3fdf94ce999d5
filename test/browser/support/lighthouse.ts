// Lighthouse runs in a child process of plain node (see lighthouse-runner.mjs for why); this side starts it
// over the pages, reads the results and keeps them next to the screenshots (test-output/lighthouse.json).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server';

export const LIGHTHOUSE_CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  scores?: Record<Category, number>;
  /** Every audit that counts towards a category and did not pass, as "category/audit: title (details)". */
  failures?: string[];
  error?: string;
  ms?: number;
}

const RUNNER = path.join(import.meta.dirname, 'lighthouse-runner.mjs');

/** Audits the URLs one after the other in one Chrome. */
export function runLighthouse(urls: string[]): Promise<LighthouseResult[]> {
  return new Promise((resolve, reject) => {
    // NODE_OPTIONS cleared: the runner must not load the TypeScript loader the tests run under.
    const child = spawn(process.execPath, [RUNNER, ...urls], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`Lighthouse exited with ${code}:\n${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out) as LighthouseResult[]);
      } catch {
        reject(new Error(`Lighthouse printed no results:\n${out.slice(0, 500)}\n${err.slice(-2000)}`));
      }
    });
  });
}

export function saveScores(results: LighthouseResult[]): void {
  const dir = path.join(ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
}
