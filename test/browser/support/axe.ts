// The axe-core scan used on every page: WCAG 2.0/2.1 A and AA rules. Serious and critical violations fail
// the test; every other violation is printed so that it is seen and can be fixed.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const describe = (f: Finding) => `${f.id} [${f.impact}] ${f.help}: ${f.targets.slice(0, 6).join(' | ')}${f.targets.length > 6 ? ` (+${f.targets.length - 6} more)` : ''}`;

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
  for (const f of findings.filter((x) => !blocking.includes(x))) process.stdout.write(`      axe ${label}: ${describe(f)}\n`);
  assert.equal(blocking.length, 0, `${label} (${page.url()}) has serious or critical accessibility violations:\n${blocking.map(describe).join('\n')}`);
}
