// Counts the steps of a journey: every click and every key press that submits or follows something is one
// step; typing into a field is not. Journeys assert their count and print it.
import type { Locator, Page } from 'playwright-core';

export class StepCounter {
  readonly steps: string[] = [];

  constructor(private readonly page: Page) {}

  get count(): number {
    return this.steps.length;
  }

  /** Clicks the element (a link, a button, a radio) and counts one step. */
  async click(target: string | Locator, what?: string): Promise<void> {
    const locator = typeof target === 'string' ? this.page.locator(target) : target;
    this.steps.push(`click ${what ?? String(target)}`);
    await locator.click();
  }

  /** Presses a key in a field (Enter submits the form) and counts one step. */
  async press(selector: string, key: string): Promise<void> {
    this.steps.push(`press ${key} in ${selector}`);
    await this.page.press(selector, key);
  }

  /** The steps, one a line, for the test output. */
  report(journey: string): string {
    return `      ${journey}: ${this.count} steps\n${this.steps.map((s, i) => `        ${i + 1}. ${s}`).join('\n')}\n`;
  }
}
