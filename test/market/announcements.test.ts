import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { announcementForm, linkIn, mailsTo, postForm } from '../support/market';

describe('market: planned procurements', () => {
  let ctx: TestContext;
  let actiris: { email: string; password: string };
  let innoviris: { email: string; password: string };

  before(async () => {
    ctx = await createTestContext();
    actiris = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    innoviris = await createUser(ctx, { roles: ['facilitator'], org: 'innoviris' });
  });
  after(async () => ctx.close());

  const announce = async (overrides: Record<string, string> = {}) => {
    const form = announcementForm(overrides);
    const res = await postForm(ctx, '/nl/market/announce', '/nl/market/announce', form);
    assert.equal(res.status, 200, res.text.slice(0, 500));
    const row = await ctx.db('market_announcements').where({ title: form.title }).first();
    return { form, id: Number(row.id) };
  };

  const review = async (login: { email: string; password: string }, id: number, action: string, reason = '') => {
    const agent = await signInAgent(ctx, login.email, login.password);
    const token = await tokenFor(agent, '/nl/staff/market');
    return agent.post(`/nl/staff/market/${id}/review`).type('form').send({ _csrf: token, action, reason });
  };

  it('announce → confirm by e-mail → pending review → published by a facilitator of its theme, with basis clauses', async () => {
    const { form, id } = await announce();
    assert.equal((await ctx.db('market_announcements').where({ id }).first()).status, 'unconfirmed');
    assert.equal((await request(ctx.app).get(`/nl/market/${id}`)).status, 404, 'not public before review');

    const confirm = await linkIn(ctx, form.submitterEmail, /\/market\/announce\/confirm\//);
    const confirmed = await request(ctx.app).get(confirm);
    assert.equal(confirmed.status, 200);
    assert.equal((await ctx.db('market_announcements').where({ id }).first()).status, 'pending_review');
    assert.equal((await request(ctx.app).get(confirm)).status, 200, 'clicking twice is harmless');
    const told = (await mailsTo(ctx, actiris.email)).filter((m) => /na te kijken/.test(m.subject));
    assert.equal(told.length, 1, 'the facilitators of the theme’s organisation hear of it once');
    assert.match(told[0].body!, new RegExp(`/nl/staff/market/${id}`));
    assert.equal((await mailsTo(ctx, innoviris.email)).length, 0);

    assert.equal((await review(innoviris, id, 'publish')).status, 403, 'another organisation may not review it');
    const published = await review(actiris, id, 'publish');
    assert.equal(published.status, 303);

    const page = await request(ctx.app).get(`/nl/market/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Gemeente Evere/);
    assert.match(page.text, /aankoop@evere\.example/);
    assert.match(page.text, /SOC-CLEAN-001/, 'the category’s basis clauses are shown');
    assert.doesNotMatch(page.text, new RegExp(form.submitterEmail), 'the submitter’s address is never public');
    const fr = await request(ctx.app).get(`/fr/market/${id}`);
    assert.match(fr.text, /Pouvoir adjudicateur/);

    const list = await request(ctx.app).get('/nl/market?category=cleaning&cpv=9091&quarter=2027-Q2');
    assert.match(list.text, new RegExp(form.title));
    const other = await request(ctx.app).get('/nl/market?category=catering');
    assert.doesNotMatch(other.text, new RegExp(form.title));

    const mails = await mailsTo(ctx, form.submitterEmail);
    assert.equal(mails.length, 2, 'a confirmation request, then the publication notice');
    assert.match(mails[1].subject, /gepubliceerd/);
  });

  it('asks for a change: the buyer gets the reason and a private link, edits, and it goes back to review', async () => {
    const { form, id } = await announce({ theme: '' }); // no theme: the coordination cell reviews it
    await request(ctx.app).get(await linkIn(ctx, form.submitterEmail, /\/market\/announce\/confirm\//));
    const coordinator = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    assert.equal((await review(actiris, id, 'request_change', 'Te vaag')).status, 403);
    const noReason = await review(coordinator, id, 'request_change', '');
    assert.equal(noReason.status, 422);
    assert.match(noReason.text, /Geef een reden/);
    assert.equal((await review(coordinator, id, 'request_change', 'Vermeld het aantal gebouwen.')).status, 303);

    const mails = await mailsTo(ctx, form.submitterEmail);
    assert.match(mails.at(-1)!.body!, /Vermeld het aantal gebouwen\./);
    const edit = await linkIn(ctx, form.submitterEmail, /\/market\/announce\/edit\//);
    const editPage = await request(ctx.app).get(edit);
    assert.equal(editPage.status, 200);
    assert.match(editPage.text, /Vermeld het aantal gebouwen/);

    const bad = await postForm(ctx, edit, edit, { ...form, quarter: 'soon' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /2027-Q1/);
    const ok = await postForm(ctx, edit, edit, { ...form, title: `${form.title} (12 gebouwen)` });
    assert.equal(ok.status, 200);
    const row = await ctx.db('market_announcements').where({ id }).first();
    assert.equal(row.status, 'pending_review');
    assert.match(row.title, /12 gebouwen/);
    assert.equal((await request(ctx.app).get(edit)).status, 404, 'the edit link works once');
  });

  it('refuses with a reason e-mailed in the buyer’s language; withdraws and marks as notice later', async () => {
    const refusedOne = announcementForm({ description_nl: '', description_fr: 'Nettoyage de dix bâtiments.' });
    const res = await postForm(ctx, '/fr/market/announce', '/fr/market/announce', refusedOne);
    assert.equal(res.status, 200);
    const id = Number((await ctx.db('market_announcements').where({ title: refusedOne.title }).first()).id);
    await request(ctx.app).get(await linkIn(ctx, refusedOne.submitterEmail, /\/market\/announce\/confirm\//));
    assert.equal((await review(actiris, id, 'refuse', 'Ce marché est déjà attribué.')).status, 303);
    const mail = (await mailsTo(ctx, refusedOne.submitterEmail)).at(-1)!;
    assert.equal(mail.lang, 'fr');
    assert.match(mail.subject, /Annonce non publiée/);
    assert.match(mail.body!, /déjà attribué/);
    assert.equal((await request(ctx.app).get(`/fr/market/${id}`)).status, 404);

    const { form, id: second } = await announce();
    await request(ctx.app).get(await linkIn(ctx, form.submitterEmail, /\/market\/announce\/confirm\//));
    await review(actiris, second, 'publish');
    assert.equal((await review(actiris, second, 'mark_noticed')).status, 303);
    const noticed = await request(ctx.app).get(`/nl/market/${second}`);
    assert.match(noticed.text, /Gepubliceerd als aankondiging van opdracht/);
    assert.equal((await review(actiris, second, 'withdraw')).status, 409, 'only a published one can be withdrawn');
  });

  it('re-renders the form with every problem named and the text kept, never a 500', async () => {
    const res = await postForm(ctx, '/nl/market/announce', '/nl/market/announce', {
      ...announcementForm(),
      title: '',
      cpv: '123',
      description_nl: '',
      submitterEmail: 'not-an-address',
      authority: 'Gemeente Schaarbeek',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /Gemeente Schaarbeek/);
    assert.match(res.text, /acht cijfers/);
    assert.match(res.text, /Beschrijf de opdracht/);
    assert.match(res.text, /href="#field-submitterEmail"/);
  });

  it('lists the staff queue for the announcement’s organisation only', async () => {
    const { form } = await announce();
    await request(ctx.app).get(await linkIn(ctx, form.submitterEmail, /\/market\/announce\/confirm\//));
    const own = await (await signInAgent(ctx, actiris.email, actiris.password)).get('/nl/staff/market');
    assert.match(own.text, new RegExp(form.title));
    const other = await (await signInAgent(ctx, innoviris.email, innoviris.password)).get('/fr/staff/market');
    assert.equal(other.status, 200);
    assert.doesNotMatch(other.text, new RegExp(form.title));
  });
});
