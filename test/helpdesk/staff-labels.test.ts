// Staff screens and the ticket history show labels, never raw codes ("Categorie Schoonmaak", "Nieuw → Beantwoord",
// organisation names, obstacle labels, audit actions), and the staff home has one helpdesk card.
import assert from 'node:assert/strict';
import type request from 'supertest';
import { AUDIT_EVENTS, auditEventLabel } from '../../server/audit/audit-log';
import { catalogs } from '../../server/i18n/catalog';
import { LANGUAGES } from '../../server/i18n/languages';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { askViaApi } from '../support/helpdesk';

const historyOf = (html: string) => html.slice(html.indexOf('id="history-heading"'));

describe('labels instead of codes on staff screens', () => {
  let ctx: TestContext;
  let actiris: request.Agent;
  let coordinator: request.Agent;
  let actirisName: string;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
    actirisName = 'Aïcha Actiris';
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: actirisName });
    const c = await createUser(ctx, { roles: ['coordinator', 'facilitator'], org: 'coordination_cell' });
    actiris = await signInAgent(ctx, a.email, a.password);
    coordinator = await signInAgent(ctx, c.email, c.password);
  });
  after(async () => ctx.close());

  const act = async (id: number, action: string, body: Record<string, string | string[]>) => {
    const csrf = await tokenFor(actiris, `/nl/staff/tickets/${id}`);
    const res = await actiris
      .post(`/nl/staff/tickets/${id}/${action}`)
      .type('form')
      .send({ ...body, _csrf: csrf });
    assert.equal(res.status, 303, `${action}: ${res.status}`);
  };

  it('names the category, statuses, organisation, assignee and obstacles in the ticket page and its history', async () => {
    const t = await askViaApi(ctx, { theme: 'social', category: 'cleaning' });
    const me = await ctx.db('users').where({ name: actirisName }).first();
    await act(t.id, 'assign', { assignee: String(me.id) });
    await act(t.id, 'obstacles', { obstacles: ['administrative_burden', 'cash_flow'] });
    await act(t.id, 'reply', { body: 'Gebruik het kwartaaloverzicht.' });

    const page = await actiris.get(`/nl/staff/tickets/${t.id}`);
    assert.match(page.text, /<dt>Categorie<\/dt><dd>Schoonmaak<\/dd>/);
    const history = historyOf(page.text);
    assert.match(history, /<td>Vraag ontvangen<\/td><td>Actiris<\/td>/);
    assert.match(history, /Nieuw → In behandeling/);
    assert.match(history, /In behandeling → Beantwoord/);
    assert.match(history, new RegExp(`<td>Toegewezen aan</td><td>${actirisName}</td>`));
    assert.match(history, /Administratieve last, Kasstroom en late betaling/);
    for (const code of ['cleaning', 'actiris', 'new', 'answered', 'administrative_burden', 'cash_flow', String(me.id)])
      assert.doesNotMatch(history.replace(/<[^>]+>/g, ' '), new RegExp(`(^|\\s)${code}(\\s|,|$)`), code);

    const fr = await actiris.get(`/fr/staff/tickets/${t.id}`);
    assert.match(fr.text, /<dd>Nettoyage<\/dd>/);
    assert.match(historyOf(fr.text), /Nouvelle → En traitement/);
  });

  it('shows a transfer with both organisation names', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    await act(t.id, 'transfer', { org: 'price_observatory', reason: 'Prijsvraag' });
    const page = await coordinator.get(`/nl/staff/tickets/${t.id}`);
    assert.match(historyOf(page.text), /Actiris → Observatorium van de referentieprijzen/);
  });

  it('calls the queue column "Vraag", not "Uw vraag", and shows one helpdesk card to a facilitator-coordinator', async () => {
    const queue = await actiris.get('/nl/staff/tickets');
    assert.match(queue.text, /<th scope="col">Vraag<\/th>/);
    assert.doesNotMatch(queue.text, /Uw vraag/);
    const home = await coordinator.get('/nl/staff');
    assert.equal((home.text.match(/href="\/nl\/staff\/tickets"/g) ?? []).length, 1);
  });

  it('names every audited action in both languages, and the audit log page shows the names', async () => {
    for (const lang of LANGUAGES)
      for (const event of AUDIT_EVENTS) assert.ok(catalogs[lang].has(`audit_events.${event}`), `${lang} ${event}`);
    assert.equal(auditEventLabel('fr', 'faq.published'), 'Question fréquente publiée');
    assert.equal(auditEventLabel('nl', 'something.new'), 'something.new');
    const page = await coordinator.get('/nl/staff/audit');
    assert.match(page.text, /<td>Aangemeld<\/td>/);
    assert.doesNotMatch(page.text, /sign_in\.success/);
  });
});
