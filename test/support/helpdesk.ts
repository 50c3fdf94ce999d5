// Helpdesk fixtures: a valid question, and a ticket created through the API.
import assert from 'node:assert/strict';
import request from 'supertest';
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
