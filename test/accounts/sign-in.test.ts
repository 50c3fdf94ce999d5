import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('helpdesk.sid='))?.split(';')[0];
}

describe('staff sign-in and sign-out', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  it('signs a staff member in and shows the staff area', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const agent = await signInAgent(ctx, user.email, user.password);
    const res = await agent.get('/nl/staff');
    assert.equal(res.status, 200);
    assert.match(res.text, /Clausules beheren/);
  });

  it('gives a new session id at sign-in', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const agent = request.agent(ctx.app);
    const clausePage = await agent.get('/fr/clauses/SOC-CLEAN-001');
    const added = await agent
      .post('/fr/tender/selection')
      .type('form')
      .send({ _csrf: csrfFrom(clausePage.text), clause: 'SOC-CLEAN-001' });
    const before = sessionCookie(added)!;
    assert.ok(before, 'an anonymous session exists (it holds the tender selection)');
    const page = await agent.get('/fr/signin');
    const res = await agent
      .post('/fr/signin')
      .type('form')
      .send({ email: user.email, password: user.password, _csrf: csrfFrom(page.text) });
    assert.equal(res.status, 303);
    const after = sessionCookie(res)!;
    assert.ok(after);
    assert.notEqual(after, before);
    const old = await request(ctx.app).get('/fr/staff').set('Cookie', before);
    assert.equal(old.status, 303, 'the pre-sign-in session id must not be signed in');
  });

  it('shows a form to an anonymous visitor without storing a session', async () => {
    const [{ n: before }] = await ctx.db('sessions').count({ n: '*' });
    const page = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001');
    assert.match(page.text, /name="_csrf" value="[^"]+"/);
    assert.doesNotMatch(String(page.headers['set-cookie']), /helpdesk\.sid=/);
    const [{ n: after }] = await ctx.db('sessions').count({ n: '*' });
    assert.equal(Number(after), Number(before));
  });

  it('refuses a token issued to another visitor or before sign-in', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const stranger = await request(ctx.app).get('/nl/signin');
    const agent = await signInAgent(ctx, user.email, user.password);
    const forged = await agent
      .post('/nl/staff/profile')
      .type('form')
      .send({ _csrf: csrfFrom(stranger.text), current: user.password });
    assert.equal(forged.status, 403);
  });

  it('refuses a wrong password with a message in the page language', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const agent = request.agent(ctx.app);
    const page = await agent.get('/fr/signin');
    const res = await agent
      .post('/fr/signin')
      .type('form')
      .send({ email: user.email, password: 'not the password at all', _csrf: csrfFrom(page.text) });
    assert.equal(res.status, 401);
    assert.match(res.text, /Cette adresse e-mail et ce mot de passe ne correspondent pas/);
    assert.match(res.text, new RegExp(`value="${user.email}"`), 'the e-mail typed is kept');
  });

  it('makes the session cookie useless after sign-out', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const agent = await signInAgent(ctx, user.email, user.password);
    const staffPage = await agent.get('/nl/staff');
    const cookie = staffPage.request.cookies;
    const token = csrfFrom(staffPage.text);
    const out = await agent.post('/nl/signout').type('form').send({ _csrf: token });
    assert.equal(out.status, 303);
    const replay = await request(ctx.app).get('/nl/staff/users').set('Cookie', cookie);
    assert.equal(replay.status, 303);
    assert.match(replay.headers.location, /^\/nl\/signin/);
  });

  it('sends anonymous visitors of a staff page to sign-in and back after', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const res = await request(ctx.app).get('/nl/staff/users');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/nl/signin?next=%2Fnl%2Fstaff%2Fusers');
    const agent = request.agent(ctx.app);
    const page = await agent.get(res.headers.location);
    const signedIn = await agent
      .post('/nl/signin')
      .type('form')
      .send({ email: user.email, password: user.password, next: '/nl/staff/users', _csrf: csrfFrom(page.text) });
    assert.equal(signedIn.headers.location, '/nl/staff/users');
  });

  it('refuses a POST without the _csrf field with 403', async () => {
    const user = await createUser(ctx, { roles: ['coordinator'] });
    const agent = await signInAgent(ctx, user.email, user.password);
    const res = await agent
      .post('/nl/staff/profile')
      .type('form')
      .send({ current: user.password, password: 'another fine password', confirmation: 'another fine password' });
    assert.equal(res.status, 403);
    assert.match(res.text, /Het formulier is verlopen of ongeldig/);
    const wrong = await agent.post('/nl/staff/profile').type('form').send({ _csrf: 'forged', current: user.password });
    assert.equal(wrong.status, 403);
  });

  it('changes the password on the profile page and ends other sessions', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const first = await signInAgent(ctx, user.email, user.password);
    const second = await signInAgent(ctx, user.email, user.password);
    const token = await tokenFor(first, '/nl/staff/profile');
    const res = await first.post('/nl/staff/profile').type('form').send({
      _csrf: token,
      current: user.password,
      password: 'a brand new sentence 7',
      confirmation: 'a brand new sentence 7',
    });
    assert.equal(res.status, 303);
    assert.equal((await first.get('/nl/staff')).status, 200, 'the session that changed it continues');
    assert.equal((await second.get('/nl/staff')).status, 303, 'other sessions end');
  });

  it('keeps the profile form values and explains each problem', async () => {
    const user = await createUser(ctx, { roles: ['editor'] });
    const agent = await signInAgent(ctx, user.email, user.password);
    const token = await tokenFor(agent, '/fr/staff/profile');
    const res = await agent
      .post('/fr/staff/profile')
      .type('form')
      .send({ _csrf: token, current: 'wrong', password: 'password1', confirmation: 'different' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Le mot de passe actuel n&#x27;est pas correct|Le mot de passe actuel n'est pas correct/);
    assert.match(res.text, /figure dans des listes de mots de passe divulgués/);
    assert.match(res.text, /Les deux mots de passe ne sont pas identiques/);
  });
});
