// The buyer's experience of issue 19 in Chromium, in Dutch and French, at 1280 and 390 px, with and without
// JavaScript: categories as a main entry, the levels explained, the gathered clauses visible, the filters on a
// phone, and two journeys from the home page to a downloaded .docx whose steps are counted.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkPage } from './support/axe';
import {
  assertNoScriptErrors,
  DESKTOP,
  LANGS,
  openSession,
  PHONE,
  SCREENSHOT_DIR,
  type Lang,
  type Session,
} from './support/browser';
import { assertDocx, TEXT } from './support/flows';
import { StepCounter } from './support/steps';

const WORDS = {
  nl: { results: 'Zoekresultaten voor', added: 'Toegevoegd', filters: 'Filters', categories: 'Categorieën' },
  fr: { results: 'Résultats de recherche pour', added: 'Ajoutée', filters: 'Filtres', categories: 'Catégories' },
} as const;

const searchPath = (lang: Lang) => `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}&theme=social`;

/** The id of the clause of a result card. */
const resultId = (page: Page, index: number) => page.locator('.result .result__meta code').nth(index).innerText();

/** From the choice of clauses (basis ticked) to the review: use the selection, type authority and title, check. */
async function useSelectionAndReview(page: Page, steps: StepCounter, lang: Lang, authority: string, title: string) {
  await Promise.all([
    page.waitForURL(`**/${lang}/tender/form`),
    steps.click('form[action$="/tender/selection/set"] button[type="submit"]', 'use this selection'),
  ]);
  await page.fill('#field-authority', authority);
  await page.fill('#field-title', title);
  await Promise.all([
    page.waitForURL(`**/${lang}/tender/review`),
    steps.click('form.tender-form > button.button[type="submit"]', 'check'),
  ]);
}

/** Downloads the .docx from the review page and checks it names the tender. */
async function download(page: Page, steps: StepCounter, title: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    steps.click('form[action$="/tender/download"] button:not([name])', 'download (.docx)'),
  ]);
  await assertDocx(file, title);
}

async function withSession(
  lang: Lang,
  options: Parameters<typeof openSession>[1],
  walk: (session: Session) => Promise<void>,
): Promise<void> {
  const session = await openSession(lang, options);
  try {
    await walk(session);
    assertNoScriptErrors(session);
  } finally {
    await session.close();
  }
}

