// Two facilitators on one ticket: the second to act on a page opened before the first one's change gets a 409
// with the new state and every draft kept; and a facilitator raises a ticket to pilot priority after filing.
import assert from 'node:assert/strict';
import type request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';
import { addBusinessDays } from '../../server/helpdesk/business-time';
import { TicketChanged } from '../../server/helpdesk/tickets';

const textarea = (html: string, id: string) => {
  const match = html.match(new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
  assert.ok(match, `no textarea #${id}`);
  return match[1];
};
const versionIn = (html: string) => {
  const match = html.match(/name="version" value="(\d+)"/);
  assert.ok(match, 'no version in the page');
  return match[1];
};

describe('two facilitators on one ticket, and pilot priority after filing', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-23T09:00:00Z');
  let anna: request.Agent;
  let bram: request.Agent;
  let annaId: number;
  let observatory: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Anna' });
    const b = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Bram' });
    const o = await createUser(ctx, { roles: ['facilitator'], org: 'price_observatory' });
    annaId = a.id;
    anna = await signInAgent(ctx, a.email, a.password);
    bram = await signInAgent(ctx, b.email, b.password);
    observatory = await signInAgent(ctx, o.email, o.password);
  });
  after(async () => ctx.close());

  const open = async (agent: request.Agent, id: number) => {
    const page = await agent.get(`/nl/staff/tickets/${id}`);
    assert.equal(page.status, 200);
    return { csrf: csrfFrom(page.text), version: versionIn(page.text) };
  };
  const post = (agent: request.Agent, id: number, action: string, form: Record<string, string>) =>
    agent.post(`/nl/staff/tickets/${id}/${action}`).type('form').send(form);

  it('answers 409 to the second reply, shows the first one and gives back both drafts of the second', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const annaPage = await open(anna, t.id);
    const bramPage = await open(bram, t.id);
    const first = await post(anna, t.id, 'reply', {
      _csrf: annaPage.csrf,
      version: annaPage.version,
      body: 'Antwoord van Anna.',
    });
    assert.equal(first.status, 303);
    const draft = 'Antwoord van Bram, lang uitgeschreven.\nTweede regel.';
    const second = await post(bram, t.id, 'reply', {
      _csrf: bramPage.csrf,
      version: bramPage.version,
      body: draft,
      note: 'Notitie van Bram.',
    });
    assert.equal(second.status, 409);
    assert.match(second.text, /Iemand anders heeft intussen geantwoord of dit ticket gewijzigd/);
    assert.match(second.text, /Antwoord van Anna\./, 'the new message is on the page');
    assert.equal(textarea(second.text, 'reply-body'), draft);
    assert.equal(textarea(second.text, 'note-body'), 'Notitie van Bram.');
    assert.match(second.text, /id="ticket-drafts" data-unsaved="true"/);
    const replies = await ctx.db('ticket_messages').where({ ticket_id: t.id, kind: 'public_reply' });
    assert.deepEqual(
      replies.map((m) => m.body),
      ['Antwoord van Anna.'],
    );
    // Sent again from the page that came back (it carries the new version), the draft goes through.
    const again = await post(bram, t.id, 'reply', {
      _csrf: csrfFrom(second.text),
      version: versionIn(second.text),
      body: draft,
    });
    assert.equal(again.status, 303);
  });

  it('answers 409 to a note, a status change and an assignment made on a stale page', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const stale = await open(bram, t.id);
    const fresh = await open(anna, t.id);
    assert.equal(
      (await post(anna, t.id, 'note', { _csrf: fresh.csrf, version: fresh.version, note: 'Eerst.' })).status,
      303,
    );
    const note = await post(bram, t.id, 'note', { _csrf: stale.csrf, version: stale.version, note: 'Mijn notitie.' });
    assert.equal(note.status, 409);
    assert.equal(textarea(note.text, 'note-body'), 'Mijn notitie.');
    const status = await post(bram, t.id, 'status', { _csrf: stale.csrf, version: stale.version, status: 'closed' });
    assert.equal(status.status, 409);
    const assign = await post(bram, t.id, 'assign', {
      _csrf: stale.csrf,
      version: stale.version,
      assignee: String(annaId),
    });
    assert.equal(assign.status, 409);
    const row = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(row.status, 'new');
    assert.equal(row.assignee_user_id, null);
    assert.deepEqual(
      (await ctx.db('ticket_messages').where({ ticket_id: t.id })).map((m) => m.body),
      ['Eerst.'],
    );
  });

  it('lets exactly one of two simultaneous replies on the same version through', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const { version } = (await ctx.db('tickets').where({ id: t.id }).first()) as { version: number };
    const user = (await ctx.deps.accounts.findById(annaId))!;
    const outcomes = await Promise.allSettled([
      ctx.deps.tickets.reply(t.id, user, 'Eerste gelijktijdige.', Number(version)),
      ctx.deps.tickets.reply(t.id, user, 'Tweede gelijktijdige.', Number(version)),
    ]);
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof TicketChanged);
    assert.equal((await ctx.db('ticket_messages').where({ ticket_id: t.id })).length, 1);
  });

  it('raises a ticket to pilot priority after filing, recomputes its due time, and records it', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    const before = await ctx.db('tickets').where({ id: t.id }).first();
    const created = new Date(before.created_at);
    assert.equal(new Date(before.due_at).getTime(), addBusinessDays(created, 3).getTime());
    clock.advance(10 * 60_000);
    const page = await open(anna, t.id);
    const raised = await post(anna, t.id, 'priority', { _csrf: page.csrf, version: page.version, pilot: 'yes' });
    assert.equal(raised.status, 303);
    const after = await ctx.db('tickets').where({ id: t.id }).first();
    assert.ok(after.is_pilot === true || after.is_pilot === 1);
    assert.equal(new Date(after.due_at).getTime(), addBusinessDays(created, 1).getTime(), 'counted from filing');
    const event = await ctx.db('ticket_events').where({ ticket_id: t.id, field: 'priority' }).first();
    assert.deepEqual([event.old_value, event.new_value], ['normal', 'pilot']);
    const audit = await ctx.db('audit_log').where({ event: 'ticket.priority_changed' });
    assert.ok(audit.some((a) => String(a.details).includes(t.reference) && Number(a.actor_user_id) === annaId));
    const shown = await anna.get(`/nl/staff/tickets/${t.id}`);
    assert.match(shown.text, /Pilootprioriteit weghalen/);
    assert.match(shown.text, /<td>Prioriteit<\/td><td>[^<]*→[^<]*<\/td>/);
    const back = await post(anna, t.id, 'priority', {
      _csrf: csrfFrom(shown.text),
      version: versionIn(shown.text),
      pilot: 'no',
    });
    assert.equal(back.status, 303);
    const lowered = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(new Date(lowered.due_at).getTime(), addBusinessDays(created, 3).getTime());
    const foreign = await post(observatory, t.id, 'priority', {
      _csrf: (await open(observatory, (await askViaApi(ctx, { theme: 'anti_dumping' })).id)).csrf,
      pilot: 'yes',
    });
    assert.equal(foreign.status, 404);
  });
});
