// No lost text with JavaScript on a staff ticket page: a canned answer goes into the reply draft at the cursor
// without a request to the server, and leaving the page with a changed draft asks first (not when sending).
import assert from 'node:assert/strict';
import { assertNoScriptErrors, openSession, signIn, type Session } from './support/browser';
import { askQuestion } from './support/flows';

describe('ticket drafts with JavaScript (nl)', () => {
  let staff: Session;
  let ticketUrl = '';
  const cannedTitle = `Standaardantwoord opleidingsuren ${Date.now()}`;
  const cannedText = 'Vraag het opleidingsplan op bij de gunning en controleer de uren bij de uitvoering.';

  before(async () => {
    const buyer = await openSession('nl');
    const { reference } = await askQuestion(buyer.page, 'nl');
    await buyer.close();
    staff = await openSession('nl');
    const { page } = staff;
    await signIn(page, 'nl', 'facilitator');
    await page.goto('/nl/staff/canned');
    await page.fill('#field-title', cannedTitle);
    await page.fill('#field-body_nl', cannedText);
    await page.fill('#field-body_fr', 'Demandez le plan de formation à l’attribution.');
    await Promise.all([page.waitForURL('**/nl/staff/canned'), page.click('form.editor-form button[type="submit"]')]);
    await page.goto(`/nl/staff/tickets?q=${reference}&status=all`);
    await Promise.all([
      page.waitForURL(/\/staff\/tickets\/\d+$/),
      page.locator('table a', { hasText: reference }).click(),
    ]);
    ticketUrl = page.url();
  });
  after(async () => staff?.close());

  it('inserts a canned answer at the cursor, keeping both drafts, without a round trip', async () => {
    const { page } = staff;
    await page.fill('#note-body', 'Notitie die blijft staan.');
    await page.fill('#reply-body', 'Beste,\n\nMet vriendelijke groet');
    // The cursor goes right after "Beste," and the blank line.
    await page.evaluate(() => {
      const reply = document.getElementById('reply-body') as HTMLTextAreaElement;
      reply.focus();
      reply.setSelectionRange(8, 8);
    });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.selectOption('#canned', { label: cannedTitle });
    await page.click('#canned-insert');
    assert.equal(
      await page.inputValue('#reply-body'),
      `Beste,\n\n${cannedText}\n\nMet vriendelijke groet`,
      'the answer is not where the cursor was',
    );
    assert.equal(await page.inputValue('#note-body'), 'Notitie die blijft staan.');
    assert.deepEqual(posts, [], 'inserting asked the server');
    assert.equal(page.url(), ticketUrl);
    assertNoScriptErrors(staff);
  });

  it('warns before leaving a page whose draft changed, and not when the draft is sent', async () => {
    const { page } = staff;
    const dialogs: string[] = [];
    let stay = false;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void (stay ? dialog.dismiss() : dialog.accept());
    });
    // The previous test left a changed reply draft: leaving asks (and here the person confirms).
    await page.goto(ticketUrl);
    assert.deepEqual(dialogs, ['beforeunload'], 'leaving a changed draft did not warn');
    dialogs.length = 0;
    await page.goto(ticketUrl); // a fresh page, drafts untouched: leaving it asks nothing
    assert.deepEqual(dialogs, [], 'an untouched page warned');

    stay = true;
    await page.fill('#note-body', 'Een notitie die nog niet bewaard is.');
    // Leaving through a link: the warning keeps the person on the page, with their text.
    await page.click('nav.breadcrumb a', { noWaitAfter: true }).catch(() => undefined);
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.equal(page.url(), ticketUrl);
    assert.equal(await page.inputValue('#note-body'), 'Een notitie die nog niet bewaard is.');

    await Promise.all([page.waitForURL(ticketUrl), page.click('button[formaction$="/note"]')]);
    assert.deepEqual(dialogs, ['beforeunload'], 'sending the draft warned');
    assert.ok(
      (await page.locator('.message--internal_note .message__body').last().innerText()).includes('nog niet bewaard'),
    );
    assertNoScriptErrors(staff);
  });
});
