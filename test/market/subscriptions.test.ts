import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { announcementForm, linkIn, mailsTo, postForm } from '../support/market';

describe('market: firms follow categories', () => {
  let ctx: TestContext;
  const clock = new TestClock('2026-12-01T09:00:00Z');
  let facilitator: { email: string; password: string };

  before(async () => {
    ctx = await createTestContext({}, clock);
    facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
  });
  after(async () => ctx.close());

  const subscribe = async (fields: Record<string, string | string[]>, lang = 'nl') => {
    const res = await postForm(ctx, `/${lang}/market`, `/${lang}/market/subscribe`, { lang, ...fields });
    assert.equal(res.status, 200, res.text.slice(0, 300));
  };
  const confirmSubscription = async (email: string) =>
    request(ctx.app).get(await linkIn(ctx, email, /\/market\/subscribe\/confirm\//));

  const publishAnnouncement = async (overrides: Record<string, string> = {}) => {
    const form = announcementForm(overrides);
    await postForm(ctx, '/nl/market/announce', '/nl/market/announce', form);
    const id = Number((await ctx.db('market_announcements').where({ title: form.title }).first()).id);
    await request(ctx.app).get(await linkIn(ctx, form.submitterEmail, /\/market\/announce\/confirm\//));
    const agent = await signInAgent(ctx, facilitator.email, facilitator.password);
    const token = await tokenFor(agent, '/nl/staff/market');
    const res = await agent
      .post(`/nl/staff/market/${id}/review`)
      .type('form')
      .send({ _csrf: token, action: 'publish' });
    assert.equal(res.status, 303);
    return { form, id };
  };

  it('publish → confirmed subscribers mailed once, in their language, with unsubscribe link and headers; unconfirmed never', async () => {
    await subscribe({ email: 'firm.nl@example.be', categories: ['cleaning'], immediate: 'yes' });
    await subscribe({ email: 'firme.fr@example.be', categories: ['cleaning'], immediate: 'yes' }, 'fr');
    await subscribe({ email: 'unconfirmed@example.be', categories: ['cleaning'], immediate: 'yes' });
    await subscribe({ email: 'cpv.only@example.be', cpvPrefixes: '9091', isSme: 'yes', immediate: 'yes' });
    await subscribe({ email: 'catering@example.be', categories: ['catering'], immediate: 'yes' });
    for (const email of ['firm.nl@example.be', 'firme.fr@example.be', 'cpv.only@example.be', 'catering@example.be'])
      assert.equal((await confirmSubscription(email)).status, 200);

    const { form } = await publishAnnouncement();

    const nl = await mailsTo(ctx, 'firm.nl@example.be');
    assert.equal(nl.length, 2, 'the confirmation request, then one notification');
    assert.match(nl[1].body!, new RegExp(form.title));
    assert.match(nl[1].body!, /Uitschrijven met één klik: http:\/\/[^\s]+\/nl\/market\/unsubscribe\//);
    assert.match(nl[1].extras!.headers['List-Unsubscribe'], /^<http:\/\/[^>]+\/api\/v1\/market\/unsubscribe\/[^>]+>$/);
    assert.equal(nl[1].extras!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const fr = await mailsTo(ctx, 'firme.fr@example.be');
    assert.equal(fr[1].lang, 'fr');
    assert.match(fr[1].subject, /Nouveau dans les catégories/);
    assert.equal((await mailsTo(ctx, 'cpv.only@example.be')).length, 2, 'a followed CPV prefix matches');
    assert.equal((await mailsTo(ctx, 'catering@example.be')).length, 1, 'another category is not told');
    assert.equal((await mailsTo(ctx, 'unconfirmed@example.be')).length, 1, 'only the confirmation request');

    // Delivering again (on this or another instance) sends nothing more.
    assert.equal(await ctx.deps.market.notifications.deliver(), 0);
    assert.equal((await mailsTo(ctx, 'firm.nl@example.be')).length, 2);
  });

  it('one-click unsubscribe (POST without cookies) and the page link both stop further mail', async () => {
    await subscribe({ email: 'leaver@example.be', categories: ['cleaning'], immediate: 'yes' });
    await subscribe({ email: 'clicker@example.be', categories: ['cleaning'], immediate: 'yes' });
    await confirmSubscription('leaver@example.be');
    await confirmSubscription('clicker@example.be');
    await publishAnnouncement();
    const header = (await mailsTo(ctx, 'leaver@example.be')).at(-1)!.extras!.headers['List-Unsubscribe'];
    const oneClick = new URL(header.slice(1, -1)).pathname;
    const res = await request(ctx.app).post(oneClick).type('form').send('List-Unsubscribe=One-Click');
    assert.equal(res.status, 204);

    const page = await linkIn(ctx, 'clicker@example.be', /\/market\/unsubscribe\//);
    const confirmPage = await request(ctx.app).get(page);
    assert.match(confirmPage.text, /clicker@example\.be/);
    assert.equal(
      (await ctx.db('market_subscribers').where({ email: 'clicker@example.be' })).length,
      1,
      'GET changes nothing',
    );
    const done = await postForm(ctx, page, page, {});
    assert.equal(done.status, 200);
    assert.match(done.text, /uitgeschreven/);
    assert.equal(
      (await ctx.db('market_subscribers').whereIn('email', ['leaver@example.be', 'clicker@example.be'])).length,
      0,
    );
    assert.equal((await request(ctx.app).get(page)).status, 404);

    const before = (await mailsTo(ctx, 'leaver@example.be')).length + (await mailsTo(ctx, 'clicker@example.be')).length;
    await publishAnnouncement();
    const after = (await mailsTo(ctx, 'leaver@example.be')).length + (await mailsTo(ctx, 'clicker@example.be')).length;
    assert.equal(after, before, 'no mail after unsubscribing');
  });

  it('daily subscribers get one digest a day, however many items; two instances delivering at once send it once', async () => {
    await subscribe({ email: 'daily@example.be', categories: ['it'] });
    await confirmSubscription('daily@example.be');
    await publishAnnouncement({ category: 'it', cpv: '48000000' });
    assert.equal((await mailsTo(ctx, 'daily@example.be')).length, 2, 'first digest goes out at once');
    await publishAnnouncement({ category: 'it', cpv: '48000000' });
    await publishAnnouncement({ category: 'it', cpv: '48000000' });
    assert.equal((await mailsTo(ctx, 'daily@example.be')).length, 2, 'no second e-mail the same day');

    clock.advance(25 * 3600_000);
    const [a, b] = await Promise.all([
      ctx.deps.market.notifications.deliver(),
      ctx.deps.market.notifications.deliver(),
    ]);
    assert.equal(a + b, 1, 'one of the two deliveries claims the batch');
    const mails = await mailsTo(ctx, 'daily@example.be');
    assert.equal(mails.length, 3);
    assert.match(mails[2].subject, /\(2\)/, 'the two later items in one digest');
  });

  it('refuses a subscription that follows nothing, naming the problem in the page language', async () => {
    const res = await postForm(ctx, '/fr/market', '/fr/market/subscribe', { lang: 'fr', email: 'x@example.be' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Choisissez au moins une catégorie/);
    assert.match(res.text, /x@example\.be/);
  });

  it('serves an Atom feed per category with its published announcements', async () => {
    const { form } = await publishAnnouncement({ category: 'catering', cpv: '55520000' });
    const res = await request(ctx.app).get('/nl/market/feed/catering.atom');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /application\/atom\+xml/);
    assert.match(res.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(res.text, new RegExp(`<title>${form.title} \\(Gemeente Evere\\)</title>`));
    assert.equal((await request(ctx.app).get('/nl/market/feed/nothing.atom')).status, 404);
  });

  it('retention drops unconfirmed sign-ups after a week; export and erasure by a coordinator', async () => {
    await subscribe({ email: 'stale@example.be', categories: ['it'] });
    await subscribe({ email: 'kept@example.be', categories: ['it'] });
    await confirmSubscription('kept@example.be');
    clock.advance(8 * 86_400_000);
    const first = await ctx.deps.market.privacy.applyRetention(24);
    assert.ok(first.subscribers >= 1);
    assert.equal((await ctx.db('market_subscribers').where({ email: 'stale@example.be' })).length, 0);
    assert.equal((await ctx.db('market_subscribers').where({ email: 'kept@example.be' })).length, 1);
    assert.deepEqual(await ctx.deps.market.privacy.applyRetention(24), {
      announcements: 0,
      registrations: 0,
      subscribers: 0,
    });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/helpdesk-retention.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: ctx.config.database.url },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Market: 0 announcement\(s\) and 0 registration\(s\) anonymised, 0 unconfirmed/);

    const coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    const agent = await signInAgent(ctx, coordinator.email, coordinator.password);
    let token = await tokenFor(agent, '/nl/staff/market/privacy');
    const invalid = await agent
      .post('/nl/staff/market/privacy')
      .type('form')
      .send({ _csrf: token, email: 'kept-at-example', action: 'export' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.text, /kept-at-example/);
    token = await tokenFor(agent, '/nl/staff/market/privacy');
    const exported = await agent
      .post('/nl/staff/market/privacy')
      .type('form')
      .send({ _csrf: token, email: 'kept@example.be', action: 'export' });
    assert.equal(exported.status, 200);
    const data = JSON.parse(exported.text);
    assert.deepEqual(data.subscriptions[0].categories, ['it']);
    token = await tokenFor(agent, '/nl/staff/market/privacy');
    const erased = await agent
      .post('/nl/staff/market/privacy')
      .type('form')
      .send({ _csrf: token, email: 'kept@example.be', action: 'erase' });
    assert.equal(erased.status, 303);
    assert.equal((await ctx.db('market_subscribers').where({ email: 'kept@example.be' })).length, 0);
    assert.equal((await mailsTo(ctx, 'kept@example.be')).length, 0, 'the e-mails sent to it are erased too');
    const audit = await ctx.db('audit_log').where({ event: 'data_subject.erased' });
    assert.equal(audit.length, 1);
  });
});

describe('market: the public forms are rate-limited per IP', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '2' });
  });
  after(async () => ctx.close());

  it('refuses a third confirmation-sending form within the hour with 429', async () => {
    const send = (n: number) =>
      postForm(ctx, '/nl/market', '/nl/market/subscribe', {
        lang: 'nl',
        email: `burst${n}@example.be`,
        categories: ['it'],
      });
    assert.equal((await send(1)).status, 200);
    assert.equal((await send(2)).status, 200);
    const third = await send(3);
    assert.equal(third.status, 429);
    assert.equal((await mailsTo(ctx, 'burst3@example.be')).length, 0);
  });
});
