// Alerts of the helpdesk: buyer replies reach whoever handles the ticket; deadline warnings and escalations are
// sent once, however many timer runs and instances there are; the buyer is told when to expect an answer.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';
import { buildDeps } from '../../server/startup';
import { createLogger } from '../../server/http/logger';
import { formatDate } from '../../server/i18n/format';

describe('helpdesk alerts and the expected answer', () => {
  let ctx: TestContext;
  // Monday 23 November 2026, 10:00 in Brussels: a normal ticket is due Thursday 10:00 (3 business days).
  const clock = new TestClock('2026-11-23T09:00:00Z');
  let assignee: { id: number; email: string };
  let colleague: { id: number; email: string };
  let cell: { id: number; email: string };
  let outsider: { id: number; email: string };

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    assignee = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Amélie Assignée' });
    await ctx.db('users').where({ id: assignee.id }).update({ preferred_lang: 'fr' });
    colleague = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    cell = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    outsider = await createUser(ctx, { roles: ['facilitator'], org: 'price_observatory' });
  });
  after(async () => ctx.close());

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00Z');
    await ctx.db('mail_outbox').delete();
  });

  const mailsTo = async (email: string) => (await ctx.deps.mailer.outbox(200, email)).reverse();
  const staff = async (id: number) => (await ctx.deps.accounts.findById(id))!;

  const buyerReplies = async (token: string, body: string) => {
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/nl/helpdesk/track/${token}`);
    const res = await agent
      .post(`/nl/helpdesk/track/${token}/reply`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), body });
    assert.equal(res.status, 303);
  };

  it('e-mails the assignee, in their language, when the buyer replies', async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    await ctx.deps.tickets.assign(t.id, await staff(colleague.id), assignee.id);
    await buyerReplies(t.token, 'Het gaat om drie percelen.');
    const mail = (await mailsTo(assignee.email)).find((m) => m.subject.startsWith('Le demandeur'));
    assert.ok(mail, 'no alert to the assignee');
    assert.equal(mail.subject, `Le demandeur a répondu sur ${t.reference}`);
    assert.equal(mail.lang, 'fr');
    assert.match(mail.body ?? '', new RegExp(`/fr/staff/tickets/${t.id}`));
    const toColleague = (await mailsTo(colleague.email)).filter((m) => m.subject.includes('antwoordde'));
    assert.equal(toColleague.length, 0, 'only the assignee hears of it');
  });

  it("e-mails the organisation's facilitators when nobody is assigned, and says a closed ticket was reopened", async () => {
    const t = await askViaApi(ctx, { theme: 'social' });
    await ctx.deps.intake.requesterClose(t.token);
    await buyerReplies(t.token, 'Toch nog een vraag over de percelen.');
    for (const person of [assignee, colleague]) {
      const subjects = (await mailsTo(person.email)).map((m) => m.subject);
      assert.ok(
        subjects.some((s) => /heropend|rouverte/.test(s) && s.includes(t.reference)),
        `${person.email}: ${subjects.join(' | ')}`,
      );
    }
    const toOutsider = (await mailsTo(outsider.email)).filter((m) => m.subject.includes(t.reference));
    assert.equal(toOutsider.length, 0, 'no other organisation is told');
    assert.equal((await ctx.db('tickets').where({ id: t.id }).first()).status, 'open');
  });

  it('warns once when a first response is due within 4 business hours, over two runs and two instances', async () => {
    const soon = await askViaApi(ctx, { theme: 'social', question: 'Vraag die bijna te laat is.' });
    await ctx.deps.tickets.assign(soon.id, await staff(colleague.id), colleague.id);
    // Wednesday 16:00: one business hour today and one on Thursday before the 10:00 due time.
    clock.set('2026-11-25T15:00:00Z');
    const later = await askViaApi(ctx, { theme: 'social', question: 'Vraag die nog tijd heeft.' });
    const second = await buildDeps(ctx.config, ctx.db, createLogger('silent'), clock);
    try {
      await Promise.all([ctx.deps.alerts.run(), second.alerts.run()]);
      assert.deepEqual(await ctx.deps.alerts.run(), { due_soon: 0, overdue: 0 }, 'a second run sends nothing');
      assert.deepEqual(await second.alerts.run(), { due_soon: 0, overdue: 0 });
    } finally {
      await second.stop();
    }
    const warnings = (await mailsTo(colleague.email)).filter((m) => m.subject.includes('binnen 4 werkuren'));
    assert.equal(warnings.filter((m) => m.subject.includes(soon.reference)).length, 1, 'warned once');
    assert.ok(!warnings.some((m) => m.subject.includes(later.reference)), 'a ticket with three days left waits');
    assert.ok(
      (await mailsTo(assignee.email)).every(
        (m) => !(m.subject.includes('ouvrables') && m.subject.includes(soon.reference)),
      ),
      'the assignee is warned, not the whole organisation',
    );
    const warning = warnings.find((m) => m.subject.includes(soon.reference))!;
    assert.equal(warning.subject, `Eerste antwoord op ${soon.reference} verwacht binnen 4 werkuren`);
    assert.ok(warning.body?.includes(formatDate('nl', new Date('2026-11-26T09:00:00Z'), { time: true })));
    assert.equal((await ctx.db('ticket_alerts').where({ ticket_id: soon.id })).length, 1);
  });

  it("counts the 4 business hours on the answering organisation's calendar, its closing days included", async () => {
    // Actiris closes on Thursday 26 November: a ticket of Monday 10:00 is due Friday 10:00, and on Wednesday
    // at 16:00 that is 2 of Actiris's business hours away (16:00–17:00, Friday 09:00–10:00), though 18 federal ones.
    await ctx.deps.closingDays.add({ day: '2026-11-26', orgCode: 'actiris', label: 'Teamdag' }, { id: cell.id });
    const closing = await ctx.db('closing_days').where({ day: '2026-11-26' }).first();
    try {
      const t = await askViaApi(ctx, { theme: 'social', question: 'Vraag vlak voor een sluitingsdag.' });
      assert.equal((await ctx.deps.helpdeskRepo.find(t.id))?.dueAt.toISOString(), '2026-11-27T09:00:00.000Z');
      await ctx.deps.tickets.assign(t.id, await staff(colleague.id), colleague.id);
      clock.set('2026-11-25T15:00:00Z');
      await ctx.deps.alerts.run();
      const warnings = (await mailsTo(colleague.email)).filter(
        (m) => m.subject.includes(t.reference) && m.subject.includes('werkuren'),
      );
      assert.deepEqual(
        warnings.map((m) => m.subject),
        [`Eerste antwoord op ${t.reference} verwacht binnen 4 werkuren`],
      );
    } finally {
      await ctx.deps.closingDays.remove(Number(closing.id), { id: cell.id });
    }
  });

  it('escalates an overdue first response to the coordination cell once, and never an answered ticket', async () => {
    const late = await askViaApi(ctx, { theme: 'social', question: 'Vraag die te laat beantwoord wordt.' });
    const answered = await askViaApi(ctx, { theme: 'social', question: 'Vraag die op tijd beantwoord is.' });
    await ctx.deps.tickets.reply(answered.id, await staff(colleague.id), 'Hier is uw antwoord.');
    clock.set('2026-11-26T10:00:00Z'); // Thursday 11:00, an hour past the due time
    const second = await buildDeps(ctx.config, ctx.db, createLogger('silent'), clock);
    try {
      await Promise.all([ctx.deps.alerts.run(), second.alerts.run(), ctx.deps.alerts.run()]);
      await second.alerts.run();
    } finally {
      await second.stop();
    }
    const escalations = (await mailsTo(cell.email)).filter((m) => m.subject.startsWith('Escalatie'));
    assert.deepEqual(
      escalations.filter((m) => m.subject.includes(late.reference)).map((m) => m.subject),
      [`Escalatie: ${late.reference} heeft zijn antwoordtermijn overschreden`],
    );
    assert.ok(!escalations.some((m) => m.subject.includes(answered.reference)), 'an answered ticket is not late');
    assert.match(escalations[0].body ?? '', /Actiris/);
    const alerted = await ctx.db('ticket_alerts').whereIn('ticket_id', [late.id, answered.id]);
    assert.deepEqual(
      alerted.map((a) => [Number(a.ticket_id), a.kind]),
      [[late.id, 'overdue']],
    );
  });

  it('tells the buyer the expected answer time and the answering organisation: confirmation, tracking, e-mail', async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get('/fr/helpdesk');
    const sent = await agent
      .post('/fr/helpdesk')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        question: 'Comment vérifier les heures de formation dans un marché de nettoyage ?',
        theme: 'social',
        name: 'Claire Dubois',
        email: 'claire.dubois@cpas.example',
        organisation: 'CPAS de Forest',
        privacy: 'yes',
      });
    assert.equal(sent.status, 303);
    const due = formatDate('fr', new Date('2026-11-26T09:00:00Z'), { time: true });
    const confirmation = await agent.get(sent.headers.location);
    assert.match(confirmation.text, /Votre question a été envoyée/);
    assert.ok(confirmation.text.includes(due), `no "${due}" on the confirmation page`);
    assert.match(confirmation.text, /Organisation qui vous répond<\/dt><dd>Actiris/);
    const [mail] = await mailsTo('claire.dubois@cpas.example');
    assert.ok(mail.body?.includes(`au plus tard le ${due}`), mail.body ?? '');
    assert.match(mail.body ?? '', /Organisation qui vous répond : Actiris/);
    const t = await askViaApi(ctx, { theme: 'anti_dumping', lang: 'nl' });
    const tracking = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.ok(tracking.text.includes(formatDate('nl', new Date('2026-11-26T09:00:00Z'), { time: true })));
    assert.match(tracking.text, /Antwoordende organisatie<\/dt><dd>Observatorium/);
  });
});