for (const lang of LANGS) {
  describe(`buyer experience (${lang})`, () => {
    it('leads from the home page cards and the navigation to the categories (screenshots at 1280 and 390 px)', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(`/${lang}/`);
        await checkPage(page, lang, 'experience-home');
        const cards = page.locator('.category-card');
        assert.ok((await cards.count()) >= 17, 'a card for every category');
        assert.match(await cards.first().innerText(), /\d+ claus/);
        await Promise.all([
          page.waitForURL(`**/${lang}/categories/cleaning`),
          page.click('.category-card a[href$="/categories/cleaning"]'),
        ]);
        assert.equal(
          await page.locator(`.main-nav a[href="/${lang}/categories"]`).getAttribute('aria-current'),
          'page',
          'the Categories item is current on a category page',
        );
        await checkPage(page, lang, 'experience-category');
        await Promise.all([
          page.waitForURL(`**/${lang}/categories`),
          page.click(`.main-nav a[href="/${lang}/categories"]`),
        ]);
        assert.equal(
          await page.locator('h1').innerText(),
          WORDS[lang].categories === 'Categorieën' ? 'Aankoopcategorieën' : "Catégories d'achat",
        );
      }));

    it('shows the categories of the results as chips that filter, and the active filters as chips that remove', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(searchPath(lang));
        await checkPage(page, lang, 'experience-search');
        const chip = page.locator('.category-chips a.chip[href*="category=cleaning"]');
        await Promise.all([page.waitForURL(/category=cleaning/), chip.click()]);
        assert.ok(await page.locator('input[name="category"][value="cleaning"]').isChecked());
        const remove = page.locator('.active-filters a.chip--remove', { hasText: /Sociaal|Social/ });
        await Promise.all([page.waitForURL((url) => !url.search.includes('theme=')), remove.click()]);
        assert.ok(page.url().includes('category=cleaning'), 'the other filter stays');
      }));

    it('explains the levels and the legal status of a basis clause on the clause page', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(`/${lang}/clauses/SOC-CLEAN-001`);
        const legend = page.locator('.level-legend');
        assert.equal(await legend.locator('dd').first().isVisible(), false, 'the legend starts closed');
        await legend.locator('summary').click();
        assert.match(await legend.locator('dd').first().innerText(), /MPDI 7/);
        assert.match(await page.locator('.basis-status').innerText(), /2020/);
        await checkPage(page, lang, 'experience-clause');
      }));

    it('with JavaScript, adds and removes a clause in place: the page stays, the focus stays, the counter follows', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(searchPath(lang));
        const before = page.url();
        await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
        const id = await resultId(page, 1);
        const card = page.locator(`#clause-${id}`);
        const button = card.locator('form.add-to-tender button');
        await button.focus();
        await page.keyboard.press('Enter');
        await card.locator('form.add-to-tender[data-selected="true"]').waitFor();
        assert.equal(page.url(), before, 'the page did not move');
        assert.ok(
          await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
          'the page was not reloaded',
        );
        assert.ok(await button.evaluate((el) => el === document.activeElement), 'the focus stayed on the button');
        assert.match(await button.innerText(), new RegExp(`${WORDS[lang].added} ✓`));
        const status = card.locator('.add-to-tender__status');
        assert.ok((await status.innerText()).includes(id), 'the live status names the clause');
        assert.equal(await status.locator('a').getAttribute('href'), `/${lang}/tender`);
        assert.match(await page.locator('[data-selection-count]').innerText(), /^\(1/);

        await page.keyboard.press('Enter');
        await card.locator('form.add-to-tender[data-selected="false"]').waitFor();
        assert.equal(await page.locator('[data-selection-count]').innerText(), '');
      }));

    it('without JavaScript, adding returns to the same place in the same list, with the confirmation beside the clause', () =>
      withSession(lang, { javaScript: false }, async ({ page }) => {
        await page.goto(searchPath(lang));
        const id = await resultId(page, 3);
        await Promise.all([
          page.waitForURL((url) => url.hash === `#clause-${id}`),
          page.locator(`#clause-${id} form.add-to-tender button`).click(),
        ]);
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.search}`, searchPath(lang), 'the same query string');
        const box = await page.locator(`#clause-${id}`).boundingBox();
        assert.ok(box && box.y > -1 && box.y < DESKTOP.height, `the clause is on screen (top ${box?.y})`);
        assert.ok(await page.locator('main').evaluate(() => window.scrollY > 0), 'the page is scrolled to the clause');
        assert.ok((await page.locator(`#clause-${id} .add-to-tender__status`).innerText()).includes(id));
        assert.match(
          await page.locator(`#clause-${id} form.add-to-tender button`).innerText(),
          new RegExp(WORDS[lang].added),
        );
        assert.match(await page.locator('[data-selection-count]').innerText(), /^\(1/);
      }));

    it('keeps the query and filters in the breadcrumb of a clause opened from the results', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(searchPath(lang));
        const id = await resultId(page, 0);
        await Promise.all([page.waitForURL(`**/clauses/${id}?*`), page.locator(`#clause-${id} h3 a`).click()]);
        const crumb = page.locator('.breadcrumb a').first();
        assert.match(await crumb.innerText(), new RegExp(`${WORDS[lang].results}.*${TEXT[lang].searchWord}`));
        await Promise.all([page.waitForURL((url) => url.hash === `#clause-${id}`), crumb.click()]);
        const url = new URL(page.url());
        assert.equal(`${url.pathname}${url.search}`, searchPath(lang));
      }));

    for (const javaScript of [true, false]) {
      it(`on a 390 × 844 phone, shows the first result on the first screen, filters behind "${WORDS[lang].filters} (n)" (${javaScript ? 'with' : 'without'} JavaScript)`, () =>
        withSession(lang, { javaScript, viewport: PHONE }, async ({ page }) => {
          await page.goto(searchPath(lang));
          const box = await page.locator('.result').first().boundingBox();
          assert.ok(box, 'no result');
          process.stdout.write(`      ${lang} phone: first result at ${Math.round(box.y)} px\n`);
          assert.ok(box.y < PHONE.height, `the first result starts at ${box.y} px, below the first screen`);
          const summary = page.locator('#filters > summary');
          assert.match(await summary.innerText(), new RegExp(`${WORDS[lang].filters} \\(1`));
          const facet = page.locator('input[name="theme"][value="social"]');
          assert.equal(await facet.isVisible(), false, 'the filters start closed on a phone');
          await summary.click();
          assert.ok(await facet.isVisible(), 'the disclosure opens the filters');
          assert.ok((await page.locator('.active-filters .chip--remove').count()) === 1, 'the active filter is a chip');
          await page.setViewportSize(DESKTOP);
          await page.goto(searchPath(lang));
          assert.ok(await facet.isVisible(), 'on a wide screen the filters are open beside the results');
        }));
    }

    it('shows the levels explained on the tender review', () =>
      withSession(lang, {}, async ({ page }) => {
        await page.goto(`/${lang}/tender/new?category=cleaning`);
        await useSelectionAndReview(page, new StepCounter(page), lang, TEXT[lang].authority, TEXT[lang].tenderTitle);
        assert.ok((await page.locator('.review-clauses li').count()) > 0);
        await page.locator('.level-legend summary').click();
        assert.match(await page.locator('.level-legend dd').first().innerText(), /MPDI 7/);
      }));
  });
}

