// Market fixtures: an announcement as the form sends it, and reading links out of the mail outbox.
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom } from './accounts';
import type { TestContext } from './context';

let sequence = 0;

export function announcementForm(overrides: Record<string, string> = {}): Record<string, string> {
  sequence += 1;
  return {
    title: `Schoonmaak van de gemeentelijke gebouwen ${sequence}`,
    authority: 'Gemeente Evere',
    category: 'cleaning',
    cpv: '90911200',
    theme: 'social',
    valueRange: '140k_eu',
    quarter: '2027-Q2',
    lots: '2',
    consultationPlanned: 'yes',
    consultationDate: '2027-02-15',
    consultationPlace: 'Gemeentehuis Evere',
    contactEmail: 'aankoop@evere.example',
    contactPhone: '',
    description_nl: 'Dagschoonmaak van tien gebouwen met opleidingsplaatsen voor werkzoekenden.',
    description_fr: '',
    submitterEmail: `jan.${sequence}@evere.example`,
    ...overrides,
  };
}

/** POSTs a public form the way a browser does: GET the page for its CSRF token first (one agent, one cookie). */
export async function postForm(
  ctx: TestContext,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
  agent = request.agent(ctx.app),
) {
  const form = await agent.get(page);
  assert.equal(form.status, 200, `GET ${page} answered ${form.status}`);
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(form.text) });
}

export async function mailsTo(ctx: TestContext, address: string) {
  return (await ctx.deps.mailer.outbox(1000, address.toLowerCase())).reverse();
}

/** The path of the first link in the latest e-mail to an address that matches a pattern. */
export async function linkIn(ctx: TestContext, address: string, pattern: RegExp): Promise<string> {
  const mails = await mailsTo(ctx, address);
  for (const mail of mails.reverse()) {
    const match = mail.body?.match(new RegExp(`https?://[^\\s]*${pattern.source}[^\\s]*`));
    if (match) return new URL(match[0]).pathname;
  }
  assert.fail(`no link matching ${pattern} in the e-mails to ${address}`);
}
