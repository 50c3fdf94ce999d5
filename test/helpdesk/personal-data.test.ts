import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { TestClock } from '../support/clock';
import { createUser, csrfFrom, currentUserOf, signInAgent, tokenFor } from '../support/accounts';
import { askViaApi } from '../support/helpdesk';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('personal data in tickets', () => {
  let ctx: TestContext;
  const clock = new TestClock('2024-01-10T09:00:00Z');
  let coordinatorLogin: { email: string; password: string };
  let facilitatorLogin: { id: number; email: string; password: string };

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0', TICKET_RETENTION_MONTHS: '24' }, clock);
    coordinatorLogin = await createUser(ctx, { roles: ['coordinator'], org: 'coordination_cell' });
    facilitatorLogin = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
  });
  after(async () => ctx.close());

  // The test clock jumps years, beyond any session's lifetime: each step signs in afresh.
  const coordinator = () => signInAgent(ctx, coordinatorLogin.email, coordinatorLogin.password);
  const facilitator = () => signInAgent(ctx, facilitatorLogin.email, facilitatorLogin.password);

  const closeTicket = async (id: number) => {
    const agent = await facilitator();
    const token = await tokenFor(agent, `/nl/staff/tickets/${id}`);
    await agent
      .post(`/nl/staff/tickets/${id}/reply`)
      .type('form')
      .send({ _csrf: token, body: 'Antwoord van de helpdesk.' });
    const again = await tokenFor(agent, `/nl/staff/tickets/${id}`);
    await agent.post(`/nl/staff/tickets/${id}/status`).type('form').send({ _csrf: again, status: 'closed' });
  };

  it('anonymises requesters of tickets closed longer than the retention period, keeping question and answer, once', async () => {
    const old = await askViaApi(ctx, { email: 'old@example.org', name: 'Oude Aanvrager' });
    await closeTicket(old.id);
    clock.set('2025-06-01T09:00:00Z');
    const recent = await askViaApi(ctx, { email: 'recent@example.org' });
    await closeTicket(recent.id);
    const open = await askViaApi(ctx, { email: 'open@example.org' });
    clock.set('2026-02-01T09:00:00Z');

    const first = await ctx.deps.privacy.applyRetention(24);
    assert.equal(first, 1);
    const anonymised = await ctx.db('tickets').where({ id: old.id }).first();
    assert.equal(anonymised.requester_name, null);
    assert.equal(anonymised.requester_email, null);
    assert.equal(anonymised.requester_org, null);
    assert.ok(anonymised.anonymised_at);
    assert.match(anonymised.question, /percentage opleidingsuren/);
    assert.equal(
      (await ctx.db('ticket_messages').where({ ticket_id: old.id, kind: 'public_reply' })).length,
      1,
      'the answer is kept',
    );
    assert.equal((await request(ctx.app).get(`/nl/helpdesk/track/${old.token}`)).status, 404, 'tracking links end');
    assert.equal((await ctx.db('tickets').where({ id: recent.id }).first()).requester_email, 'recent@example.org');
    assert.equal((await ctx.db('tickets').where({ id: open.id }).first()).requester_email, 'open@example.org');

    const snapshot = JSON.stringify(await ctx.db('tickets').orderBy('id'));
    assert.equal(await ctx.deps.privacy.applyRetention(24), 0);
    assert.equal(JSON.stringify(await ctx.db('tickets').orderBy('id')), snapshot, 'a second run changes nothing');
  });

  it('leaves nothing of the requester in any table after retention (outbox e-mails included)', async () => {
    clock.set('2026-03-01T09:00:00Z');
    const who = { email: 'vergeten@example.org', name: 'Vera Vergeten', organisation: 'OCMW Vorst-Zuid' };
    const t = await askViaApi(ctx, who);
    // A file on the question that names the requester, in its name and in its content.
    await ctx.deps.attachments.add(
      ctx.db,
      t.id,
      null,
      [
        {
          filename: `${who.name}.pdf`,
          mediaType: 'application/pdf',
          content: Buffer.from(`%PDF-1.4 ${who.organisation}`),
        },
      ],
      clock.now(),
    );
    await closeTicket(t.id);
    assert.ok((await ctx.db('mail_outbox').where({ recipient: who.email })).length >= 2, 'confirmation and reply');
    clock.set('2028-04-01T09:00:00Z');
    assert.ok((await ctx.deps.privacy.applyRetention(24)) >= 1);
    const tables =
      ctx.db.client.config.client === 'pg'
        ? (
            await ctx.db.raw(
              "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
            )
          ).rows
        : await ctx.db.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
    const found: string[] = [];
    for (const { name } of tables as { name: string }[]) {
      // File contents (blobs) are read as text, so a name inside a file is found too.
      const rows = JSON.stringify(await ctx.db(name).select(), (_key, value: unknown) =>
        value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
          ? Buffer.from((value as { data: number[] }).data).toString('latin1')
          : value,
      ).toLowerCase();
      for (const value of Object.values(who)) if (rows.includes(value.toLowerCase())) found.push(`${name}: ${value}`);
    }
    assert.deepEqual(found, []);
    assert.equal((await ctx.db('ticket_attachments').where({ ticket_id: t.id })).length, 0, 'files removed');
  });

  it('npm run helpdesk:retention runs the same job from the command line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/helpdesk-retention.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: ctx.config.database.url },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /ticket\(s\) closed more than 24 months ago anonymised/);
  });

  it('exports everything held about an e-mail address as JSON (coordinators only)', async () => {
    const t = await askViaApi(ctx, { email: 'Subject@Example.org', name: 'Sara Subject', theme: 'social' });
    await ctx.deps.attachments.add(
      ctx.db,
      t.id,
      null,
      [{ filename: 'bestek.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 bestek') }],
      clock.now(),
    );
    await closeTicket(t.id);
    await ctx.deps.tickets.note(
      t.id,
      await currentUserOf(ctx, facilitatorLogin.id),
      'Mevrouw Subject belde: zij wil vooral de lotenverdeling laten nalezen.',
    );
    const admin = await coordinator();
    const page = await admin.get('/fr/staff/privacy');
    const res = await admin
      .post('/fr/staff/privacy')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: 'subject@example.org', action: 'export' });
    assert.equal(res.status, 200);
    assert.match(res.headers['content-disposition'], /data-export\.json/);
    assert.equal(res.body.email, 'subject@example.org');
    assert.equal(res.body.tickets.length, 1);
    assert.equal(res.body.tickets[0].requester.name, 'Sara Subject');
    assert.ok(res.body.tickets[0].messages.some((m: { body: string }) => m.body === 'Antwoord van de helpdesk.'));
    assert.deepEqual(
      res.body.tickets[0].messages
        .filter((m: { kind: string }) => m.kind === 'internal_note')
        .map((m: { body: string }) => m.body),
      ['Mevrouw Subject belde: zij wil vooral de lotenverdeling laten nalezen.'],
      'internal notes about the person are part of the export',
    );
    assert.ok(res.body.emails.length >= 2, 'confirmation and reply e-mails');
    assert.deepEqual(res.body.tickets[0].attachments, [
      {
        filename: 'bestek.pdf',
        size: 15,
        mediaType: 'application/pdf',
        sentWith: 'question',
        at: clock.now().toISOString(),
      },
    ]);
    assert.equal((await (await facilitator()).get('/fr/staff/privacy')).status, 403);
    assert.equal((await ctx.db('audit_log').where({ event: 'data_subject.exported' })).length, 1);
  });

  it('erases an address on request: tickets anonymised, e-mails removed, audit kept', async () => {
    const t = await askViaApi(ctx, { email: 'erase-me@example.org', name: 'Eva Erase' });
    await ctx.deps.attachments.add(
      ctx.db,
      t.id,
      null,
      [{ filename: 'cv.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4 Eva Erase') }],
      clock.now(),
    );
    const admin = await coordinator();
    const page = await admin.get('/nl/staff/privacy');
    const unconfirmed = await admin
      .post('/nl/staff/privacy')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: 'erase-me@example.org', action: 'erase' });
    assert.equal(unconfirmed.status, 409);
    const res = await admin
      .post('/nl/staff/privacy')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: 'erase-me@example.org', action: 'erase', confirm: 'yes' });
    assert.equal(res.status, 303);
    const row = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(row.requester_email, null);
    assert.equal(row.requester_name, null);
    assert.equal((await ctx.db('mail_outbox').where({ recipient: 'erase-me@example.org' })).length, 0);
    assert.equal((await ctx.db('ticket_attachments').where({ ticket_id: t.id })).length, 0, 'files removed');
    assert.equal((await ctx.db('audit_log').where({ event: 'data_subject.erased' })).length, 1);
    assert.doesNotMatch(
      JSON.stringify(await ctx.db('audit_log')),
      /erase-me@example\.org/,
      'the audit log does not keep the address',
    );
  });
});
