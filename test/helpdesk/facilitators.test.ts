import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';
import { askViaApi, helpdeskStaff } from '../support/helpdesk';

describe('helpdesk for facilitators', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-18T09:00:00Z');
  let actiris: request.Agent;
  let actirisUser: { id: number };
  let colleague: { id: number };
  let observatory: request.Agent;
  let coordinator: request.Agent;
  let editor: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    ({ actiris, actirisUser, colleague, observatory, coordinator } = await helpdeskStaff(ctx));
    const e = await createUser(ctx, { roles: ['editor'] });
    editor = await signInAgent(ctx, e.email, e.password);
  });
  after(async () => ctx.close());

  const act = async (agent: request.Agent, id: number, action: string, body: Record<string, unknown>) => {
    const token = await tokenFor(agent, `/nl/staff/tickets/${id}`);
    return agent
      .post(`/nl/staff/tickets/${id}/${action}`)
      .type('form')
      .send({ ...body, _csrf: token });
  };

  it("shows a facilitator their organisation's queue, pilots first", async () => {
    const normal = await askViaApi(ctx, { theme: 'social', question: 'Vraag zonder pilootcode over opleidingsuren.' });
    await ctx
      .db('pilot_codes')
      .insert({ code: 'PILOT-1', description: 'x', active: true, created_at: clock.now().toISOString() });
    const pilot = await askViaApi(ctx, {
      theme: 'social',
      pilotCode: 'PILOT-1',
      question: 'Pilootvraag over een voorbehouden opdracht.',
    });
    const other = await askViaApi(ctx, { theme: 'anti_dumping', question: 'Vraag over abnormaal lage prijzen.' });
    const res = await actiris.get('/nl/staff/tickets');
    assert.equal(res.status, 200);
    assert.ok(
      res.text.indexOf(pilot.reference) >= 0 && res.text.indexOf(pilot.reference) < res.text.indexOf(normal.reference),
      'pilot first',
    );
    assert.doesNotMatch(res.text, new RegExp(other.reference));
  });

  it("never shows a facilitator another organisation's ticket (404)", async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    assert.equal((await observatory.get(`/nl/staff/tickets/${t.id}`)).status, 404);
    const token = await tokenFor(observatory, '/nl/staff/tickets');
    const res = await observatory
      .post(`/nl/staff/tickets/${t.id}/reply`)
      .type('form')
      .send({ _csrf: token, body: 'Ik antwoord toch' });
    assert.equal(res.status, 404);
    assert.equal((await editor.get(`/nl/staff/tickets/${t.id}`)).status, 403);
    assert.equal((await coordinator.get(`/nl/staff/tickets/${t.id}`)).status, 200, 'the coordinator sees all queues');
    assert.equal((await request(ctx.app).get(`/nl/staff/tickets/${t.id}`)).status, 303);
  });

  it('filters the queue by status, priority, assignee, category and text', async () => {
    const t = await askViaApi(ctx, {
      theme: 'social',
      category: 'catering',
      question: 'Unieke zoekterm kookopleiding in kantines.',
    });
    const byText = await actiris.get('/nl/staff/tickets').query({ q: 'kookopleiding' });
    assert.match(byText.text, new RegExp(t.reference));
    const byCategory = await actiris.get('/nl/staff/tickets').query({ category: 'security' });
    assert.doesNotMatch(byCategory.text, new RegExp(t.reference));
    const unassigned = await actiris.get('/nl/staff/tickets').query({ assignee: 'unassigned' });
    assert.match(unassigned.text, new RegExp(t.reference));
    const mine = await actiris.get('/nl/staff/tickets').query({ assignee: 'me' });
    assert.doesNotMatch(mine.text, new RegExp(t.reference));
  });

  it('moves through the statuses with history: assign, answer, wait, close, reopen', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    assert.equal((await act(actiris, t.id, 'assign', { assignee: String(colleague.id) })).status, 303);
    let row = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(row.status, 'open');
    assert.equal(row.assignee_user_id, colleague.id);
    clock.advance(2 * 3600_000);
    await act(actiris, t.id, 'reply', { body: 'U controleert de uren met het kwartaaloverzicht.' });
    row = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(row.status, 'answered');
    assert.equal(new Date(row.first_response_at).toISOString(), clock.now().toISOString());
    await act(actiris, t.id, 'status', { status: 'waiting' });
    await act(actiris, t.id, 'status', { status: 'closed' });
    const illegal = await act(actiris, t.id, 'status', { status: 'answered' });
    assert.equal(illegal.status, 422);
    assert.match(illegal.text, /Deze statuswijziging is niet mogelijk/);
    await act(actiris, t.id, 'status', { status: 'open' });
    const events = await ctx.db('ticket_events').where({ ticket_id: t.id, field: 'status' }).orderBy('id');
    assert.deepEqual(
      events.map((e) => [e.old_value, e.new_value]),
      [
        ['new', 'open'],
        ['open', 'answered'],
        ['answered', 'waiting'],
        ['waiting', 'closed'],
        ['closed', 'open'],
      ],
    );
    assert.ok(events.every((e) => e.actor_user_id === actirisUser.id && e.at));
    const page = await actiris.get(`/nl/staff/tickets/${t.id}`);
    assert.match(page.text, /Beantwoord → Wacht op de aanvrager/);
  });

  it('keeps internal notes from the requester, on the page and in e-mails', async () => {
    const t = await askViaApi(ctx, { theme: 'social', email: 'koen@example.org' });
    await act(actiris, t.id, 'note', { note: 'INTERN: deze aankoper belt vaak, eerst juridische dienst vragen.' });
    await act(actiris, t.id, 'reply', { body: 'Publiek antwoord: gebruik clausule SOC-CLEAN-001.' });
    const tracking = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.match(tracking.text, /Publiek antwoord: gebruik clausule SOC-CLEAN-001/);
    assert.doesNotMatch(tracking.text, /INTERN/);
    const mails = await ctx.deps.mailer.outbox(10, 'koen@example.org');
    assert.ok(mails.some((m) => m.body?.includes('Publiek antwoord')));
    assert.ok(mails.every((m) => !m.body?.includes('INTERN')));
    const staffPage = await actiris.get(`/nl/staff/tickets/${t.id}`);
    assert.match(staffPage.text, /message--internal_note/);
    assert.match(staffPage.text, /INTERN: deze aankoper/);
  });

  it('e-mails the reply in the requester language with a tracking link that works', async () => {
    const t = await askViaApi(ctx, {
      theme: 'social',
      lang: 'fr',
      email: 'marie@cpas.example',
      question: 'Comment contrôler les heures de formation ?',
    });
    await act(actiris, t.id, 'reply', { body: 'Vous pouvez demander un relevé trimestriel.' });
    const [mail] = await ctx.deps.mailer.outbox(1, 'marie@cpas.example');
    assert.equal(mail.subject, `Réponse à votre question ${t.reference}`);
    const link = mail.body!.match(/\/fr\/helpdesk\/track\/[A-Za-z0-9_-]+/)![0];
    assert.equal((await request(ctx.app).get(link)).status, 200);
    assert.equal(
      (await request(ctx.app).get(`/fr/helpdesk/track/${t.token}`)).status,
      200,
      'the first link keeps working',
    );
  });

  it('transfers a ticket to another organisation with a reason, out of the first queue', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const missing = await act(actiris, t.id, 'transfer', { org: 'price_observatory', reason: '' });
    assert.equal(missing.status, 422);
    await act(actiris, t.id, 'transfer', { org: 'price_observatory', reason: 'Vraag over prijsonderzoek' });
    assert.equal((await ctx.db('tickets').where({ id: t.id }).first()).org_code, 'price_observatory');
    assert.equal((await actiris.get(`/nl/staff/tickets/${t.id}`)).status, 404);
    assert.equal((await observatory.get(`/nl/staff/tickets/${t.id}`)).status, 200);
  });

  it('tags obstacles and links clauses; a "clause problem" reaches the clause feedback for editors', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    await act(actiris, t.id, 'obstacles', { obstacles: ['extra_cost', 'verification'] });
    assert.deepEqual(
      (await ctx.db('ticket_obstacles').where({ ticket_id: t.id }).orderBy('obstacle')).map((r) => r.obstacle),
      ['extra_cost', 'verification'],
    );
    const bad = await act(actiris, t.id, 'obstacles', { obstacles: ['weather'] });
    assert.equal(bad.status, 422);
    await act(actiris, t.id, 'links', { clause: 'SOC-CLEAN-001' });
    await act(actiris, t.id, 'links', {
      clause: 'ENV-CLEAN-003',
      problem: 'yes',
      comment: 'De puntentoekenning is onduidelijk voor aankopers.',
    });
    const links = await ctx.db('ticket_clause_links').where({ ticket_id: t.id }).orderBy('clause_id');
    assert.deepEqual(
      links.map((l) => [l.clause_id, l.clause_problem === true || l.clause_problem === 1]),
      [
        ['ENV-CLEAN-003', true],
        ['SOC-CLEAN-001', false],
      ],
    );
    const feedback = await ctx.db('clause_feedback').where({ clause_id: 'ENV-CLEAN-003', source: 'ticket' });
    assert.equal(feedback.length, 1);
    assert.equal(feedback[0].ticket_id, t.id);
    const editorPage = await editor.get('/nl/staff/clauses/ENV-CLEAN-003');
    assert.match(editorPage.text, /De puntentoekenning is onduidelijk/);
  });

  it('inserts a canned answer of the organisation into the reply', async () => {
    await ctx.deps.canned.add({
      orgCode: 'actiris',
      title: 'Opleidingsuren',
      bodies: { nl: 'Standaard: vraag het kwartaaloverzicht.', fr: 'Standard : demandez le relevé trimestriel.' },
    });
    const t = await askViaApi(ctx, { theme: 'social' });
    const [canned] = await ctx.deps.canned.list('actiris');
    const page = await act(actiris, t.id, 'canned', { canned: String(canned.id) });
    assert.match(page.text, /<textarea id="reply-body"[^>]*>Standaard: vraag het kwartaaloverzicht\./);
  });

  it('publishes an answered ticket as a redacted FAQ that search finds beside clauses', async () => {
    const t = await askViaApi(ctx, {
      theme: 'social',
      question: 'Mag ik een schoonmaakopdracht voorbehouden aan de sociale economie?',
    });
    await act(actiris, t.id, 'reply', { body: 'Ja, binnen de voorwaarden van de voorbehouden opdrachten.' });
    const form = await actiris.get(`/nl/staff/tickets/${t.id}/faq`);
    assert.equal(form.status, 200);
    const withEmail = await actiris
      .post(`/nl/staff/tickets/${t.id}/faq`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        question_nl: 'Mail jan@example.org',
        question_fr: 'Q',
        answer_nl: 'A',
        answer_fr: 'R',
      });
    assert.equal(withEmail.status, 422);
    assert.match(withEmail.text, /Verwijder e-mailadressen/);
    const res = await actiris
      .post(`/nl/staff/tickets/${t.id}/faq`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        question_nl: 'Mag een schoonmaakopdracht voorbehouden worden aan de sociale economie?',
        question_fr: "Un marché de nettoyage peut-il être réservé à l'économie sociale ?",
        answer_nl: 'Ja, binnen de voorwaarden van de voorbehouden opdrachten.',
        answer_fr: 'Oui, dans les conditions des marchés réservés.',
      });
    assert.equal(res.status, 303);
    const faqPage = await request(ctx.app).get(res.headers.location.replace('/nl/', '/fr/'));
    assert.match(faqPage.text, /Un marché de nettoyage peut-il être réservé/);
    const search = await request(ctx.app).get('/fr/clauses').query({ q: 'réservé économie sociale nettoyage' });
    assert.match(search.text, /Réponses du helpdesk/);
    assert.match(search.text, /Un marché de nettoyage peut-il être réservé/);
    const suggestions = await request(ctx.app)
      .get('/api/v1/suggestions')
      .query({ lang: 'nl', q: 'voorbehouden sociale economie' });
    assert.equal(suggestions.body.faqs.length, 1);
  });

  it('refuses to publish a FAQ from a ticket that has no answer yet, by form and by page', async () => {
    const t = await askViaApi(ctx, { theme: 'social', question: 'Een vraag waarop nog niemand heeft geantwoord.' });
    const page = await actiris.get(`/nl/staff/tickets/${t.id}`);
    assert.doesNotMatch(page.text, new RegExp(`/staff/tickets/${t.id}/faq`));
    assert.equal((await actiris.get(`/nl/staff/tickets/${t.id}/faq`)).status, 409);
    const res = await actiris
      .post(`/nl/staff/tickets/${t.id}/faq`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), question_nl: 'V', question_fr: 'Q', answer_nl: 'A', answer_fr: 'R' });
    assert.equal(res.status, 409);
    assert.match(res.text, /Alleen een beantwoorde of afgesloten vraag/);
    assert.equal((await ctx.db('faq_entries').where({ ticket_id: t.id })).length, 0);
  });
});
