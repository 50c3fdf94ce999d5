// The facilitators' queue: search over every text of a ticket and its requester within the person's scope,
// sort orders, built-in and saved views, bulk assign and close with a refused ticket.
import assert from 'node:assert/strict';
import type request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, tokenFor } from '../support/accounts';
import { askViaApi, helpdeskStaff } from '../support/helpdesk';

describe('staff queue: search, sort, views and bulk actions', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-23T09:00:00Z');
  let actiris: request.Agent;
  let actirisUser: { id: number };
  let colleague: { id: number };
  let observatory: request.Agent;
  let coordinator: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    ({ actiris, actirisUser, colleague, observatory, coordinator } = await helpdeskStaff(ctx));
  });
  after(async () => ctx.close());

  const queue = (agent: request.Agent, query: Record<string, string>) =>
    agent.get(`/nl/staff/tickets?${new URLSearchParams(query)}`);
  const shown = (html: string, reference: string) => html.includes(reference);
  const decoded = (href: string) => href.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');

  it('finds a ticket by its question, a reply, a note, its reference, tender reference, requester name and e-mail', async () => {
    const t = await askViaApi(ctx, {
      theme: 'social',
      question: 'Vraag over wijkrestaurants en doorstroming.',
      tenderReference: 'KANT-2026-077',
      name: 'Griet Vandenbulcke',
      email: 'griet.vdb@ocmw-zuid.example',
    });
    await ctx.deps.tickets.reply(t.id, await staffUser(actirisUser.id), 'Zie de clausule over sociale inschakeling.');
    await ctx.deps.tickets.note(t.id, await staffUser(actirisUser.id), 'Interne notitie: juridisch bekijken.');
    const other = await askViaApi(ctx, { theme: 'social', question: 'Een heel andere vraag over schoonmaak.' });
    for (const term of [
      'wijkrestaurants',
      'SOCIALE INSCHAKELING',
      'juridisch bekijken',
      t.reference,
      'kant-2026-077',
      'Vandenbulcke',
      'griet.vdb@ocmw',
    ]) {
      const res = await queue(actiris, { q: term, status: 'all' });
      assert.equal(res.status, 200);
      assert.ok(shown(res.text, t.reference), `not found by "${term}"`);
      assert.ok(!shown(res.text, other.reference), `"${term}" also found an unrelated ticket`);
    }
  });

  it("never finds another organisation's ticket, whatever the search or the org asked for", async () => {
    const t = await askViaApi(ctx, {
      theme: 'social',
      question: 'Vraag over inschakelingstrajecten zonder prijsvraag.',
    });
    const byText = await queue(observatory, { q: 'inschakelingstrajecten', status: 'all' });
    assert.ok(!shown(byText.text, t.reference));
    const byOrg = await queue(observatory, { q: 'inschakelingstrajecten', status: 'all', org: 'actiris' });
    assert.ok(!shown(byOrg.text, t.reference), 'a facilitator cannot widen the scope with ?org=');
    assert.ok(shown((await queue(coordinator, { q: 'inschakelingstrajecten', status: 'all' })).text, t.reference));
    const wildcard = await queue(actiris, { q: '%', status: 'all' });
    assert.ok(!shown(wildcard.text, t.reference), 'a % is searched for as itself, not as a wildcard');
  });

  it("lists a requester's earlier questions, linked from the ticket page, within what the facilitator may see", async () => {
    const email = 'herhaler@gemeente-oost.example';
    const first = await askViaApi(ctx, { theme: 'social', email, question: 'Eerste vraag over sociale clausules.' });
    clock.advance(60_000);
    const second = await askViaApi(ctx, { theme: 'social', email, question: 'Tweede vraag over sociale clausules.' });
    const elsewhere = await askViaApi(ctx, { theme: 'anti_dumping', email, question: 'Vraag over lage prijzen.' });
    const page = await actiris.get(`/nl/staff/tickets/${second.id}`);
    const link = page.text.match(/<a href="([^"]*requester[^"]*)">Eerdere vragen van deze aanvrager \((\d+)\)/);
    assert.ok(link, 'no link to earlier questions');
    assert.equal(link[2], '1', 'the other organisation’s ticket is not counted');
    const list = await actiris.get(decoded(link[1]));
    assert.ok(shown(list.text, first.reference) && shown(list.text, second.reference));
    assert.ok(!shown(list.text, elsewhere.reference));
  });

  it('sorts by due date, creation, last change and priority', async () => {
    const tag = 'sorteertest';
    clock.advance(60_000);
    const older = await askViaApi(ctx, { theme: 'social', question: `${tag} oudste vraag` });
    clock.advance(60_000);
    const newer = await askViaApi(ctx, { theme: 'social', question: `${tag} nieuwste vraag` });
    await ctx
      .db('pilot_codes')
      .insert({ code: 'PIL-SORT', description: 'x', active: true, created_at: clock.now().toISOString() });
    clock.advance(60_000);
    const pilot = await askViaApi(ctx, { theme: 'social', pilotCode: 'PIL-SORT', question: `${tag} pilootvraag` });
    clock.advance(60_000);
    await ctx.deps.tickets.note(older.id, await staffUser(actirisUser.id), 'Recent gewijzigd.');
    await ctx.deps.tickets.assign(older.id, await staffUser(actirisUser.id), actirisUser.id);
    const order = async (sort: string) => {
      const html = (await queue(actiris, { q: tag, sort })).text;
      return [older, newer, pilot]
        .map((t) => ({ ref: t.reference, at: html.indexOf(t.reference) }))
        .sort((a, b) => a.at - b.at)
        .map((t) => t.ref);
    };
    assert.deepEqual(await order('priority'), [pilot.reference, older.reference, newer.reference]);
    // The pilot's one business day ends before the others' three.
    assert.deepEqual(await order('due'), [pilot.reference, older.reference, newer.reference]);
    assert.deepEqual(await order('created'), [pilot.reference, newer.reference, older.reference]);
    assert.deepEqual(await order('updated'), [older.reference, pilot.reference, newer.reference]);
    const page = await queue(actiris, { q: tag, sort: 'created' });
    assert.match(page.text, /<option value="created" selected>/);
  });

  it('offers the built-in views "my open tickets", "overdue" and "waiting for buyer"', async () => {
    const mine = await askViaApi(ctx, { theme: 'social', question: 'Weergavetest: mijn ticket.' });
    await ctx.deps.tickets.assign(mine.id, await staffUser(actirisUser.id), actirisUser.id);
    const waiting = await askViaApi(ctx, { theme: 'social', question: 'Weergavetest: wacht op de aanvrager.' });
    await ctx.deps.tickets.setStatus(waiting.id, await staffUser(actirisUser.id), 'waiting');
    const late = await askViaApi(ctx, { theme: 'social', question: 'Weergavetest: te laat.' });
    await ctx
      .db('tickets')
      .where({ id: late.id })
      .update({ due_at: new Date(clock.now().getTime() - 60_000).toISOString() });
    const home = await actiris.get('/nl/staff/tickets');
    const href = (label: string) => {
      const m = home.text.match(new RegExp(`<a href="([^"]+)"[^>]*>${label}</a>`));
      assert.ok(m, `no view ${label}`);
      return decoded(m[1]);
    };
    const mineView = (await actiris.get(href('Mijn open tickets'))).text;
    assert.ok(shown(mineView, mine.reference) && !shown(mineView, waiting.reference));
    assert.match(mineView, /aria-current="page">Mijn open tickets/);
    const overdue = (await actiris.get(href('Termijn overschreden'))).text;
    assert.ok(shown(overdue, late.reference));
    const waitingView = (await actiris.get(href('Wacht op de aanvrager'))).text;
    assert.ok(shown(waitingView, waiting.reference) && !shown(waitingView, mine.reference));
  });

  it('saves a filter under a name, lists it for its owner only, and deletes it', async () => {
    const token = await tokenFor(actiris, '/nl/staff/tickets');
    const saved = await actiris
      .post('/nl/staff/tickets/views')
      .type('form')
      .send({ _csrf: token, name: 'Catering-pilots', category: 'catering', priority: 'pilot', status: 'active' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.location, '/nl/staff/tickets?status=active&priority=pilot&category=catering');
    const page = await actiris.get(saved.headers.location);
    assert.match(page.text, /aria-current="page">Catering-pilots<\/a>/);
    assert.doesNotMatch((await coordinator.get('/nl/staff/tickets')).text, /Catering-pilots/);
    const [row] = await ctx.db('staff_saved_views').where({ user_id: actirisUser.id });
    const noName = await actiris.post('/nl/staff/tickets/views').type('form').send({ _csrf: token, name: ' ' });
    assert.equal(noName.status, 303);
    assert.equal((await ctx.db('staff_saved_views').where({ user_id: actirisUser.id })).length, 1);
    const stranger = await coordinator
      .post(`/nl/staff/tickets/views/${row.id}/delete`)
      .type('form')
      .send({ _csrf: await tokenFor(coordinator, '/nl/staff/tickets') });
    assert.equal(stranger.status, 404);
    await actiris.post(`/nl/staff/tickets/views/${row.id}/delete`).type('form').send({ _csrf: token });
    assert.equal((await ctx.db('staff_saved_views').where({ user_id: actirisUser.id })).length, 0);
  });

  it('closes several tickets at once and refuses, by name, the one the facilitator may not handle', async () => {
    const a = await askViaApi(ctx, { theme: 'social', question: 'Bulkvraag een.' });
    const b = await askViaApi(ctx, { theme: 'social', question: 'Bulkvraag twee.' });
    const c = await askViaApi(ctx, { theme: 'social', question: 'Bulkvraag drie.' });
    const foreign = await askViaApi(ctx, { theme: 'anti_dumping', question: 'Bulk van een ander.' });
    const token = await tokenFor(actiris, '/nl/staff/tickets');
    const res = await actiris
      .post('/nl/staff/tickets/bulk')
      .type('form')
      .send(`_csrf=${token}&action=close&back=%3Fstatus%3Dall&ids=${a.id}&ids=${b.id}&ids=${c.id}&ids=${foreign.id}`);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/nl/staff/tickets?status=all');
    const page = await actiris.get(res.headers.location);
    assert.match(page.text, new RegExp(`Tickets afgesloten: 3\\. Geweigerd: #${foreign.id} \\(ticket niet gevonden`));
    assert.doesNotMatch(page.text, new RegExp(foreign.reference), 'the refused ticket is not revealed');
    const statuses = await ctx
      .db('tickets')
      .whereIn('id', [a.id, b.id, c.id, foreign.id])
      .orderBy('id')
      .pluck('status');
    assert.deepEqual(statuses, ['closed', 'closed', 'closed', 'new']);
  });

  it('assigns several tickets at once to a colleague, refusing an assignee from another organisation', async () => {
    const a = await askViaApi(ctx, { theme: 'social', question: 'Toewijzen een.' });
    const b = await askViaApi(ctx, { theme: 'social', question: 'Toewijzen twee.' });
    const token = await tokenFor(actiris, '/nl/staff/tickets');
    const ok = await actiris
      .post('/nl/staff/tickets/bulk')
      .type('form')
      .send(`_csrf=${token}&action=assign&assignee=${colleague.id}&ids=${a.id}&ids=${b.id}`);
    assert.equal(ok.status, 303);
    assert.match((await actiris.get('/nl/staff/tickets')).text, /Tickets toegewezen: 2\./);
    const assignees = await ctx.db('tickets').whereIn('id', [a.id, b.id]).pluck('assignee_user_id');
    assert.deepEqual(assignees.map(Number), [colleague.id, colleague.id]);
    const outsider = await createUser(ctx, { roles: ['facilitator'], org: 'price_observatory' });
    await actiris
      .post('/nl/staff/tickets/bulk')
      .type('form')
      .send(`_csrf=${token}&action=assign&assignee=${outsider.id}&ids=${a.id}`);
    assert.match(
      (await actiris.get('/nl/staff/tickets')).text,
      new RegExp(`Geweigerd: ${a.reference} \\(deze persoon`),
    );
    assert.equal(Number((await ctx.db('tickets').where({ id: a.id }).first()).assignee_user_id), colleague.id);
  });

  it('refuses a bulk action without a CSRF token', async () => {
    const a = await askViaApi(ctx, { theme: 'social', question: 'Zonder token.' });
    const res = await actiris.post('/nl/staff/tickets/bulk').type('form').send(`action=close&ids=${a.id}`);
    assert.equal(res.status, 403);
    assert.equal((await ctx.db('tickets').where({ id: a.id }).first()).status, 'new');
  });

  async function staffUser(id: number) {
    const user = await ctx.deps.accounts.findById(id);
    assert.ok(user);
    return user;
  }
});
