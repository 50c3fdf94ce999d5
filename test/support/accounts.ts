// Staff accounts for tests, and a signed-in supertest agent.
import assert from 'node:assert/strict';
import request from 'supertest';
import type { CurrentUser, Role } from '../../server/accounts/roles';
import type { TestContext } from './context';

export const PASSWORD = 'a long and quiet river 42';
let sequence = 0;

export async function createUser(
  ctx: TestContext,
  options: { roles: Role[]; org?: string; email?: string; name?: string; password?: string },
): Promise<{ id: number; email: string; password: string }> {
  sequence += 1;
  const email = options.email ?? `staff${sequence}-${Date.now()}@example.brussels`;
  const password = options.password ?? PASSWORD;
  const id = await ctx.deps.accountService.createWithPassword({
    email,
    name: options.name ?? `Staff member ${sequence}`,
    password,
    roles: options.roles,
    orgCode: options.org ?? (options.roles.includes('facilitator') ? 'actiris' : null),
    lang: 'nl',
  });
  return { id, email, password };
}

export function csrfFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  assert.ok(match, 'no CSRF token in the page');
  return match[1];
}

export async function signInAgent(ctx: TestContext, email: string, password: string, lang = 'nl') {
  const agent = request.agent(ctx.app);
  const page = await agent.get(`/${lang}/signin`);
  const res = await agent
    .post(`/${lang}/signin`)
    .type('form')
    .send({ email, password, _csrf: csrfFrom(page.text) });
  assert.equal(res.status, 303, `sign-in failed with ${res.status}: ${res.text.slice(0, 300)}`);
  return agent;
}

/** GETs a page with the agent and returns its CSRF token (for the next POST). */
export async function tokenFor(agent: request.Agent, path: string): Promise<string> {
  const page = await agent.get(path);
  assert.equal(page.status, 200, `GET ${path} answered ${page.status}`);
  return csrfFrom(page.text);
}

/** A stored account as the signed-in user the services take (for acting as staff without a browser). */
export async function currentUserOf(ctx: TestContext, id: number): Promise<CurrentUser> {
  const u = await ctx.deps.accounts.findById(id);
  assert.ok(u, `no user ${id}`);
  return { id: u.id, email: u.email, name: u.name, orgCode: u.orgCode, roles: u.roles, preferredLang: u.preferredLang };
}
