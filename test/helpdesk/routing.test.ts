import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import request from 'supertest';
import { askViaApi, QUESTION } from '../support/helpdesk';

describe('helpdesk routing and service levels', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-18T09:00:00Z');
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' }, clock);
    await ctx.db('pilot_codes').insert({
      code: 'PILOT-2026-07',
      description: 'Circulaire meubels',
      active: true,
      created_at: clock.now().toISOString(),
    });
    await ctx
      .db('pilot_codes')
      .insert({ code: 'PILOT-OLD', description: 'Afgelopen', active: false, created_at: clock.now().toISOString() });
  });
  after(async () => ctx.close());

  const ticket = async (overrides: Record<string, unknown>) => {
    const { id } = await askViaApi(ctx, overrides);
    return ctx.db('tickets').where({ id }).first();
  };

  it('routes each theme to the queue of its facilitator organisation', async () => {
    const expected: Record<string, string> = {
      environmental: 'environment_brussels',
      innovation: 'innoviris',
      sme: 'economy_employment',
      social: 'actiris',
      anti_dumping: 'price_observatory',
      ethical: 'environment_brussels',
    };
    for (const [theme, org] of Object.entries(expected)) assert.equal((await ticket({ theme })).org_code, org, theme);
    assert.equal((await ticket({ theme: undefined })).org_code, 'coordination_cell');
  });

  it('gives a normal ticket 3 business days: Wednesday 10:00 is due Monday 10:00', async () => {
    clock.set('2026-11-18T09:00:00Z');
    const t = await ticket({});
    assert.equal(t.is_pilot === true || t.is_pilot === 1, false);
    assert.equal(new Date(t.due_at).toISOString(), '2026-11-23T09:00:00.000Z');
  });

  it('gives a pilot 1 business day, skipping the weekend', async () => {
    clock.set('2026-11-20T14:00:00Z'); // Friday 15:00 in Brussels
    const t = await ticket({ pilotCode: 'pilot-2026-07' });
    assert.ok(t.is_pilot === true || t.is_pilot === 1);
    assert.equal(t.pilot_code, 'PILOT-2026-07');
    assert.equal(new Date(t.due_at).toISOString(), '2026-11-23T14:00:00.000Z');
  });

  it('skips a Belgian public holiday (11 November)', async () => {
    clock.set('2026-11-10T13:00:00Z'); // Tuesday 14:00 in Brussels; Wednesday 11 November is Armistice
    const t = await ticket({ pilotCode: 'PILOT-2026-07' });
    assert.equal(new Date(t.due_at).toISOString(), '2026-11-12T13:00:00.000Z');
  });

  it('refuses an unknown or inactive pilot code, naming the field', async () => {
    for (const code of ['NOPE', 'PILOT-OLD']) {
      const res = await request(ctx.app)
        .post('/api/v1/tickets')
        .send({ ...QUESTION, pilotCode: code });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.details[0].field, 'pilotCode');
    }
  });

  it('e-mails the new ticket to the queue of its organisation in each person’s language', async () => {
    await ctx.db('organisations').where({ code: 'innoviris' }).update({ queue_email: 'helpdesk@innoviris.example' });
    const { reference } = await askViaApi(ctx, { theme: 'innovation', lang: 'fr' });
    const [mail] = await ctx.deps.mailer.outbox(1, 'helpdesk@innoviris.example');
    assert.equal(mail.subject, `Nouvelle question ${reference} dans votre file`);
  });
});
