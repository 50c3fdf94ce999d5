// axe-core (WCAG 2.0/2.1 A and AA) on every public page in Dutch and French, signed out and signed in, with
// forms in their error state; no serious or critical violation is allowed. Each page is also photographed at
// desktop and phone widths under test-output/screenshots/.
import assert from 'node:assert/strict';
import { assertAccessible, checkPage as check, visitAndCheck as visit } from './support/axe';
import { assertNoScriptErrors, LANGS, openSession, type Lang, type Session } from './support/browser';
import { askQuestion, fillTenderForm, TEXT } from './support/flows';

const publicPages = (lang: Lang): Array<[string, string]> => [
  ['home', `/${lang}/`],
  ['clause-search', `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`],
  [
    'clause-search-filtered',
    `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}&theme=social&stage=performance`,
  ],
  ['clause-search-empty', `/${lang}/clauses?q=zzzqqq`],
  ['clause', `/${lang}/clauses/SOC-CLEAN-001`],
  ['categories', `/${lang}/categories`],
  ['category', `/${lang}/categories/cleaning`],
  ['tender-choose', `/${lang}/tender/new?category=cleaning&level=advanced`],
  ['action-plan', `/${lang}/action-plan`],
  ['helpdesk', `/${lang}/helpdesk`],
  ['faq-list', `/${lang}/faq`],
  ['signin', `/${lang}/signin`],
  ['accessibility-statement', `/${lang}/accessibility`],
  ['privacy', `/${lang}/privacy`],
  ['market', `/${lang}/market`],
  ['market-search', `/${lang}/market?category=cleaning&quarter=2027-Q1`],
  ['market-announce', `/${lang}/market/announce`],
  ['agenda', `/${lang}/agenda`],
  ['centrals', `/${lang}/centrals`],
];

describe('accessibility scan', () => {
  it('catches known violations (so that a clean result means something)', async () => {
    const session = await openSession('nl');
    try {
      await session.page.goto('/nl/');
      await session.page.evaluate(() =>
        document
          .querySelector('main')!
          .insertAdjacentHTML('beforeend', '<img src="/assets/none.png"><input type="text">'),
      );
      await assert.rejects(
        assertAccessible(session.page, 'nl home with planted faults'),
        (err: Error) => /image-alt/.test(err.message) && /\blabel\b/.test(err.message),
      );
    } finally {
      await session.close();
    }
  });
});

for (const lang of LANGS) {
  describe(`accessibility, signed out (${lang})`, () => {
    let session: Session;
    before(async () => {
      session = await openSession(lang);
    });
    after(async () => {
      await session?.close();
    });

    for (const [name, path] of publicPages(lang)) {
      it(name, async () => visit(session.page, lang, name, path));
    }

    it('not-found page', async () => {
      const response = await session.page.goto(`/${lang}/no-such-page`);
      assert.equal(response?.status(), 404);
      await check(session.page, lang, 'not-found');
    });

    it('tender start, form and review with a gathered clause', async () => {
      const { page } = session;
      await visit(page, lang, 'tender-start-empty', `/${lang}/tender`);
      await page.goto(`/${lang}/clauses/SOC-CLEAN-001`);
      await Promise.all([page.waitForURL('**/clauses/SOC-CLEAN-001'), page.click('form.add-to-tender button')]);
      await check(page, lang, 'clause-added');
      await visit(page, lang, 'tender-start', `/${lang}/tender`);
      await visit(page, lang, 'tender-form', `/${lang}/tender/form`);
      await fillTenderForm(page, lang);
      await Promise.all([
        page.waitForURL('**/tender/review'),
        page.click('form.tender-form > button.button[type="submit"]'),
      ]);
      await check(page, lang, 'tender-review');
    });

    it('tender form with an empty authority (error state)', async () => {
      const { page } = session;
      await page.goto(`/${lang}/tender/form`);
      await page.fill('#field-authority', '');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/tender/form') && r.request().method() === 'POST'),
        page.click('form.tender-form > button.button[type="submit"]'),
      ]);
      assert.equal(response.status(), 422);
      await page.waitForLoadState();
      assert.equal(await page.getAttribute('#field-authority', 'aria-invalid'), 'true');
      assert.ok(await page.locator('#error-summary a[href="#field-authority"]').isVisible());
      await check(page, lang, 'tender-form-error');
    });

    it('action plan form with nothing filled in (error state)', async () => {
      const { page } = session;
      await page.goto(`/${lang}/action-plan`);
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/action-plan') && r.request().method() === 'POST'),
        page.click('form[action$="/action-plan"] button[type="submit"]'),
      ]);
      await page.waitForLoadState();
      assert.ok(await page.locator('#error-summary').isVisible());
      await check(page, lang, 'action-plan-error');
    });

    it('helpdesk form sent empty (error state)', async () => {
      const { page } = session;
      await page.goto(`/${lang}/helpdesk`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/helpdesk') && r.request().method() === 'POST'),
        page.click('#ask-form button[type="submit"]'),
      ]);
      assert.equal(response.status(), 422);
      await page.waitForLoadState();
      assert.ok(await page.locator('#error-summary').isVisible());
      await check(page, lang, 'helpdesk-error');
    });

    it('helpdesk form with the privacy notice accepted but fields empty (error state)', async () => {
      const { page } = session;
      await page.goto(`/${lang}/helpdesk`);
      await page.check('input[name="privacy"]');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/helpdesk') && r.request().method() === 'POST'),
        page.click('#ask-form button[type="submit"]'),
      ]);
      await page.waitForLoadState();
      assert.equal(await page.getAttribute('#field-question', 'aria-invalid'), 'true');
      await check(page, lang, 'helpdesk-error-fields');
    });

    it('tracking page', async () => {
      await askQuestion(session.page, lang);
      await check(session.page, lang, 'helpdesk-tracking');
    });

    it('sign-in with a wrong password (error state)', async () => {
      const { page } = session;
      await page.goto(`/${lang}/signin`);
      await page.fill('#field-email', `nobody.${lang}@example.be`);
      await page.fill('#field-password', 'not the right password at all');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/signin') && r.request().method() === 'POST'),
        page.click('form[action$="/signin"] button[type="submit"]'),
      ]);
      await page.waitForLoadState();
      assert.ok(await page.locator('#signin-error').isVisible());
      await check(page, lang, 'signin-error');
      assertNoScriptErrors(session);
    });
  });
}
