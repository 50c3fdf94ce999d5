// Journey 2, in Dutch and French: ask the helpdesk, see suggestions while typing, accept the privacy notice,
// send, get the reference on the tracking page, and open the private tracking link again in new pages.
import assert from 'node:assert/strict';
import { assertNoScriptErrors, LANGS, openSession, screenshots, watchErrors, type Session } from './support/browser';
import { suite } from './support/hooks';
import { REFERENCE, requesterEmail, TEXT } from './support/flows';

for (const lang of LANGS) {
  describe(`helpdesk journey (${lang})`, () => {
    let session: Session;
    let trackingUrl = '';
    let reference = '';
    before(async () => {
      session = await openSession(lang);
    });
    after(async () => {
      await session?.close();
    });

    it('suggests clauses while the buyer types the question', async () => {
      const { page } = session;
      await page.goto(`/${lang}/`);
      await Promise.all([page.waitForURL(`**/${lang}/helpdesk`), page.click(`.main-nav a[href="/${lang}/helpdesk"]`)]);
      const suggested = page.waitForResponse((r) => r.url().includes('/api/v1/suggestions') && r.status() === 200);
      await page.locator('#field-question').pressSequentially(TEXT[lang].question, { delay: 5 });
      const response = await suggested;
      assert.equal(new URL(response.url()).searchParams.get('lang'), lang);
      const links = page.locator('.suggestions__list li a');
      await links.first().waitFor();
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(
        hrefs.some((h) => h.startsWith(`/${lang}/clauses/`)),
        `no clause suggested: ${hrefs.join(', ')}`,
      );
      await screenshots(page, `${lang}-journey-helpdesk-suggestions`);
    });

    it('sends the question after the privacy notice is accepted and shows the reference', async () => {
      const { page } = session;
      await page.selectOption('#field-theme', 'social');
      await page.fill('#field-name', TEXT[lang].name);
      await page.fill('#field-email', requesterEmail(lang));
      await page.fill('#field-organisation', TEXT[lang].organisation);
      await page.check('input[name="privacy"]');
      await Promise.all([
        page.waitForURL(`**/${lang}/helpdesk/track/*`),
        page.click('#ask-form button[type="submit"]'),
      ]);
      trackingUrl = page.url();
      const heading = await page.locator('h1').innerText();
      reference = REFERENCE.exec(heading)?.[0] ?? '';
      assert.ok(reference, `no reference in "${heading}"`);
      const flash = await page.locator('main > .notice[role="status"]').innerText();
      assert.ok(flash.includes(reference), `the confirmation does not give the reference: ${flash}`);
      assert.ok((await page.locator('.message--requester').innerText()).includes(TEXT[lang].question.slice(0, 30)));
      await screenshots(page, `${lang}-journey-helpdesk-tracking`);
    });

    it('opens the tracking link again in a new page and in a new browser session', async () => {
      const again = await session.context.newPage();
      watchErrors(again, session.errors);
      await again.goto(trackingUrl);
      assert.ok((await again.locator('h1').innerText()).includes(reference));
      assert.equal(
        await again.locator('main > .notice[role="status"]').count(),
        0,
        'the one-time confirmation is shown again',
      );
      await again.close();

      // The link alone is enough: no cookie of the session that asked.
      const other = await suite().browser.newContext({ baseURL: suite().app.baseUrl });
      try {
        const page = await other.newPage();
        const response = await page.goto(trackingUrl);
        assert.equal(response?.status(), 200);
        assert.ok((await page.locator('h1').innerText()).includes(reference));
        assert.ok((await page.locator('.message--requester').innerText()).includes(TEXT[lang].question.slice(0, 30)));
      } finally {
        await other.close();
      }
      assertNoScriptErrors(session);
    });
  });
}
