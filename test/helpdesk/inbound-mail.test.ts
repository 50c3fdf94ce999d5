import assert from 'node:assert/strict';
import nodemailer, { type Transporter } from 'nodemailer';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, signInAgent } from '../support/accounts';
import { answeredTicket, askViaApi } from '../support/helpdesk';
import { EXE, PDF, pdfOfSize } from '../support/attachments';
import { createLogger } from '../../server/http/logger';
import { inboundMailFor, type InboundMailListener } from '../../server/helpdesk/inbound-mail';
import { withoutQuotedHistory } from '../../server/helpdesk/quoted-history';

const DOMAIN = 'antwoord.helpdesk.example';
const MAX_BYTES = 400_000;

type Outbox = { extras: string | null; subject: string; recipient: string }[];
const replyToOf = (row: Outbox[number] | undefined): string | undefined =>
  row?.extras ? (JSON.parse(row.extras) as { headers: Record<string, string> }).headers['Reply-To'] : undefined;

describe('e-mail replies thread back into tickets', () => {
  let ctx: TestContext;
  let listener: InboundMailListener;
  let facilitator: request.Agent;
  let transport: Transporter;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0', INBOUND_EMAIL_DOMAIN: DOMAIN });
    const login = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    facilitator = await signInAgent(ctx, login.email, login.password);
    listener = await inboundMailFor(ctx.deps, {
      host: '127.0.0.1',
      port: 0,
      maxBytes: MAX_BYTES,
      logger: createLogger('silent'),
    }).listen();
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  });
  after(async () => {
    transport.close();
    await listener.close();
    await ctx.close();
  });

  const outboxFor = async (email: string) =>
    (await ctx.db('mail_outbox').where({ recipient: email }).orderBy('id')) as Outbox;

  it('puts a reply address on the acknowledgement and on every reply e-mail, a new one each time', async () => {
    const email = 'reply-to@gemeente.example';
    await answeredTicket(ctx, facilitator, { theme: 'social', email });
    const mails = await outboxFor(email);
    assert.equal(mails.length, 2, 'acknowledgement and reply');
    const addresses = mails.map(replyToOf);
    for (const address of addresses) assert.match(String(address), new RegExp(`^helpdesk\\+[0-9a-f]{40}@${DOMAIN}$`));
    assert.notEqual(addresses[0], addresses[1]);
  });

  it('adds a reply to its ticket without the quoted history, keeping an accepted file and dropping an executable', async () => {
    const email = 'antwoord@gemeente.example';
    const t = await answeredTicket(ctx, facilitator, { theme: 'social', email });
    const replyTo = replyToOf((await outboxFor(email)).at(-1))!;
    await transport.sendMail({
      from: email,
      to: replyTo,
      subject: 'Re: uw vraag',
      text: [
        'Dank u, hierbij het bestek.',
        '',
        'Op ma 7 dec. 2026 om 10:00 schreef Helpdesk <helpdesk@example.brussels>:',
        '> Ja, dat kan.',
        '> Met vriendelijke groet',
      ].join('\n'),
      attachments: [
        { filename: 'bestek.pdf', content: PDF },
        { filename: 'factuur.pdf', content: EXE },
      ],
    });
    const messages = await ctx.db('ticket_messages').where({ ticket_id: t.id, kind: 'requester' });
    assert.deepEqual(
      messages.map((m: { body: string }) => m.body),
      ['Dank u, hierbij het bestek.'],
    );
    const files = await ctx.db('ticket_attachments').where({ ticket_id: t.id });
    assert.deepEqual(
      files.map((f: { filename: string; message_id: number }) => [f.filename, f.message_id]),
      [['bestek.pdf', messages[0].id]],
    );
    const ticket = await ctx.db('tickets').where({ id: t.id }).first();
    assert.equal(ticket.status, 'open', 'answered → open, as a tracking-page reply does');
    assert.ok(
      (await ctx.db('ticket_events').where({ ticket_id: t.id, field: 'status', new_value: 'open' })).length > 0,
      'the status change is in the history',
    );
  });

  it('refuses an unknown reply token at RCPT with 550', async () => {
    await assert.rejects(
      transport.sendMail({ from: 'x@example.org', to: `helpdesk+${'0'.repeat(40)}@${DOMAIN}`, text: 'Hallo daar' }),
      (err: { responseCode?: number }) => err.responseCode === 550,
    );
    await assert.rejects(
      transport.sendMail({ from: 'x@example.org', to: `someone@${DOMAIN}`, text: 'Hallo daar' }),
      (err: { responseCode?: number }) => err.responseCode === 550,
    );
  });

  it('refuses a message over the size limit with 552 and a message with no sender with a 5xx', async () => {
    const email = 'groot@gemeente.example';
    const t = await askViaApi(ctx, { email });
    const replyTo = replyToOf((await outboxFor(email))[0])!;
    await assert.rejects(
      transport.sendMail({
        from: email,
        to: replyTo,
        text: 'Een groot bestand',
        attachments: [{ filename: 'groot.pdf', content: pdfOfSize(MAX_BYTES) }],
      }),
      (err: { responseCode?: number }) => err.responseCode === 552,
    );
    await assert.rejects(
      transport.sendMail({
        envelope: { from: email, to: [replyTo] },
        raw: 'Subject: zonder afzender\r\n\r\nHallo helpdesk\r\n',
      }),
      (err: { responseCode?: number }) => (err.responseCode ?? 0) >= 500,
    );
    assert.equal((await ctx.db('ticket_messages').where({ ticket_id: t.id })).length, 0, 'nothing was added');
  });

  it('reopens a closed ticket as the tracking page does, and tells the handlers', async () => {
    const email = 'heropen@gemeente.example';
    const t = await answeredTicket(ctx, facilitator, { theme: 'social', email });
    await ctx.db('tickets').where({ id: t.id }).update({ status: 'closed' });
    const before = (await ctx.db('mail_outbox')).length;
    await transport.sendMail({ from: email, to: replyToOf((await outboxFor(email))[0])!, text: 'Nog een vraag.' });
    assert.equal((await ctx.db('tickets').where({ id: t.id }).first()).status, 'open');
    assert.ok((await ctx.db('mail_outbox')).length > before, 'the handlers were e-mailed');
  });
});

