// The axe-core scan used on every page: WCAG 2.0/2.1 A and AA rules. Serious and critical violations fail
// the test; every other violation is printed so that it is seen and can be fixed.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshots, type Lang } from './browser';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const describe = (f: Finding) =>
  `${f.id} [${f.impact}] ${f.help}: ${f.targets.slice(0, 6).join(' | ')}${f.targets.length > 6 ? ` (+${f.targets.length - 6} more)` : ''}`;

/** Scans the page as it is now; `label` names it in the output. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const findings: Finding[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  for (const f of findings.filter((x) => !blocking.includes(x)))
    process.stdout.write(`      axe ${label}: ${describe(f)}\n`);
  assert.equal(
    blocking.length,
    0,
    `${label} (${page.url()}) has serious or critical accessibility violations:\n${blocking.map(describe).join('\n')}`,
  );
}

/**
 * When the page shows an error summary, each of its links leads to an element of the page, and a form field it
 * leads to is marked invalid (aria-invalid) and described by its error message.
 */
export async function assertErrorSummaryLinks(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('#error-summary a'))) {
      const id = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^#/, ''));
      const target = document.getElementById(id);
      if (!target) {
        out.push(`"${link.textContent?.trim()}" leads to #${id}, which is not on the page`);
        continue;
      }
      const control = target.matches('input, select, textarea')
        ? target
        : target.querySelector('input, select, textarea');
      if (!control || control.getAttribute('type') === 'radio') continue;
      if (control.getAttribute('aria-invalid') !== 'true')
        out.push(`#${control.id} (for "${link.textContent?.trim()}") is not marked aria-invalid`);
      const described = (control.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((ref) => document.getElementById(ref)?.textContent ?? '')
        .join(' ');
      if (!described.trim())
        out.push(`#${control.id} (for "${link.textContent?.trim()}") is not described by its error message`);
    }
    return out;
  });
  assert.deepEqual(problems, [], `${label}: error summary problems:\n${problems.join('\n')}`);
}

/**
 * The checks every page gets: the axe scan, the error summary, screenshots at desktop and phone widths named
 * <lang>-<name>, and reflow (no horizontal scrolling of the whole page; wide tables scroll in their own box).
 */
export async function checkPage(page: Page, lang: Lang, name: string): Promise<void> {
  await assertAccessible(page, `${lang} ${name}`);
  await assertErrorSummaryLinks(page, `${lang} ${name}`);
  const overflow = await screenshots(page, `${lang}-${name}`);
  assert.deepEqual(
    overflow,
    { desktop: 0, phone: 0 },
    `${lang} ${name} scrolls horizontally by ${JSON.stringify(overflow)} px (WCAG 1.4.10)`,
  );
}

/** Opens a path (which must answer below 400) and checks it. */
export async function visitAndCheck(page: Page, lang: Lang, name: string, path: string): Promise<void> {
  const response = await page.goto(path);
  assert.ok(response && response.status() < 400, `${path} answered ${response?.status()}`);
  await checkPage(page, lang, name);
}