describe('buyer journeys, steps counted (clicks and submissions; typing is not a step)', () => {
  it('Dutch buyer tenders office cleaning with the base criteria: home to .docx in at most 8 steps', () =>
    withSession('nl', {}, async ({ page }) => {
      const steps = new StepCounter(page);
      await page.goto('/nl/');
      await Promise.all([
        page.waitForURL('**/nl/categories/cleaning'),
        steps.click('.category-card a[href="/nl/categories/cleaning"]', 'category card Schoonmaak'),
      ]);
      await Promise.all([
        page.waitForURL('**/nl/tender/new?category=cleaning'),
        steps.click('main a.button[href="/nl/tender/new?category=cleaning"]', 'Een bestek starten voor deze categorie'),
      ]);
      assert.ok((await page.locator('input[name="clauses"]:checked').count()) > 0, 'the basis clauses are ticked');
      const title = 'Schoonmaak van de kantoren van het gemeentehuis';
      await useSelectionAndReview(page, steps, 'nl', 'Gemeente Evere', title);
      await download(page, steps, title);
      process.stdout.write(steps.report('NL office cleaning, base criteria'));
      assert.ok(steps.count <= 8, `${steps.count} steps`);
    }));

  it('French buyer tenders school catering ("restauration scolaire") with the base criteria: home to .docx in at most 8 steps', () =>
    withSession('fr', {}, async ({ page }) => {
      const steps = new StepCounter(page);
      await page.goto('/fr/');
      await page.fill('#home-q', 'restauration scolaire');
      await Promise.all([page.waitForURL('**/fr/clauses?q=*'), steps.press('#home-q', 'Enter')]);
      await Promise.all([
        page.waitForURL(/category=catering/),
        steps.click('.category-chips a.chip[href*="category=catering"]', 'chip Restauration et alimentation'),
      ]);
      await Promise.all([
        page.waitForURL('**/fr/tender/new?category=catering'),
        steps.click(
          '.category-banner a[href="/fr/tender/new?category=catering"]',
          'commencer un cahier des charges avec les clauses de base',
        ),
      ]);
      const title = 'Restauration scolaire des écoles communales';
      await useSelectionAndReview(page, steps, 'fr', "Commune d'Etterbeek", title);
      await download(page, steps, title);
      process.stdout.write(steps.report('FR school catering, base criteria'));
      assert.ok(steps.count <= 8, `${steps.count} steps`);
    }));

  it('takes the README screenshots (search results and a clause page, 1280 px wide, first screen)', () =>
    withSession('nl', {}, async ({ page }) => {
      await page.goto(searchPath('nl'));
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'readme-search.png') });
      await page.goto('/nl/clauses/SOC-CLEAN-001?q=schoonmaak&theme=social');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'readme-clause.png') });
    }));
});
