// Helpdesk fixtures: a valid question, and a ticket created through the API.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createUser, csrfFrom, signInAgent } from './accounts';
import type { TestContext } from './context';

export const QUESTION = {
  question: 'Hoe controleer ik het percentage opleidingsuren in een schoonmaakopdracht?',
  theme: 'social',
  category: 'cleaning',
  stage: 'execution',
  tenderReference: 'SCH-2026-04',
  name: 'Jan Peeters',
  email: 'jan.peeters@gemeente.example',
  organisation: 'Gemeente Evere',
  lang: 'nl',
};

let client = 0;

/** Creates a ticket; each call comes from its own address, so per-IP limits only bite where a test wants them. */
export async function askViaApi(
  ctx: TestContext,
  overrides: Record<string, unknown> = {},
): Promise<{ reference: string; token: string; id: number }> {
  client += 1;
  const res = await request(ctx.app)
    .post('/api/v1/tickets')
    .set('X-Forwarded-For', `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`)
    .send({ ...QUESTION, ...overrides });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const token = String(res.body.trackingUrl).split('/').pop()!;
  const row = await ctx.db('tickets').where({ reference: res.body.reference }).first();
  return { reference: res.body.reference, token, id: Number(row.id) };
}

/** Creates a ticket and has a facilitator (a signed-in agent who may handle it) answer it publicly. */
export async function answeredTicket(
  ctx: TestContext,
  facilitator: request.Agent,
  overrides: Record<string, unknown> = { theme: 'social' },
  body = 'Ja, dat kan.',
): Promise<{ reference: string; token: string; id: number }> {
  const t = await askViaApi(ctx, overrides);
  const page = await facilitator.get(`/nl/staff/tickets/${t.id}`);
  const res = await facilitator
    .post(`/nl/staff/tickets/${t.id}/reply`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), body });
  assert.equal(res.status, 303, `reply answered ${res.status}`);
  return t;
}

export interface HelpdeskStaff {
  /** An Actiris facilitator (signed in) and a colleague of the same organisation (not signed in). */
  actiris: request.Agent;
  actirisUser: { id: number };
  colleague: { id: number };
  /** A facilitator of the price observatory and a coordinator, both signed in. */
  observatory: request.Agent;
  coordinator: request.Agent;
}

/** The staff most helpdesk tests need: two Actiris facilitators, one of the price observatory, a coordinator. */
export async function helpdeskStaff(ctx: TestContext): Promise<HelpdeskStaff> {
  const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Ahmed Actiris' });
  const colleague = await createUser(ctx, { roles: ['facilitator'], org: 'actiris', name: 'Chloé Collègue' });
  const o = await createUser(ctx, { roles: ['facilitator'], org: 'price_observatory' });
  const c = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
  return {
    actiris: await signInAgent(ctx, a.email, a.password),
    actirisUser: a,
    colleague,
    observatory: await signInAgent(ctx, o.email, o.password),
    coordinator: await signInAgent(ctx, c.email, c.password),
  };
}
