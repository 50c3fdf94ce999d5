// What only a browser shows of the polish: button variants that look different (one primary action per results
// page), the print stylesheet (a clause on one A4 page, no navigation), the monitoring charts' labels whole and the
// period fields toggled by script, and the favicon found without a 404.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible } from './support/axe';
import { assertNoScriptErrors, LANGS, openSession, screenshots, signIn, type Session } from './support/browser';
import { TEXT } from './support/flows';

interface Look {
  background: string;
  color: string;
  border: string;
}

const look = (page: Page, selector: string): Promise<Look> =>
  page.$eval(selector, (el) => {
    const s = getComputedStyle(el);
    return { background: s.backgroundColor, color: s.color, border: s.borderTopColor };
  });

/** Pages in a PDF as Chromium prints it (A4, the stylesheet's @page). */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

for (const lang of LANGS) {
  describe(`polish (${lang})`, () => {
    let session: Session;
    before(async () => {
      session = await openSession(lang);
    });
    after(async () => {
      await session?.close();
    });

    it('draws primary, secondary, danger and note buttons differently', async () => {
      const { page } = session;
      await page.goto(`/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`);
      await page.evaluate(() =>
        document
          .querySelector('main')!
          .insertAdjacentHTML(
            'beforeend',
            ['', 'button--secondary', 'button--danger', 'button--note']
              .map((v) => `<button type="button" class="button ${v}" data-variant="${v || 'primary'}">x</button>`)
              .join(''),
          ),
      );
      const looks = await Promise.all(
        ['primary', 'button--secondary', 'button--danger', 'button--note'].map((v) =>
          look(page, `button[data-variant="${v}"]`),
        ),
      );
      const distinct = new Set(looks.map((l) => `${l.background}|${l.color}|${l.border}`));
      assert.equal(distinct.size, 4, `variants look alike: ${JSON.stringify(looks)}`);
      assert.equal(looks[1].background, 'rgb(255, 255, 255)', 'secondary is not drawn on white');
    });

    it('shows one primary action on a results page, the "add" buttons secondary', async () => {
      const { page } = session;
      await page.goto(`/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`);
      const adds = await page.locator('main form.add-to-tender button').count();
      assert.ok(adds >= 5, `only ${adds} results with an "add" button`);
      const brand = await look(page, 'main form[role="search"] button[type="submit"], #search-form button.button');
      const primaries = await page.$$eval(
        'main button.button, main a.button',
        (buttons, background) =>
          buttons.filter((b) => getComputedStyle(b).backgroundColor === background && b.getClientRects().length > 0)
            .length,
        brand.background,
      );
      assert.equal(primaries, 1, 'more than one button looks primary');
      const add = await look(page, 'main form.add-to-tender button');
      assert.notEqual(add.background, brand.background);
    });

    it('prints a clause on one A4 page without navigation, footer, buttons or forms', async () => {
      const { page } = session;
      await page.goto(`/${lang}/clauses/SOC-CLEAN-001`);
      await page.emulateMedia({ media: 'print' });
      try {
        const shown = await page.evaluate(() =>
          ['.site-header', '.main-nav', '.site-footer', '.breadcrumb', 'main form', 'main button', '#feedback'].filter(
            (selector) =>
              Array.from(document.querySelectorAll(selector)).some((el) => getComputedStyle(el).display !== 'none'),
          ),
        );
        assert.deepEqual(shown, [], 'printed although it is no content');
        assert.ok(await page.locator('#clause-text').isVisible(), 'the clause text is not printed');
        assert.ok(await page.locator('.disclaimer').first().isVisible(), 'the disclaimer is not printed');
        assert.equal(await printedPages(page), 1, 'the clause does not fit on one page');
        await page.goto(`/${lang}/categories/cleaning`);
        assert.equal(await page.locator('.site-header').isVisible(), false);
        assert.ok(await page.locator('main h1').isVisible());
        assert.ok((await printedPages(page)) <= 2, 'the category prints on more than two pages');
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    it('keeps the monitoring chart labels whole and shows only the chosen period type’s fields', async () => {
      const { page } = session;
      // A question for the price observatory, whose name is the longest label of the organisation chart.
      const ticket = await page.request.post('/api/v1/tickets', {
        data: {
          question: 'Hoe beoordeel ik een abnormaal lage prijs in een bewakingsopdracht?',
          theme: 'anti_dumping',
          category: 'security',
          name: 'Test',
          email: `polish.${lang}.${Date.now()}@gemeente.example`,
          organisation: 'Gemeente',
          lang,
        },
      });
      assert.equal(ticket.status(), 201);
      await signIn(page, lang, 'coordinator');
      await page.goto(`/${lang}/staff/monitoring`);
      const clipped = await page.$$eval('svg.chart', (charts) =>
        charts.flatMap((svg) => {
          const box = (svg as SVGSVGElement).viewBox.baseVal;
          return Array.from(svg.querySelectorAll('text')).flatMap((text) => {
            const b = (text as SVGTextElement).getBBox();
            const inside = b.x >= box.x - 0.5 && b.x + b.width <= box.x + box.width + 0.5;
            return inside ? [] : [`${svg.id || svg.getAttribute('aria-labelledby')}: "${text.textContent}"`];
          });
        }),
      );
      assert.deepEqual(clipped, [], 'chart labels cut at the edge');
      const observatory =
        lang === 'nl' ? 'Observatorium van de referentieprijzen' : 'Observatoire des prix de référence';
      const orgChart = page.locator('#tickets_by_organisation svg.chart');
      assert.ok(
        (await orgChart.locator('title').allTextContents()).some((t) => t.startsWith(observatory)),
        'the full label is not the bar’s title',
      );
      assert.ok((await orgChart.textContent())?.includes(observatory.split(' ').pop()!), 'the label is shortened');
      assert.ok(await page.locator('[data-headline="open"]').isVisible());

      const visible = async () =>
        (
          await Promise.all(
            ['year', 'month', 'quarter', 'from', 'to'].map(async (id) =>
              (await page.locator(`#${id}`).isVisible()) && (await page.locator(`#${id}`).isEnabled()) ? id : null,
            ),
          )
        ).filter(Boolean);
      assert.deepEqual(await visible(), ['year'], 'a year shows only its year');
      assert.equal(await page.locator('[data-period-hint]').isVisible(), false, 'the no-script hint stays shown');
      await page.selectOption('#period', 'custom');
      assert.deepEqual(await visible(), ['from', 'to']);
      await page.selectOption('#period', 'quarter');
      assert.deepEqual(await visible(), ['year', 'quarter']);
      await Promise.all([
        page.waitForURL(/period=quarter/),
        page.click('form[data-period-form] button[type="submit"]'),
      ]);
      assert.doesNotMatch(page.url(), /month=|from=|to=/, 'hidden fields were sent');
      await assertAccessible(page, `${lang} monitoring at a glance`);
      await screenshots(page, `${lang}-monitoring-glance`);
      assertNoScriptErrors(session);
    });
  });
}
