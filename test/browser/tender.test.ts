// Journey 1, in Dutch and French: search a clause, filter by a facet, open a result, add it to the tender
// template, fill the form, see the review page and download a valid .docx.
import assert from 'node:assert/strict';
import { assertNoScriptErrors, LANGS, openSession, screenshots, type Session } from './support/browser';
import { assertDocx, fillTenderForm, TEXT } from './support/flows';

for (const lang of LANGS) {
  describe(`tender journey (${lang})`, () => {
    let session: Session;
    let clauseId = '';
    before(async () => {
      session = await openSession(lang);
    });
    after(async () => {
      await session?.close();
    });

    it('searches a word and filters the results by a theme', async () => {
      const { page } = session;
      await page.goto(`/${lang}/`);
      await Promise.all([page.waitForURL(`**/${lang}/clauses`), page.click(`.main-nav a[href="/${lang}/clauses"]`)]);
      await page.fill('#q', TEXT[lang].searchWord);
      await Promise.all([page.waitForURL(/\/clauses\?q=/), page.press('#q', 'Enter')]);
      const unfiltered = await page.locator('.result').count();
      assert.ok(unfiltered > 0, 'no results for the search word');

      // Ticking a facet submits the search at once (search.js).
      const social = page.locator('input[type="checkbox"][name="theme"][value="social"]');
      await Promise.all([page.waitForURL(/theme=social/), social.click()]);
      assert.equal(await page.inputValue('#q'), TEXT[lang].searchWord, 'the query is kept when filtering');
      assert.ok(await social.isChecked(), 'the facet stays ticked after filtering');
      const ids = await page.locator('.result .result__meta code').allInnerTexts();
      assert.ok(ids.length > 0 && ids.length <= unfiltered, `unexpected filtered results: ${ids.join(', ')}`);
      assert.ok(
        ids.every((id) => id.startsWith('SOC-')),
        `non-social clauses left after filtering: ${ids.join(', ')}`,
      );
      assert.ok(!page.url().includes('_csrf'), 'the search URL must not carry form fields of the results');
      await screenshots(page, `${lang}-journey-clause-search-filtered`);
    });

    it('opens a result and adds it to the tender template', async () => {
      const { page } = session;
      const first = page.locator('.result h3 a').first();
      const href = (await first.getAttribute('href'))!;
      // Result links carry the search (for the breadcrumb back): the id is the last path segment.
      clauseId = href.split('?')[0].split('/').pop()!;
      await Promise.all([page.waitForURL(`**${href}`), first.click()]);
      assert.ok((await page.locator('.breadcrumb').innerText()).includes(clauseId));
      await Promise.all([page.waitForURL(`**${href}`), page.click('form.add-to-tender button')]);
      assert.ok(
        (await page.locator('main .notice[role="status"]').innerText()).includes(clauseId),
        'no confirmation that the clause was added',
      );

      await Promise.all([page.waitForURL(`**/${lang}/tender`), page.click(`.main-nav a[href="/${lang}/tender"]`)]);
      assert.ok(
        (await page.locator('#gathered ~ ul').innerText()).includes(clauseId),
        'the clause is not in the gathered list',
      );
    });

    it('adds a second clause straight from the search results', async () => {
      const { page } = session;
      await page.goto(`/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}&theme=social`);
      const other = page.locator('.result', { hasNot: page.locator(`a[href*="/clauses/${clauseId}?"]`) }).first();
      const otherId = await other.locator('.result__meta code').innerText();
      await Promise.all([page.waitForURL(/\/clauses\?q=/), other.locator('form.add-to-tender button').click()]);
      assert.ok(
        (await page.locator('main .notice[role="status"]').innerText()).includes(otherId),
        'adding from the results did not work',
      );
      await page.goto(`/${lang}/tender`);
      const gathered = await page.locator('#gathered ~ ul').innerText();
      assert.ok(gathered.includes(clauseId) && gathered.includes(otherId), gathered);
    });

    it('fills the form, reviews the checks and downloads a .docx', async () => {
      const { page } = session;
      await Promise.all([
        page.waitForURL(`**/${lang}/tender/form`),
        page.click(`main a[href="/${lang}/tender/form"].button`),
      ]);
      assert.ok((await page.locator('.tender-clause code').allInnerTexts()).includes(clauseId));
      await fillTenderForm(page, lang);
      await screenshots(page, `${lang}-journey-tender-form-filled`);
      await Promise.all([
        page.waitForURL(`**/${lang}/tender/review`),
        page.click('form.tender-form > button.button[type="submit"]'),
      ]);
      const summary = await page.locator('#summary-heading + dl').innerText();
      assert.ok(summary.includes(TEXT[lang].authority) && summary.includes(TEXT[lang].tenderTitle), summary);
      assert.equal(await page.locator('.notice--error').count(), 0, 'the review blocks the download');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('form[action$="/tender/download"] button'),
      ]);
      assert.equal(await download.failure(), null);
      await assertDocx(download, TEXT[lang].tenderTitle);
      assertNoScriptErrors(session);
    });
  });
}
