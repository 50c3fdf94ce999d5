import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { linkIn, mailsTo, postForm } from '../support/market';

const EVENT = {
  type: 'information_session',
  title_nl: 'Infosessie sociale clausules in schoonmaak',
  title_fr: 'Séance d’information sur les clauses sociales dans le nettoyage',
  description_nl: 'Hoe u de opleidingsclausule toepast.',
  description_fr: 'Comment appliquer la clause de formation.',
  date: '2027-03-30',
  startTime: '14:00',
  endTime: '16:00',
  place: 'Actiris, Brussel',
  onlineUrl: '',
  language: 'multilingual',
  category: 'cleaning',
  announcementId: '',
  capacity: '2',
};

describe('market: the agenda', () => {
  let ctx: TestContext;
  const clock = new TestClock('2027-01-10T09:00:00Z');
  let facilitator: { email: string; password: string };
  let other: { email: string; password: string };
  let eventId: number;

  before(async () => {
    ctx = await createTestContext({}, clock);
    facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    other = await createUser(ctx, { roles: ['facilitator'], org: 'innoviris' });
  });
  after(async () => ctx.close());

  const register = async (email: string, lang = 'nl') => {
    const res = await postForm(ctx, `/${lang}/agenda/${eventId}`, `/${lang}/agenda/${eventId}/register`, {
      name: `Naam ${email}`,
      email,
      organisation: 'Schoonmaak CVBA',
    });
    assert.equal(res.status, 200, res.text.slice(0, 300));
    return request(ctx.app).get(await linkIn(ctx, email, /\/agenda\/registration\/confirm\//));
  };

  it('a facilitator creates an event in Brussels time; followers of its category are told', async () => {
    await postForm(ctx, '/nl/market', '/nl/market/subscribe', {
      lang: 'nl',
      email: 'follower@example.be',
      categories: ['cleaning'],
      immediate: 'yes',
    });
    await request(ctx.app).get(await linkIn(ctx, 'follower@example.be', /\/market\/subscribe\/confirm\//));

    const agent = await signInAgent(ctx, facilitator.email, facilitator.password);
    const newToken = await tokenFor(agent, '/nl/staff/agenda/new');
    const bad = await agent
      .post('/nl/staff/agenda/new')
      .type('form')
      .send({ ...EVENT, place: '', endTime: '13:00', _csrf: newToken });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Geef een plaats of een onlinelink/);
    assert.match(bad.text, /Het einde moet na het begin liggen/);

    const res = await agent
      .post('/nl/staff/agenda/new')
      .type('form')
      .send({ ...EVENT, _csrf: newToken });
    assert.equal(res.status, 303);
    const row = await ctx.db('market_events').first();
    eventId = Number(row.id);
    assert.equal(new Date(row.starts_at).toISOString(), '2027-03-30T12:00:00.000Z', '14:00 in Brussels summer time');
    assert.equal(row.org_code, 'actiris');

    const mails = await mailsTo(ctx, 'follower@example.be');
    assert.equal(mails.length, 2);
    assert.match(mails[1].body!, /Infosessie sociale clausules/);

    const page = await request(ctx.app).get('/fr/agenda');
    assert.match(page.text, /Séance d’information sur les clauses sociales/);
    const edit = await signInAgent(ctx, other.email, other.password);
    assert.equal((await edit.get(`/nl/staff/agenda/${eventId}/edit`)).status, 403, 'only its organisation edits it');
  });

  it('registers up to capacity, then the waiting list; cancelling frees the seat for the next, who is told with an .ics', async () => {
    assert.equal((await ctx.db('market_registrations')).length, 0);
    const first = await register('one@example.be');
    assert.match(first.text, /U bent ingeschreven/);
    await register('two@example.be', 'fr');
    const third = await register('three@example.be');
    assert.match(third.text, /wachtlijst/);
    const statuses = async () =>
      Object.fromEntries(
        ((await ctx.db('market_registrations').select('email', 'status')) as { email: string; status: string }[]).map(
          (r) => [r.email, r.status],
        ),
      );
    assert.deepEqual(await statuses(), {
      'one@example.be': 'registered',
      'two@example.be': 'registered',
      'three@example.be': 'waiting',
    });

    const seat = (await mailsTo(ctx, 'two@example.be')).at(-1)!;
    assert.equal(seat.lang, 'fr');
    const ics = seat.extras!.attachments[0];
    assert.equal(ics.filename, 'event.ics');
    const vevent = new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('summary'), EVENT.title_fr);
    assert.equal((await mailsTo(ctx, 'three@example.be')).at(-1)!.extras, null, 'no invitation while waiting');

    const cancel = await linkIn(ctx, 'one@example.be', /\/agenda\/registration\/cancel\//);
    assert.equal((await request(ctx.app).get(cancel)).status, 200);
    const done = await postForm(ctx, cancel, cancel, {});
    assert.equal(done.status, 200);
    assert.deepEqual(await statuses(), {
      'one@example.be': 'cancelled',
      'two@example.be': 'registered',
      'three@example.be': 'registered',
    });
    const promoted = (await mailsTo(ctx, 'three@example.be')).at(-1)!;
    assert.match(promoted.subject, /Er is een plaats vrij/);
    assert.equal(promoted.extras!.attachments.length, 1);
    assert.match((await request(ctx.app).get(cancel)).text, /al geannuleerd/);
    await ctx.deps.market.agenda.cancel(cancel.split('/').pop()!);
    assert.equal(
      (await ctx.db('market_registrations').where({ status: 'registered' })).length,
      2,
      'cancelling twice frees nothing more',
    );
  });

  it('nobody is mailed beyond the confirmation request before confirming', async () => {
    await postForm(ctx, `/nl/agenda/${eventId}`, `/nl/agenda/${eventId}/register`, {
      name: 'Stil',
      email: 'silent@example.be',
      organisation: 'X',
    });
    const mails = await mailsTo(ctx, 'silent@example.be');
    assert.equal(mails.length, 1);
    assert.match(mails[0].subject, /Bevestig uw inschrijving/);
    assert.equal(
      (await ctx.db('market_registrations').where({ email: 'silent@example.be' }).first()).status,
      'unconfirmed',
    );
  });

  it('serves iCalendar feeds of all events and per type that ical.js reads back', async () => {
    const all = await request(ctx.app).get('/nl/agenda/calendar.ics');
    assert.equal(all.status, 200);
    assert.match(all.headers['content-type'], /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(all.text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.equal(events.length, 1);
    assert.equal(events[0].summary, EVENT.title_nl);
    assert.equal(events[0].startDate.toJSDate().toISOString(), '2027-03-30T12:00:00.000Z');
    assert.equal(events[0].location, EVENT.place);

    const training = await request(ctx.app).get('/fr/agenda/calendar/training.ics');
    assert.equal(new ICAL.Component(ICAL.parse(training.text)).getAllSubcomponents('vevent').length, 0);
    const sessions = await request(ctx.app).get('/fr/agenda/calendar/information_session.ics');
    assert.equal(new ICAL.Component(ICAL.parse(sessions.text)).getAllSubcomponents('vevent').length, 1);
    assert.equal((await request(ctx.app).get('/nl/agenda/calendar/party.ics')).status, 404);
  });

  it('shows the organisation its registrations and exports them as CSV; edits keep the UID and raise the sequence', async () => {
    const agent = await signInAgent(ctx, facilitator.email, facilitator.password);
    const list = await agent.get(`/nl/staff/agenda/${eventId}/registrations`);
    assert.equal(list.status, 200);
    assert.match(list.text, /two@example\.be/);
    const csv = await agent.get(`/nl/staff/agenda/${eventId}/registrations.csv`);
    assert.match(csv.headers['content-type'], /text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'name,email,organisation,language,status,confirmed_at');
    assert.equal(lines.length, 3, 'the two with a seat (cancelled and unconfirmed ones are not listed)');
    const otherAgent = await signInAgent(ctx, other.email, other.password);
    assert.equal((await otherAgent.get(`/nl/staff/agenda/${eventId}/registrations.csv`)).status, 403);

    const form = await agent.get(`/nl/staff/agenda/${eventId}/edit`);
    assert.match(form.text, /value="14:00"/, 'the form shows Brussels time');
    const editToken = await tokenFor(agent, `/nl/staff/agenda/${eventId}/edit`);
    const saved = await agent
      .post(`/nl/staff/agenda/${eventId}/edit`)
      .type('form')
      .send({ ...EVENT, startTime: '15:00', endTime: '17:00', _csrf: editToken });
    assert.equal(saved.status, 303);
    const feed = new ICAL.Component(ICAL.parse((await request(ctx.app).get('/nl/agenda/calendar.ics')).text));
    const vevent = feed.getFirstSubcomponent('vevent')!;
    assert.match(String(vevent.getFirstPropertyValue('uid')), new RegExp(`^market-event-${eventId}@`));
    assert.equal(Number(vevent.getFirstPropertyValue('sequence')), 1);
  });

  it('anonymises the registrants of events ended longer than the retention period ago, once', async () => {
    clock.set('2029-06-01T09:00:00Z');
    const first = await ctx.deps.market.privacy.applyRetention(24);
    assert.ok(first.registrations >= 3);
    const rows = await ctx.db('market_registrations').where({ event_id: eventId });
    assert.ok(rows.every((r) => r.email === null && r.name === null && r.organisation === null && r.anonymised_at));
    assert.equal((await ctx.deps.market.privacy.applyRetention(24)).registrations, 0, 'a second run changes nothing');
  });
});