describe('reply addresses without an inbound domain', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
  });
  after(async () => ctx.close());

  it('sends the acknowledgement without Reply-To and makes no reply token', async () => {
    const t = await askViaApi(ctx, { email: 'zonder@gemeente.example' });
    const [mail] = (await ctx.db('mail_outbox').where({ recipient: 'zonder@gemeente.example' })) as Outbox;
    assert.equal(replyToOf(mail), undefined);
    assert.equal((await ctx.db('ticket_reply_tokens').where({ ticket_id: t.id })).length, 0);
  });
});

describe('quoted history in e-mail replies', () => {
  const cases: [string, string][] = [
    ['Merci.\n\nLe lun. 7 déc. 2026 à 10:00, Helpdesk <h@example.be> a écrit :\n> Oui.', 'Merci.'],
    ['Thanks.\n\nOn Mon, 7 Dec 2026 at 10:00, Helpdesk <h@example.be>\nwrote:\n> Yes.', 'Thanks.'],
    ['Graag.\n-----Original Message-----\nFrom: Helpdesk\nJa.', 'Graag.'],
    ['Prima.\n\nVan: Helpdesk <h@example.be>\nVerzonden: maandag\nOnderwerp: Re', 'Prima.'],
    ['Eerste regel.\n> geciteerd\nTweede regel.', 'Eerste regel.\nTweede regel.'],
  ];
  for (const [mail, expected] of cases)
    it(`keeps only the new text of ${JSON.stringify(mail.slice(0, 24))}`, () => {
      assert.equal(withoutQuotedHistory(mail), expected);
    });
});
