// Mocha root hooks: one app (fresh database, staff accounts created with the CLI) and one Chromium for the
// whole run; every journey opens its own browser context. Tests reach them through suite().
import { chromium, type Browser } from 'playwright-core';
import { createUser, freshDataDir, removeDataDir, startApp, type RunningApp, type StaffUser } from './server';

export const STAFF = {
  facilitator: {
    email: 'fien.facilitator@actiris.example',
    name: 'Fien Facilitator',
    roles: ['facilitator'],
    org: 'actiris',
  },
  keyboardFacilitator: {
    email: 'kobe.keyboard@actiris.example',
    name: 'Kobe Keyboard',
    roles: ['facilitator'],
    org: 'actiris',
  },
  editor: {
    email: 'eva.editor@environment.example',
    name: 'Eva Editor',
    roles: ['editor'],
    org: 'environment_brussels',
  },
  reviewer: {
    email: 'remi.reviewer@environment.example',
    name: 'Rémi Reviewer',
    roles: ['editor'],
    org: 'environment_brussels',
  },
  coordinator: {
    email: 'chloe.coordinator@coordination.example',
    name: 'Chloé Coordinator',
    roles: ['coordinator'],
    org: 'coordination_cell',
  },
} satisfies Record<string, StaffUser>;

export type StaffKey = keyof typeof STAFF;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

interface Suite {
  app: RunningApp;
  browser: Browser;
}

const state = globalThis as typeof globalThis & { __browserSuite?: Suite };

/** The running app and browser (set up once by the root hooks). */
export function suite(): Suite {
  if (!state.__browserSuite) throw new Error('the browser suite is not set up (run it with npm run test:browser)');
  return state.__browserSuite;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    const dataDir = await freshDataDir();
    // The first call migrates the database and imports the clause library; the others reuse it.
    for (const user of Object.values(STAFF)) await createUser(dataDir, user);
    const app = await startApp(dataDir);
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
    } catch (err) {
      await app.stop();
      await removeDataDir(dataDir);
      throw err;
    }
    state.__browserSuite = { app, browser };
    process.stdout.write(`  app at ${app.baseUrl} (data in ${dataDir}), Chromium ${browser.version()}\n`);
  },
  afterEach(this: Mocha.Context) {
    // When a test fails, show what the server logged at warn level or above: usually the cause.
    if (this.currentTest?.state !== 'failed' || !state.__browserSuite) return;
    const lines = state.__browserSuite.app.output
      .join('')
      .split('\n')
      .filter((l) => /"level":(4|5|6)0/.test(l) || (l && !l.startsWith('{')));
    if (lines.length > 0)
      process.stdout.write(
        `    server warnings and errors:\n${lines
          .slice(-20)
          .map((l) => `      ${l.slice(0, 600)}`)
          .join('\n')}\n`,
      );
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    const current = state.__browserSuite;
    state.__browserSuite = undefined;
    if (!current) return;
    await current.browser.close().catch(() => undefined);
    await current.app.stop();
    await removeDataDir(current.app.dataDir);
  },
};
