import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';

async function lastMailTo(ctx: TestContext, email: string) {
  const [message] = await ctx.deps.mailer.outbox(1, email);
  assert.ok(message, `no e-mail to ${email}`);
  return message;
}

function linkPath(body: string | null): string {
  const match = body?.match(/https?:\/\/[^/\s]+(\/\S+)/);
  assert.ok(match, `no link in ${body}`);
  return match[1];
}

async function requestReset(ctx: TestContext, email: string, lang = 'nl') {
  const agent = request.agent(ctx.app);
  const page = await agent.get(`/${lang}/password/forgot`);
  return agent
    .post(`/${lang}/password/forgot`)
    .type('form')
    .send({ email, _csrf: csrfFrom(page.text) });
}

async function choosePassword(ctx: TestContext, path: string, password: string) {
  const agent = request.agent(ctx.app);
  const page = await agent.get(path);
  if (page.status !== 200) return page;
  return agent
    .post(path)
    .type('form')
    .send({ password, confirmation: password, _csrf: csrfFrom(page.text) });
}

describe('password reset and invitation links', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-11-20T10:00:00Z');
  before(async () => {
    ctx = await createTestContext({}, clock);
  });
  after(async () => ctx.close());

  it('answers the same whether or not the address has an account', async () => {
    const unknown = await requestReset(ctx, 'nobody@example.brussels');
    const user = await createUser(ctx, { roles: ['editor'] });
    const known = await requestReset(ctx, user.email);
    assert.equal(unknown.status, 200);
    assert.equal(known.status, 200);
    const normalise = (html: string) => html.replace(/value="[^"]*"/g, '').replace(/http:\/\/127\.0\.0\.1:\d+/g, '');
    assert.equal(normalise(unknown.text), normalise(known.text));
    assert.equal((await ctx.deps.mailer.outbox(10, 'nobody@example.brussels')).length, 0);
  });

  it('e-mails a reset link in the page language that works once', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email, 'fr');
    const mail = await lastMailTo(ctx, user.email);
    assert.equal(mail.lang, 'fr');
    assert.equal(mail.subject, 'Choisir un nouveau mot de passe');
    const path = linkPath(mail.body);
    assert.match(path, /^\/fr\/password\/reset\/[A-Za-z0-9_-]{40,}$/);

    const used = await choosePassword(ctx, path, 'a fresh spring morning');
    assert.equal(used.status, 303);
    await signInAgent(ctx, user.email, 'a fresh spring morning');

    const again = await choosePassword(ctx, path, 'yet another morning');
    assert.equal(again.status, 404);
    assert.match(again.text, /Ce lien ne fonctionne plus/);
  });

  it('lets a reset link expire after one hour', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email);
    const path = linkPath((await lastMailTo(ctx, user.email)).body);
    clock.advance(61 * 60_000);
    const res = await choosePassword(ctx, path, 'a fresh spring morning');
    assert.equal(res.status, 404);
  });

  it('stores only a hash of the token', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    await requestReset(ctx, user.email);
    const token = linkPath((await lastMailTo(ctx, user.email)).body)
      .split('/')
      .pop()!;
    const rows = await ctx.db('one_time_tokens').where({ user_id: user.id });
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].token_hash, token);
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(token));
  });

  it('lets a coordinator invite a user whose link activates the account once', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    const token = await tokenFor(agent, '/nl/staff/users/new');
    const invited = await agent
      .post('/nl/staff/users/new')
      .type('form')
      .send({
        _csrf: token,
        name: 'Sofie Janssens',
        email: 'sofie@actiris.example',
        roles: ['facilitator'],
        org: 'actiris',
        lang: 'nl',
      });
    assert.equal(invited.status, 303);

    const mail = await lastMailTo(ctx, 'sofie@actiris.example');
    assert.equal(mail.subject, 'Uitnodiging voor de helpdesk duurzame overheidsopdrachten');
    const path = linkPath(mail.body);
    const accepted = await choosePassword(ctx, path, 'sofie chooses a sentence');
    assert.equal(accepted.status, 303);
    const again = await choosePassword(ctx, path, 'another sentence here');
    assert.equal(again.status, 404);

    const sofie = await signInAgent(ctx, 'sofie@actiris.example', 'sofie chooses a sentence');
    assert.match((await sofie.get('/nl/staff')).text, /Helpdeskvragen/);
    const audit = await ctx.db('audit_log').where({ event: 'user.invited' });
    assert.equal(audit.length, 1);
  });

  it('lets an invitation expire after 72 hours', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    const token = await tokenFor(agent, '/fr/staff/users/new');
    await agent
      .post('/fr/staff/users/new')
      .type('form')
      .send({
        _csrf: token,
        name: 'Luc Dubois',
        email: 'luc@innoviris.example',
        roles: ['facilitator'],
        org: 'innoviris',
        lang: 'fr',
      });
    const path = linkPath((await lastMailTo(ctx, 'luc@innoviris.example')).body);
    clock.advance(73 * 3600_000);
    assert.equal((await choosePassword(ctx, path, 'luc chooses a sentence')).status, 404);
  });

  it('refuses an invitation form with errors and keeps what was typed', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    const token = await tokenFor(agent, '/nl/staff/users/new');
    const res = await agent
      .post('/nl/staff/users/new')
      .type('form')
      .send({ _csrf: token, name: 'Ann', email: 'not-an-email', roles: ['facilitator'] });
    assert.equal(res.status, 422);
    assert.match(res.text, /E-mailadres: geef een geldig e-mailadres op/);
    assert.match(res.text, /Een facilitator hoort bij een organisatie/);
    assert.match(res.text, /value="Ann"/);
  });
});
