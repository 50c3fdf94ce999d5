import assert from 'node:assert/strict';
import { addBusinessDays, isBusinessDay } from '../../server/helpdesk/business-time';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { TestClock } from '../support/clock';
import { createTestContext, type TestContext } from '../support/context';
import { askViaApi } from '../support/helpdesk';

describe('helpdesk holiday calendars per organisation', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-05-07T08:00:00Z');
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
  });
  after(async () => ctx.close());

  const dueOf = async (overrides: Record<string, unknown>) => {
    const { id } = await askViaApi(ctx, overrides);
    const row = await ctx.db('tickets').where({ id }).first();
    return { org: String(row.org_code), due: new Date(row.due_at).toISOString() };
  };

  it('gives a regional body a due time that skips 8 May (Iris day), and a federal-calendar one not', async () => {
    clock.set('2026-05-07T08:00:00Z'); // Thursday 7 May 2026, 10:00 in Brussels
    const regional = await dueOf({ theme: 'social' }); // Actiris
    const federal = await dueOf({ theme: 'anti_dumping' }); // the price observatory: federal holidays only
    assert.equal(regional.org, 'actiris');
    assert.equal(federal.org, 'price_observatory');
    // 3 business days: Thursday 7 → Friday 8 (closed for Actiris), Monday 11, Tuesday 12, Wednesday 13.
    assert.equal(regional.due, '2026-05-13T08:00:00.000Z');
    assert.equal(federal.due, '2026-05-12T08:00:00.000Z');
  });

  it('knows the four Brussels regional days off and nothing else beyond the federal holidays', async () => {
    const calendar = await ctx.deps.closingDays.calendarFor('environment_brussels');
    for (const day of ['2026-05-08', '2026-11-02', '2027-11-15', '2026-12-26'])
      assert.equal(calendar.isClosed(day), true, day);
    for (const day of ['2026-05-07', '2026-07-11', '2026-09-27', '2026-12-24'])
      assert.equal(calendar.isClosed(day), false, day);
    assert.equal(isBusinessDay('2026-05-08', calendar), false);
    assert.equal(isBusinessDay('2026-05-08'), true);
  });

  it('respects a closing day a coordinator sets for one organisation, and one for all', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    let csrf = await tokenFor(agent, '/nl/staff/closing-days');
    let res = await agent
      .post('/nl/staff/closing-days')
      .type('form')
      .send({ _csrf: csrf, day: '2026-06-01', org: 'price_observatory', label: 'Verhuis' });
    assert.equal(res.status, 303);
    csrf = await tokenFor(agent, '/nl/staff/closing-days');
    res = await agent.post('/nl/staff/closing-days').type('form').send({ _csrf: csrf, day: '2026-06-03', org: '' });
    assert.equal(res.status, 303);
    const page = await agent.get('/nl/staff/closing-days');
    assert.match(page.text, /Verhuis/);
    assert.match(page.text, /Alle organisaties/);
    assert.match(page.text, /8 mei/);
    const audit = await ctx.db('audit_log').where({ event: 'closing_day.added' });
    assert.equal(audit.length, 2);

    clock.set('2026-05-29T08:00:00Z'); // Friday 29 May, 10:00
    const observatory = await dueOf({ theme: 'anti_dumping' });
    const actiris = await dueOf({ theme: 'social' });
    // Observatory: Monday 1 June closed (its own), Wednesday 3 June closed (all): Tue 2, Thu 4, Fri 5.
    assert.equal(observatory.due, '2026-06-05T08:00:00.000Z');
    // Actiris: only 3 June closed: Mon 1, Tue 2, Thu 4.
    assert.equal(actiris.due, '2026-06-04T08:00:00.000Z');
  });

  it('refuses an invalid date and a duplicate, naming the field and keeping what was typed', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password, 'fr');
    let csrf = await tokenFor(agent, '/fr/staff/closing-days');
    let res = await agent
      .post('/fr/staff/closing-days')
      .type('form')
      .send({ _csrf: csrf, day: '2026-02-30', org: 'actiris', label: 'Pont' });
    assert.equal(res.status, 422);
    assert.match(res.text, /aria-invalid="true"/);
    assert.match(res.text, /value="2026-02-30"/);
    assert.match(res.text, /value="Pont"/);
    csrf = await tokenFor(agent, '/fr/staff/closing-days');
    await agent.post('/fr/staff/closing-days').type('form').send({ _csrf: csrf, day: '2026-12-28', org: 'actiris' });
    csrf = await tokenFor(agent, '/fr/staff/closing-days');
    res = await agent
      .post('/fr/staff/closing-days')
      .type('form')
      .send({ _csrf: csrf, day: '2026-12-28', org: 'actiris' });
    assert.equal(res.status, 422);
    assert.match(res.text, /existe déjà/);
  });

  it('lets a coordinator remove a closing day, and nobody else reach the page', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    const csrf = await tokenFor(agent, '/nl/staff/closing-days');
    await agent.post('/nl/staff/closing-days').type('form').send({ _csrf: csrf, day: '2027-01-04', org: 'innoviris' });
    const row = await ctx.db('closing_days').where({ day: '2027-01-04' }).first();
    const res = await agent
      .post(`/nl/staff/closing-days/${row.id}/delete`)
      .type('form')
      .send({ _csrf: await tokenFor(agent, '/nl/staff/closing-days') });
    assert.equal(res.status, 303);
    assert.equal(await ctx.db('closing_days').where({ day: '2027-01-04' }).first(), undefined);
    assert.equal(addBusinessDays(new Date('2027-01-04T08:00:00Z'), 0).toISOString(), '2027-01-04T08:00:00.000Z');

    const facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const other = await signInAgent(ctx, facilitator.email, facilitator.password);
    assert.equal((await other.get('/nl/staff/closing-days')).status, 403);
  });
});
