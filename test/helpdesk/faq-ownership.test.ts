// FAQ entries: once per ticket, no personal data of any kind, edited only by the answering organisation
// (or a coordinator), every edit a version with author and time, publications and edits in the audit log.
import assert from 'node:assert/strict';
import request from 'supertest';
import { personalDataIn } from '../../server/helpdesk/redaction';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';
import { answeredTicket } from '../support/helpdesk';

const TEXT = {
  question_nl: 'Mag een schoonmaakopdracht voorbehouden worden?',
  question_fr: 'Un marché de nettoyage peut-il être réservé ?',
  answer_nl: 'Ja, binnen de voorwaarden van de voorbehouden opdrachten.',
  answer_fr: 'Oui, dans les conditions des marchés réservés.',
};

describe('redaction of FAQ texts', () => {
  it('finds phone numbers in the ways Belgians write them', () => {
    for (const text of [
      'Bel 02 123 45 67.',
      'Bel 02/123.45.67 tijdens de kantooruren.',
      'Gsm 0470 12 34 56',
      'Appelez le +32 2 123 45 67',
      'ou le 0032 (0)2 123 45 67',
      'GSM: 0470123456',
    ])
      assert.equal(personalDataIn(text), 'phone', text);
  });

  it('leaves amounts, CPV codes, dates and articles alone', () => {
    for (const text of [
      'Boven 750.000 euro geldt de omzendbrief.',
      'CPV 90910000-6 en 03000000-1.',
      'Sinds 1 september 2024, art. 87 van de wet van 17 juni 2016.',
      'Un montant de 1 250 000,50 euros.',
    ])
      assert.equal(personalDataIn(text), null, text);
  });

  it("finds e-mail addresses and the requester's name, whole or in part, accents and case aside", () => {
    assert.equal(personalDataIn('Schrijf naar info@example.org'), 'email');
    assert.equal(personalDataIn('Zoals mevrouw PÉTERS vroeg', 'Anne Péters'), 'name');
    assert.equal(personalDataIn('Zoals de aankoper vroeg', 'Anne Péters'), null);
    assert.equal(personalDataIn('Zoals Anne vroeg', 'Anne Péters'), 'name');
  });
});

describe('FAQ ownership and history', () => {
  let ctx: TestContext;
  let actiris: request.Agent;
  let innoviris: request.Agent;
  let coordinator: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Ahmed Actiris' });
    const i = await createUser(ctx, { roles: ['facilitator'], org: 'innoviris' });
    const c = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell', name: 'Carla Coördinator' });
    actiris = await signInAgent(ctx, a.email, a.password);
    innoviris = await signInAgent(ctx, i.email, i.password);
    coordinator = await signInAgent(ctx, c.email, c.password);
  });
  after(async () => ctx.close());

  const answered = () => answeredTicket(ctx, actiris);
  const publish = async (agent: request.Agent, ticketId: number, text: Record<string, string>) => {
    const form = await agent.get(`/nl/staff/tickets/${ticketId}/faq`);
    return agent
      .post(`/nl/staff/tickets/${ticketId}/faq`)
      .type('form')
      .send({ ...text, _csrf: csrfFrom(form.text) });
  };
  const edit = async (agent: request.Agent, faqId: number, text: Record<string, string>, status = 'published') => {
    const page = await agent.get('/nl/staff/faq');
    return agent
      .post(`/nl/staff/faq/${faqId}`)
      .type('form')
      .send({ ...text, status, _csrf: csrfFrom(page.text) });
  };

  it('publishes a ticket once; a second publication is refused', async () => {
    const t = await answered();
    assert.equal((await publish(actiris, t.id, TEXT)).status, 303);
    const again = await publish(actiris, t.id, TEXT);
    assert.equal(again.status, 409);
    assert.equal((await ctx.db('faq_entries').where({ ticket_id: t.id })).length, 1);
  });

  it("refuses the requester's name and a phone number in any field, keeping what was typed", async () => {
    const t = await answered();
    const named = await publish(actiris, t.id, { ...TEXT, question_nl: 'Jan Peeters vraagt of dit mag.' });
    assert.equal(named.status, 422);
    assert.match(named.text, /Verwijder de naam van de aanvrager/);
    assert.match(named.text, /Jan Peeters vraagt of dit mag\./);
    const phoned = await publish(actiris, t.id, { ...TEXT, answer_fr: 'Appelez le 02 123 45 67.' });
    assert.equal(phoned.status, 422);
    assert.match(phoned.text, /Verwijder telefoonnummers/);
  });

  it('lets only the answering organisation or a coordinator edit and unpublish, keeping each version', async () => {
    const t = await answered();
    await publish(actiris, t.id, TEXT);
    const entry = await ctx.db('faq_entries').where({ ticket_id: t.id }).first();
    assert.equal(entry.org_code, 'actiris');
    assert.equal((await innoviris.get(`/nl/staff/faq/${entry.id}`)).status, 403);
    const foreign = await edit(innoviris, entry.id, { ...TEXT, answer_nl: 'Gewijzigd door een andere organisatie.' });
    assert.equal(foreign.status, 403);
    assert.equal((await edit(actiris, entry.id, { ...TEXT, answer_nl: 'Ja, onder voorwaarden.' })).status, 303);
    assert.equal((await edit(coordinator, entry.id, TEXT, 'unpublished')).status, 303);
    const versions = await ctx.db('faq_entry_versions').where({ faq_id: entry.id }).orderBy('version');
    assert.deepEqual(
      versions.map((v) => [v.version, v.status, v.author_name, v.answer_nl]),
      [
        [1, 'published', 'Ahmed Actiris', TEXT.answer_nl],
        [2, 'published', 'Ahmed Actiris', 'Ja, onder voorwaarden.'],
        [3, 'unpublished', 'Carla Coördinator', TEXT.answer_nl],
      ],
    );
    const page = await coordinator.get(`/nl/staff/faq/${entry.id}`);
    assert.match(page.text, /Versie 3/);
    const audit = await ctx.db('audit_log').whereIn('event', ['faq.published', 'faq.updated']).orderBy('id');
    assert.ok(audit.filter((a) => JSON.parse(a.details).faq === entry.id).length >= 3);
  });
});
