// The journeys again with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows and typing; no clicks):
// every element the focus passes must show a visible focus indicator.
import assert from 'node:assert/strict';
import {
  assertNoScriptErrors,
  assertVisibleFocus,
  LANGS,
  openSession,
  pressAndNavigate,
  tabTo,
  type Lang,
  type Session,
} from './support/browser';
import { assertDocx, REFERENCE, requesterEmail, shownAs, TEXT } from './support/flows';
import { STAFF } from './support/hooks';
import { STAFF_PASSWORD } from './support/server';

const focused = (page: Session['page'], selector: string) =>
  page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

/** Moves through a closed <select> with the arrow keys until it has the wanted value. */
async function arrowTo(session: Session, selector: string, value: string): Promise<void> {
  for (let i = 0; i < 20 && (await session.page.inputValue(selector)) !== value; i += 1)
    await session.page.keyboard.press('ArrowDown');
  assert.equal(await session.page.inputValue(selector), value);
}

async function askByKeyboard(session: Session, lang: Lang): Promise<{ trackingUrl: string; reference: string }> {
  const { page } = session;
  await page.goto(`/${lang}/`);
  await tabTo(page, `.main-nav a[href="/${lang}/helpdesk"]`);
  await pressAndNavigate(page, 'Enter', `**/${lang}/helpdesk`);
  await tabTo(page, '#field-question');
  const suggested = page.waitForResponse((r) => r.url().includes('/api/v1/suggestions'));
  await page.keyboard.type(TEXT[lang].question, { delay: 5 });
  await suggested;
  await page.locator('.suggestions__list li a').first().waitFor();
  await tabTo(page, '#field-theme');
  await arrowTo(session, '#field-theme', 'social');
  await tabTo(page, '#field-name');
  await page.keyboard.type(TEXT[lang].name);
  await tabTo(page, '#field-email');
  await page.keyboard.type(requesterEmail(lang));
  await tabTo(page, '#field-organisation');
  await page.keyboard.type(TEXT[lang].organisation);
  await tabTo(page, 'input[name="privacy"]');
  await page.keyboard.press('Space');
  await tabTo(page, '#ask-form button[type="submit"]');
  await tabTo(page, 'input[name="privacy"]', { back: true });
  assert.ok(await page.isChecked('input[name="privacy"]'), 'Space did not tick the privacy checkbox');
  await page.keyboard.press('Tab');
  assert.ok(await focused(page, '#ask-form button[type="submit"]'));
  await pressAndNavigate(page, 'Enter', `**/${lang}/helpdesk/track/*`);
  const reference = REFERENCE.exec(await page.locator('h1').innerText())?.[0];
  assert.ok(reference, 'no reference on the tracking page');
  return { trackingUrl: page.url(), reference };
}

