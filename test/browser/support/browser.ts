// Browser helpers: a fresh context per journey, sign-in, screenshots, and keyboard focus checks.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { STAFF, suite, type StaffKey } from './hooks';
import { ROOT, STAFF_PASSWORD } from './server';

export type Lang = 'nl' | 'fr';
export const LANGS: Lang[] = ['nl', 'fr'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors and console errors (a CSP violation shows up here). */
  errors: string[];
  close(): Promise<void>;
}

export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (err) => errors.push(`pageerror on ${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    // Failed loads are judged from the responses below: a page answering 404 or 422 on purpose is no error.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      errors.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() === 'document' || response.status() < 400) return;
    errors.push(`${request.resourceType()} ${response.url()} answered ${response.status()} on ${page.url()}`);
  });
}

/** A fresh browser context; `javaScript: false` walks the pages as a browser without scripts does. */
export async function openSession(
  lang: Lang,
  {
    javaScript = true,
    viewport = DESKTOP,
  }: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const { app, browser } = suite();
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    acceptDownloads: true,
    viewport,
    javaScriptEnabled: javaScript,
    locale: lang === 'nl' ? 'nl-BE' : 'fr-BE',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  return { context, page, errors, close: () => context.close() };
}

/** Fails when a page threw or logged an error (a script blocked by the CSP, a failed fetch…). */
export function assertNoScriptErrors(session: Session): void {
  assert.deepEqual(session.errors, [], `script or console errors:\n${session.errors.join('\n')}`);
}

export async function signIn(page: Page, lang: Lang, who: StaffKey): Promise<void> {
  await page.goto(`/${lang}/signin`);
  await page.fill('#field-email', STAFF[who].email);
  await page.fill('#field-password', STAFF_PASSWORD);
  await Promise.all([page.waitForURL(`**/${lang}/staff`), page.click('form[action$="/signin"] button[type=submit]')]);
}

/**
 * Full-page screenshots at desktop and phone widths, named <name>-desktop.png and <name>-phone.png.
 * Returns how far the page is wider than the viewport at each width (0 when it reflows, WCAG 1.4.10).
 */
export async function screenshots(page: Page, name: string): Promise<{ desktop: number; phone: number }> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  const overflow = { desktop: 0, phone: 0 };
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    overflow[label] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
  return overflow;
}

export interface FocusState {
  tag: string;
  description: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  width: number;
  height: number;
}

export async function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const text = (el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).name || el.id || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
    return {
      tag: el.tagName.toLowerCase(),
      description: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${text}"`,
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      width: rect.width,
      height: rect.height,
    };
  });
}

/** The focused element shows a visible indicator: an outline or a box shadow while :focus-visible. */
export async function assertVisibleFocus(page: Page): Promise<FocusState> {
  const state = await focusState(page);
  assert.ok(state, 'nothing has the keyboard focus');
  assert.ok(state.focusVisible, `${state.description} is focused but does not match :focus-visible`);
  const outlined = state.outlineStyle !== 'none' && state.outlineWidth >= 2;
  const shadowed = state.boxShadow !== 'none' && state.boxShadow !== '';
  assert.ok(
    outlined || shadowed,
    `${state.description} has no visible focus indicator (outline ${state.outlineStyle} ${state.outlineWidth}px, box-shadow ${state.boxShadow})`,
  );
  assert.ok(
    state.width > 0 && state.height > 0,
    `${state.description} is focused but not visible (${state.width}×${state.height})`,
  );
  return state;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the selector, checking the focus indicator
 * of every element passed on the way. Fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { back = false, max = 120 }: { back?: boolean; max?: number } = {},
): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const state = await focusState(page);
    if (!state) continue;
    visited.push(state.description);
    await assertVisibleFocus(page);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  assert.fail(
    `no element matching ${selector} reached with ${back ? 'Shift+Tab' : 'Tab'} after ${max} presses; passed: ${visited.slice(-15).join(', ')}`,
  );
}

/** Presses a key that navigates (Enter on a link or button, Space on an auto-submitting control) and waits. */
export async function pressAndNavigate(page: Page, key: string, url: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.keyboard.press(key)]);
}
