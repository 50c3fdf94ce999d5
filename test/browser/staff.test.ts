// Journey 3, in Dutch and French: a buyer asks (theme social → Actiris); an Actiris facilitator answers in
// public, adds an internal note and publishes the answer as an FAQ entry; an editor changes a clause and sends
// it for review, another editor publishes it, and the public clause page shows the change.
import assert from 'node:assert/strict';
import { assertAccessible } from './support/axe';
import { assertNoScriptErrors, LANGS, openSession, screenshots, signIn, type Session } from './support/browser';
import { askQuestion, shownAs, TEXT } from './support/flows';

for (const lang of LANGS) {
  const text = TEXT[lang];

  describe(`facilitator journey (${lang})`, () => {
    let buyer: Session;
    let staff: Session;
    let ticket = { trackingUrl: '', reference: '' };
    before(async () => {
      buyer = await openSession(lang);
      staff = await openSession(lang);
      ticket = await askQuestion(buyer.page, lang);
    });
    after(async () => {
      await buyer?.close();
      await staff?.close();
    });

    it('signs in, finds the ticket in the Actiris queue and sends a public reply', async () => {
      const { page } = staff;
      await signIn(page, lang, 'facilitator');
      await Promise.all([
        page.waitForURL(`**/${lang}/staff/tickets`),
        page.click(`main a[href="/${lang}/staff/tickets"]`),
      ]);
      const link = page.locator('table a', { hasText: ticket.reference });
      await Promise.all([page.waitForURL(/\/staff\/tickets\/\d+$/), link.click()]);
      assert.ok((await page.locator('h1').innerText()).includes(ticket.reference));

      await page.fill('#reply-body', text.reply);
      await Promise.all([page.waitForURL(/\/staff\/tickets\/\d+$/), page.click('button[formaction$="/reply"]')]);
      assert.equal(
        await page.locator('main > .notice--ok[role="status"]').count(),
        1,
        'no confirmation that the reply was sent',
      );
      assert.ok(
        (await page.locator('.message--public_reply .message__body').last().innerText()).includes(
          shownAs(lang, text.reply),
        ),
      );
    });

    it('adds an internal note, kept apart from the public conversation', async () => {
      const { page } = staff;
      await page.fill('#note-body', text.note);
      await Promise.all([page.waitForURL(/\/staff\/tickets\/\d+$/), page.click('button[formaction$="/note"]')]);
      assert.ok(
        (await page.locator('.message--internal_note .message__body').last().innerText()).includes(
          shownAs(lang, text.note),
        ),
      );
      await screenshots(page, `${lang}-journey-staff-ticket-answered`);
      await assertAccessible(page, `${lang} staff ticket with reply and note`);

      await buyer.page.goto(ticket.trackingUrl);
      const conversation = await buyer.page.locator('#conversation-heading').locator('..').innerText();
      assert.ok(conversation.includes(shownAs(lang, text.reply)), 'the requester does not see the public reply');
      assert.ok(!conversation.includes(shownAs(lang, text.note)), 'the requester sees the internal note');
    });

    it('publishes the answered ticket as an FAQ entry in Dutch and French', async () => {
      const { page } = staff;
      await Promise.all([page.waitForURL(/\/staff\/tickets\/\d+\/faq$/), page.click('main a.button[href$="/faq"]')]);
      await assertAccessible(page, `${lang} FAQ publishing form`);
      await page.fill('#field-question_nl', text.faqQuestion[0]);
      await page.fill('#field-question_fr', text.faqQuestion[1]);
      await page.fill('#field-answer_nl', text.faqAnswer[0]);
      await page.fill('#field-answer_fr', text.faqAnswer[1]);
      await Promise.all([page.waitForURL(/\/faq\/preview$/), page.click('form.editor-form button[type="submit"]')]);
      assert.equal(
        await page.locator('section.faq-preview[lang="fr"] h2').innerText(),
        shownAs(lang, text.faqQuestion[1]),
      );
      await screenshots(page, `${lang}-faq-preview`);
      await assertAccessible(page, `${lang} FAQ preview`);
      await Promise.all([page.waitForURL(/\/faq\/\d+$/), page.click('form.form-actions button:not([formaction])')]);
      const expected = lang === 'nl' ? 0 : 1;
      assert.equal(await page.locator('h1').innerText(), shownAs(lang, text.faqQuestion[expected]));
      assert.ok((await page.locator('main').innerText()).includes(shownAs(lang, text.faqAnswer[expected])));
      await screenshots(page, `${lang}-faq-entry`);
      await assertAccessible(page, `${lang} FAQ entry`);

      await page.goto(`/${lang}/faq`);
      assert.ok(
        (await page.locator('main ul').first().innerText()).includes(shownAs(lang, text.faqQuestion[expected])),
      );
      await assertAccessible(page, `${lang} FAQ list with entries`);
      assertNoScriptErrors(staff);
    });
  });

  describe(`editor journey (${lang})`, () => {
    let editor: Session;
    let reviewer: Session;
    let version = '';
    let edited = '';
    before(async () => {
      editor = await openSession(lang);
      reviewer = await openSession(lang);
    });
    after(async () => {
      await editor?.close();
      await reviewer?.close();
    });

    it('edits a word of a clause, gives a reason and sends the new version for review', async () => {
      const { page } = editor;
      await signIn(page, lang, 'editor');
      await Promise.all([
        page.waitForURL(`**/${lang}/staff/clauses`),
        page.click(`main a[href="/${lang}/staff/clauses"]`),
      ]);
      await Promise.all([
        page.waitForURL(`**/staff/clauses/${text.editClause}`),
        page.click(`table a[href$="/staff/clauses/${text.editClause}"]`),
      ]);
      await Promise.all([
        page.waitForURL(`**/staff/clauses/${text.editClause}/edit`),
        page.click(`main a.button[href$="/edit"]`),
      ]);

      const field = page.locator(`textarea[id="field-text.${lang}"]`);
      const before = await field.inputValue();
      assert.ok(before.includes(text.editFrom), `the clause text does not contain "${text.editFrom}"`);
      assert.ok(
        before.includes('\n') && !/\n[ \t]/.test(before),
        `the form must show the text as stored, lines not indented: ${JSON.stringify(before)}`,
      );
      edited = before.replace(text.editFrom, text.editTo);
      await field.fill(edited);
      await page.fill('#field-reason', text.editReason);
      await Promise.all([
        page.waitForURL(`**/staff/clauses/${text.editClause}`),
        page.click('form.editor-form > button[type="submit"]'),
      ]);
      assert.equal(await page.locator('main > .notice--ok').count(), 1, await page.locator('main').innerText());

      const draft = page.locator('tbody tr', { has: page.locator('form[action$="/review"]') });
      version = (await draft.locator('td').first().innerText()).replace('v', '');
      assert.ok((await draft.innerText()).includes(text.editReason));
      await Promise.all([
        page.waitForURL(`**/staff/clauses/${text.editClause}`),
        draft.locator('form[action$="/review"] button').click(),
      ]);
      assert.equal(
        await page.locator(`form[action$="/versions/${version}/publish"]`).count(),
        0,
        'the author may not publish their own version',
      );
    });

    it('is published by a second editor and the public page shows the change', async () => {
      const { page } = reviewer;
      await signIn(page, lang, 'reviewer');
      await page.goto(`/${lang}/staff/clauses/${text.editClause}`);
      await Promise.all([
        page.waitForURL(`**/staff/clauses/${text.editClause}`),
        page.click(`form[action$="/versions/${version}/publish"] button`),
      ]);
      assert.equal(await page.locator('main > .notice--ok').count(), 1, await page.locator('main').innerText());

      await page.goto(`/${lang}/clauses/${text.editClause}`);
      const body = await page.locator('#clause-text').innerText();
      assert.ok(body.includes(text.editTo), `the public text does not show "${text.editTo}"`);
      assert.ok((await page.locator('.history').innerText()).includes(text.editReason));
      await screenshots(page, `${lang}-journey-clause-after-edit`);

      // The new version holds exactly what the editor typed (no whitespace added by the form).
      await page.goto(`/${lang}/staff/clauses/${text.editClause}/edit`);
      assert.equal(await page.locator(`textarea[id="field-text.${lang}"]`).inputValue(), edited);
      assertNoScriptErrors(editor);
      assertNoScriptErrors(reviewer);
    });
  });
}
