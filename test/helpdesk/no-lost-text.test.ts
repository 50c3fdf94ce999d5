// Nothing a buyer or a facilitator types is lost: over-long texts come back whole with a message, a canned
// answer goes below the draft, and sending one panel keeps the other panel's draft.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';

const textarea = (html: string, id: string) => {
  const match = html.match(new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
  assert.ok(match, `no textarea #${id}`);
  return match[1];
};

describe('helpdesk texts are never lost', () => {
  let ctx: TestContext;
  let staff: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
    const user = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    staff = await signInAgent(ctx, user.email, user.password);
  });
  after(async () => ctx.close());

  const post = async (id: number, action: string, fields: Record<string, string>) => {
    const page = await staff.get(`/nl/staff/tickets/${id}`);
    return staff
      .post(`/nl/staff/tickets/${id}/${action}`)
      .type('form')
      .send({ ...fields, _csrf: csrfFrom(page.text) });
  };

  it('refuses a staff reply over 10,000 characters with a message and gives every character back', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const long = `${'Een lang antwoord. '.repeat(527)}einde`; // 10,018 characters
    assert.ok(long.length > 10_000);
    const res = await post(t.id, 'reply', { body: long, note: 'Nog na te kijken.' });
    assert.equal(res.status, 422);
    assert.match(res.text, /10000 tekens|10\.000 tekens/);
    assert.equal(textarea(res.text, 'reply-body'), long);
    assert.equal(textarea(res.text, 'note-body'), 'Nog na te kijken.');
    assert.match(res.text, /<textarea id="reply-body"[^>]*maxlength="10000"/);
    assert.equal((await ctx.db('ticket_messages').where({ ticket_id: t.id })).length, 0);
  });

  it('keeps the note draft when the reply is sent, and the reply draft when the note is added', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const sent = await post(t.id, 'reply', { body: 'Ja, dat mag.', note: 'Juridische dienst nog vragen.' });
    assert.equal(sent.status, 303);
    let page = await staff.get(`/nl/staff/tickets/${t.id}`);
    assert.equal(textarea(page.text, 'note-body'), 'Juridische dienst nog vragen.');
    assert.equal(textarea(page.text, 'reply-body'), '');
    const noted = await post(t.id, 'note', { body: 'Tweede antwoord in opmaak.', note: 'Juridische dienst gevraagd.' });
    assert.equal(noted.status, 303);
    page = await staff.get(`/nl/staff/tickets/${t.id}`);
    assert.equal(textarea(page.text, 'reply-body'), 'Tweede antwoord in opmaak.');
    assert.equal(textarea(page.text, 'note-body'), '');
    const kinds = (await ctx.db('ticket_messages').where({ ticket_id: t.id }).orderBy('id')).map((m) => m.kind);
    assert.deepEqual(kinds, ['public_reply', 'internal_note']);
    // The kept draft is shown once, not on every later visit.
    assert.equal(textarea((await staff.get(`/nl/staff/tickets/${t.id}`)).text, 'reply-body'), '');
  });

  it('inserts a canned answer below the reply draft and keeps the note draft', async () => {
    await ctx.deps.canned.add({
      orgCode: 'actiris',
      title: 'Kwartaaloverzicht',
      bodies: { nl: 'Vraag het kwartaaloverzicht.', fr: 'Demandez le relevé trimestriel.' },
    });
    const [canned] = await ctx.deps.canned.list('actiris');
    const t = await askViaApi(ctx, { theme: 'social' });
    const res = await post(t.id, 'canned', { canned: String(canned.id), body: 'Beste,', note: 'Interne opmerking.' });
    assert.equal(res.status, 200);
    assert.equal(textarea(res.text, 'reply-body'), 'Beste,\n\nVraag het kwartaaloverzicht.');
    assert.equal(textarea(res.text, 'note-body'), 'Interne opmerking.');
  });

  it('gives a buyer their whole reply back when it is over 5,000 characters', async () => {
    const { token } = await askViaApi(ctx);
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/nl/helpdesk/track/${token}`);
    const long = 'x'.repeat(5_001);
    const res = await agent
      .post(`/nl/helpdesk/track/${token}/reply`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), body: long });
    assert.equal(res.status, 422);
    assert.equal(textarea(res.text, 'field-body'), long);
  });

  it('counts a Windows line break once against the limit', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const lines = Array.from({ length: 2000 }, () => 'abcd').join('\r\n'); // 9,999 characters once normalised
    const res = await post(t.id, 'reply', { body: lines });
    assert.equal(res.status, 303);
  });
});