for (const lang of LANGS) {
  describe(`keyboard only (${lang})`, () => {
    let session: Session;
    beforeEach(async () => {
      session = await openSession(lang);
    });
    afterEach(async () => {
      await session?.close();
    });

    it('skip link, search, facet, clause, tender template, form, review and download', async () => {
      const { page } = session;
      await page.goto(`/${lang}/`);
      await page.keyboard.press('Tab');
      assert.ok(await focused(page, '.skip-link'), 'the first Tab does not reach the skip link');
      await assertVisibleFocus(page);
      await page.keyboard.press('Enter');
      assert.ok(await focused(page, 'main'), 'the skip link does not move the focus to the content');
      await tabTo(page, `main a[href="/${lang}/clauses"]`);
      await pressAndNavigate(page, 'Enter', `**/${lang}/clauses`);
      await tabTo(page, '#q');
      await page.keyboard.type(TEXT[lang].searchWord);
      await pressAndNavigate(page, 'Enter', /\/clauses\?q=/);

      const facet = 'input[type="checkbox"][name="theme"][value="social"]';
      await tabTo(page, facet);
      await pressAndNavigate(page, 'Space', /theme=social/);
      assert.ok(await page.isChecked(facet));
      assert.ok(await focused(page, facet), 'after filtering, the focus is not back on the ticked checkbox');
      await assertVisibleFocus(page);

      await tabTo(page, '.result h3 a');
      const clauseUrl = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      const clauseId = new URL(clauseUrl).pathname.split('/').pop()!;
      await pressAndNavigate(page, 'Enter', clauseUrl);
      await tabTo(page, 'form.add-to-tender button');
      // The clause is added in place (selection.js): the focus stays on the button, the status says so.
      await page.keyboard.press('Enter');
      assert.ok((await page.locator('.add-to-tender__status.notice').innerText()).includes(clauseId));
      assert.ok(await focused(page, 'form.add-to-tender button'), 'the focus stays on the add button');

      await tabTo(page, `.main-nav a[href="/${lang}/tender"]`);
      await pressAndNavigate(page, 'Enter', `**/${lang}/tender`);
      await tabTo(page, `main a.button[href="/${lang}/tender/form"]`);
      await pressAndNavigate(page, 'Enter', `**/${lang}/tender/form`);
      await tabTo(page, '#field-authority');
      await page.keyboard.type(TEXT[lang].authority);
      await tabTo(page, '#field-title');
      await page.keyboard.type(TEXT[lang].tenderTitle);
      await tabTo(page, '#field-procedure');
      await arrowTo(session, '#field-procedure', 'restricted');
      const procedure = await page.locator('#field-procedure option:checked').innerText();
      // Back to the title, and Enter there: the form is checked (and no clause removed).
      await tabTo(page, '#field-title', { back: true });
      await pressAndNavigate(page, 'Enter', `**/${lang}/tender/review`);
      const summary = await page.locator('#summary-heading + dl').innerText();
      assert.ok(summary.includes(TEXT[lang].tenderTitle) && summary.includes(procedure), summary);

      await tabTo(page, 'form[action$="/tender/download"] button');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      await assertDocx(download, TEXT[lang].tenderTitle);
      assertNoScriptErrors(session);
    });

    it('helpdesk question with suggestions, privacy checkbox and tracking link', async () => {
      const { trackingUrl, reference } = await askByKeyboard(session, lang);
      const again = await session.context.newPage();
      await again.goto(trackingUrl);
      assert.ok((await again.locator('h1').innerText()).includes(reference));
      await tabTo(again, 'textarea[name="body"]');
      await again.close();
      assertNoScriptErrors(session);
    });

    it('facilitator signs in, opens the ticket, replies in public and adds a note', async () => {
      const buyer = await openSession(lang);
      let ticket: { trackingUrl: string; reference: string };
      try {
        ticket = await askByKeyboard(buyer, lang);
      } finally {
        await buyer.close();
      }
      const { page } = session;
      await page.goto(`/${lang}/`);
      await tabTo(page, `.main-nav a[href="/${lang}/signin"]`);
      await pressAndNavigate(page, 'Enter', `**/${lang}/signin`);
      await tabTo(page, '#field-email');
      await page.keyboard.type(STAFF.keyboardFacilitator.email);
      await page.keyboard.press('Tab');
      assert.ok(await focused(page, '#field-password'));
      await page.keyboard.type(STAFF_PASSWORD);
      await pressAndNavigate(page, 'Enter', `**/${lang}/staff`);
      await tabTo(page, `main a[href="/${lang}/staff/tickets"]`);
      await pressAndNavigate(page, 'Enter', `**/${lang}/staff/tickets`);
      const href = await page.locator('table a', { hasText: ticket.reference }).getAttribute('href');
      await tabTo(page, `table a[href="${href}"]`);
      await pressAndNavigate(page, 'Enter', `**${href}`);

      await tabTo(page, '#reply-body');
      await page.keyboard.type(TEXT[lang].reply);
      await tabTo(page, 'button[formaction$="/reply"]');
      await pressAndNavigate(page, 'Enter', `**${href}`);
      assert.ok(
        (await page.locator('.message--public_reply .message__body').last().innerText()).includes(
          shownAs(lang, TEXT[lang].reply),
        ),
      );

      await tabTo(page, '#note-body');
      await page.keyboard.type(TEXT[lang].note);
      // The note's file field comes between the text and its button.
      await page.keyboard.press('Tab');
      assert.ok(await focused(page, '#field-note_attachments'));
      await page.keyboard.press('Tab');
      assert.ok(await focused(page, 'button[formaction$="/note"]'));
      await pressAndNavigate(page, 'Space', `**${href}`);
      assert.ok(
        (await page.locator('.message--internal_note .message__body').last().innerText()).includes(
          shownAs(lang, TEXT[lang].note),
        ),
      );
      assertNoScriptErrors(session);
    });
  });
}
