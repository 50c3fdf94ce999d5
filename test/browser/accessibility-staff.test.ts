// axe-core on the staff pages and on public pages while signed in, in Dutch and French: facilitator
// (queue, ticket, error state), editor (clause list, clause, form, error state), coordinator (users and the
// other administration pages). Each page is photographed at desktop and phone widths.
import assert from 'node:assert/strict';
import { checkPage as check, visitAndCheck as visit } from './support/axe';
import { assertNoScriptErrors, LANGS, openSession, signIn, type Session } from './support/browser';
import { askQuestion, TEXT } from './support/flows';

for (const lang of LANGS) {
  describe(`accessibility, signed in (${lang})`, () => {
    let session: Session;
    beforeEach(async () => {
      session = await openSession(lang);
    });
    afterEach(async () => {
      assertNoScriptErrors(session);
      await session?.close();
    });

    it('facilitator: staff home, queue, ticket page and its error state', async () => {
      const { page } = session;
      const buyer = await openSession(lang);
      const { reference } = await askQuestion(buyer.page, lang).finally(() => buyer.close());
      await signIn(page, lang, 'facilitator');
      await check(page, lang, 'staff-home-facilitator');
      await visit(page, lang, 'staff-tickets', `/${lang}/staff/tickets`);
      await Promise.all([
        page.waitForURL(/\/staff\/tickets\/\d+$/),
        page.locator('table a', { hasText: reference }).click(),
      ]);
      await check(page, lang, 'staff-ticket');
      await page.fill('#reply-body', '');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/reply') && r.request().method() === 'POST'),
        page.click('button[formaction$="/reply"]'),
      ]);
      await page.waitForLoadState();
      assert.ok(await page.locator('#error-summary').isVisible(), 'an empty reply is not refused with a message');
      await check(page, lang, 'staff-ticket-error');
      await visit(page, lang, 'staff-canned', `/${lang}/staff/canned`);
      await visit(page, lang, 'staff-faq-admin', `/${lang}/staff/faq`);
    });

    it('editor: clause list, clause, edit form and its error state, new clause form', async () => {
      const { page } = session;
      await signIn(page, lang, 'editor');
      await check(page, lang, 'staff-home-editor');
      await visit(page, lang, 'staff-clauses', `/${lang}/staff/clauses`);
      await visit(page, lang, 'staff-clause', `/${lang}/staff/clauses/ENV-CLEAN-001`);
      await visit(page, lang, 'staff-clause-version', `/${lang}/staff/clauses/ENV-CLEAN-001/versions/1`);
      await visit(page, lang, 'staff-clause-edit', `/${lang}/staff/clauses/ENV-CLEAN-001/edit`);
      // Saved without a reason: refused, with the reason field marked.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/edit') && r.request().method() === 'POST'),
        page.click('form.editor-form > button[type="submit"]'),
      ]);
      await page.waitForLoadState();
      assert.ok(
        await page.locator('#error-summary').isVisible(),
        'saving without a reason is not refused with a message',
      );
      await check(page, lang, 'staff-clause-edit-error');
      await visit(page, lang, 'staff-clause-new', `/${lang}/staff/clauses/new`);
    });

    it('coordinator: users, invitation form and the administration pages', async () => {
      const { page } = session;
      await signIn(page, lang, 'coordinator');
      await check(page, lang, 'staff-home-coordinator');
      await visit(page, lang, 'staff-users', `/${lang}/staff/users`);
      await visit(page, lang, 'staff-user-invite', `/${lang}/staff/users/new`);
      await visit(page, lang, 'staff-tickets-all', `/${lang}/staff/tickets?status=all`);
      await visit(page, lang, 'staff-organisations', `/${lang}/staff/organisations`);
      await visit(page, lang, 'staff-monitoring', `/${lang}/staff/monitoring`);
      await visit(page, lang, 'staff-pilot-codes', `/${lang}/staff/pilot-codes`);
      await visit(page, lang, 'staff-outbox', `/${lang}/staff/outbox`);
      await visit(page, lang, 'staff-audit', `/${lang}/staff/audit`);
      await visit(page, lang, 'staff-privacy', `/${lang}/staff/privacy`);
      await visit(page, lang, 'staff-profile', `/${lang}/staff/profile`);
    });

    it('coordinator: the market pages, an event created and its public page', async () => {
      const { page } = session;
      await signIn(page, lang, 'coordinator');
      await visit(page, lang, 'staff-market', `/${lang}/staff/market`);
      await visit(page, lang, 'staff-market-figures', `/${lang}/staff/market/figures`);
      await visit(page, lang, 'staff-market-privacy', `/${lang}/staff/market/privacy`);
      await visit(page, lang, 'staff-centrals', `/${lang}/staff/centrals`);
      await visit(page, lang, 'staff-agenda', `/${lang}/staff/agenda`);
      await visit(page, lang, 'staff-agenda-new', `/${lang}/staff/agenda/new`);
      await Promise.all([page.waitForLoadState(), page.click('form.narrow-form button[type="submit"]')]);
      assert.ok(await page.locator('#error-summary').isVisible());
      await check(page, lang, 'staff-agenda-new-error');
      await page.fill('#field-title_nl', 'Infosessie schoonmaak');
      await page.fill('#field-title_fr', 'Séance d’information nettoyage');
      await page.fill('#field-description_nl', 'Sociale clausules in de schoonmaak.');
      await page.fill('#field-description_fr', 'Clauses sociales dans le nettoyage.');
      await page.fill('#field-date', '2030-03-30');
      await page.fill('#field-startTime', '14:00');
      await page.fill('#field-endTime', '16:00');
      await page.fill('#field-place', 'Brussel');
      await Promise.all([page.waitForURL(/\/staff\/agenda$/), page.click('form.narrow-form button[type="submit"]')]);
      await check(page, lang, 'staff-agenda-with-event');
      await Promise.all([page.waitForURL(/\/agenda\/\d+$/), page.click('table a[href*="/agenda/"]')]);
      await check(page, lang, 'agenda-event');
    });

    it('public pages while signed in', async () => {
      const { page } = session;
      await signIn(page, lang, 'coordinator');
      await visit(page, lang, 'signed-in-home', `/${lang}/`);
      await visit(
        page,
        lang,
        'signed-in-clause-search',
        `/${lang}/clauses?q=${encodeURIComponent(TEXT[lang].searchWord)}`,
      );
      await visit(page, lang, 'signed-in-clause', `/${lang}/clauses/SOC-CLEAN-001`);
      await visit(page, lang, 'signed-in-categories', `/${lang}/categories`);
      await visit(page, lang, 'signed-in-tender', `/${lang}/tender`);
      await visit(page, lang, 'signed-in-helpdesk', `/${lang}/helpdesk`);
      await visit(page, lang, 'signed-in-faq', `/${lang}/faq`);
    });
  });
}
