import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, csrfFrom, signInAgent, tokenFor } from '../support/accounts';
import { askViaApi, QUESTION } from '../support/helpdesk';
import { docx, EXE, JPEG, odt, PDF, pdfOfSize, PNG, xlsx } from '../support/attachments';

const MAX_BYTES = 2 ** 20;

describe('attachments on helpdesk tickets', () => {
  let ctx: TestContext;
  let facilitator: request.Agent;
  let otherFacilitator: request.Agent;

  before(async () => {
    ctx = await createTestContext({
      TICKET_RATE_LIMIT: '0',
      REPLY_RATE_LIMIT: '0',
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
      ATTACHMENT_MAX_FILES: '3',
    });
    const mine = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const other = await createUser(ctx, { roles: ['facilitator'], org: 'innoviris' });
    facilitator = await signInAgent(ctx, mine.email, mine.password);
    otherFacilitator = await signInAgent(ctx, other.email, other.password);
  });
  after(async () => ctx.close());

  /** Posts the public question form (multipart) with the given files; the ticket goes to Actiris (social). */
  async function ask(files: [string, Buffer][], lang = 'nl', question = QUESTION.question) {
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/${lang}/helpdesk`);
    let post = agent
      .post(`/${lang}/helpdesk`)
      .field('_csrf', csrfFrom(page.text))
      .field('question', question)
      .field('theme', 'social')
      .field('name', QUESTION.name)
      .field('email', QUESTION.email)
      .field('organisation', QUESTION.organisation)
      .field('privacy', 'yes');
    for (const [name, content] of files) post = post.attach('attachments', content, name);
    const res = await post;
    const token = res.status === 303 ? String(res.headers.location).split('/').pop()! : '';
    return { res, token, agent };
  }

  const ticketOf = async (token: string) => {
    const page = await request(ctx.app).get(`/nl/helpdesk/track/${token}`);
    const reference = /HD-\d{4}-\d{5}/.exec(page.text)![0];
    return (await ctx.db('tickets').where({ reference }).first()) as { id: number };
  };
  const filesOf = (ticketId: number) => ctx.db('ticket_attachments').where({ ticket_id: ticketId }).orderBy('id');
  const downloadLinks = (html: string) => [...html.matchAll(/href="([^"]+\/attachments\/\d+)"/g)].map((m) => m[1]);

  it('accepts PDF, PNG, JPEG, DOCX, XLSX and ODT on the question, by their content', async () => {
    const first = await ask([
      ['bestek.pdf', PDF],
      ['foto.png', PNG],
      ['scan.jpeg', JPEG],
    ]);
    assert.equal(first.res.status, 303, first.res.text.slice(0, 500));
    const second = await ask([
      ['bestek.docx', await docx()],
      ['prijzen.xlsx', await xlsx()],
      ['nota.odt', await odt()],
    ]);
    assert.equal(second.res.status, 303, second.res.text.slice(0, 500));
    const types = [
      ...(await filesOf((await ticketOf(first.token)).id)),
      ...(await filesOf((await ticketOf(second.token)).id)),
    ].map((f: { filename: string; media_type: string; message_id: number | null }) => {
      assert.equal(f.message_id, null, 'attached to the question');
      return `${f.filename} ${f.media_type}`;
    });
    assert.deepEqual(types, [
      'bestek.pdf application/pdf',
      'foto.png image/png',
      'scan.jpeg image/jpeg',
      'bestek.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'prijzen.xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'nota.odt application/vnd.oasis.opendocument.text',
    ]);
  });

  it('refuses an executable named .pdf with a message naming it, keeping every typed field (422)', async () => {
    const before = await ctx.db('tickets').count({ n: '*' }).first();
    const { res } = await ask([['offerte.pdf', EXE]], 'nl', 'Mag ik een offerte als bijlage meesturen?');
    assert.equal(res.status, 422);
    assert.match(res.text, /offerte\.pdf: dit soort bestand wordt niet aanvaard/);
    assert.match(res.text, />Mag ik een offerte als bijlage meesturen\?<\/textarea>/);
    assert.match(res.text, new RegExp(`value="${QUESTION.organisation}"`));
    assert.match(res.text, /Kies de bestanden opnieuw/);
    assert.deepEqual(await ctx.db('tickets').count({ n: '*' }).first(), before, 'no ticket made');
  });

  it('refuses too many files and a file over the size limit, in French, naming each', async () => {
    const many = await ask(
      [
        ['a.pdf', PDF],
        ['b.pdf', PDF],
        ['c.pdf', PDF],
        ['d.pdf', PDF],
      ],
      'fr',
    );
    assert.equal(many.res.status, 422);
    assert.match(many.res.text, /d\.pdf\s: trop de fichiers \(au plus 3 par message\)/);
    const big = await ask([['grand.pdf', pdfOfSize(MAX_BYTES + 1)]], 'fr');
    assert.equal(big.res.status, 422);
    assert.match(big.res.text, /grand\.pdf\s: le fichier dépasse 1 Mo/);
  });

  it('answers 413 with a page in the visitor’s language when the whole upload is over the body limit', async () => {
    const nl = await ask([['enorm.pdf', pdfOfSize(3 * MAX_BYTES + 400_000)]], 'nl');
    assert.equal(nl.res.status, 413);
    assert.match(nl.res.text, /Wat u verstuurde is te groot/);
    const fr = await ask([['enorme.pdf', pdfOfSize(3 * MAX_BYTES + 400_000)]], 'fr');
    assert.equal(fr.res.status, 413);
    assert.match(fr.res.text, /L’envoi est trop volumineux/);
  });

  it('serves a file only as a download, with a safe name, nosniff and no-store, to the tracking link', async () => {
    const { token } = await ask([['Offerte "été" 2026.pdf', PDF]]);
    const page = await request(ctx.app).get(`/nl/helpdesk/track/${token}`);
    const [link] = downloadLinks(page.text);
    assert.ok(link, 'the tracking page lists the file');
    assert.match(page.text, /Offerte _été_ 2026\.pdf/);
    const res = await request(ctx.app).get(link).buffer(true);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="Offerte _ete_ 2026.pdf"; filename*=UTF-8''Offerte%20_%C3%A9t%C3%A9_%202026.pdf`,
    );
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(Buffer.from(res.body as Buffer), PDF);
  });

  it('answers 404 to another ticket’s tracking link and to a facilitator of another organisation', async () => {
    const { token } = await ask([['bestek.pdf', PDF]]);
    const ticket = await ticketOf(token);
    const [file] = await filesOf(ticket.id);
    const other = await askViaApi(ctx);
    assert.equal((await request(ctx.app).get(`/nl/helpdesk/track/${other.token}/attachments/${file.id}`)).status, 404);
    const staffPath = `/nl/staff/tickets/${ticket.id}/attachments/${file.id}`;
    assert.equal((await otherFacilitator.get(`/nl/staff/tickets/${ticket.id}`)).status, 404, 'as the ticket page');
    assert.equal((await otherFacilitator.get(staffPath)).status, 404);
    assert.equal((await facilitator.get(staffPath)).status, 200);
    assert.notEqual((await request(ctx.app).get(staffPath)).status, 200, 'not without signing in');
  });

  it('keeps internal-note files from the buyer, and shows staff-reply files on the tracking page', async () => {
    const t = await askViaApi(ctx);
    const csrf = await tokenFor(facilitator, `/nl/staff/tickets/${t.id}`);
    const note = await facilitator
      .post(`/nl/staff/tickets/${t.id}/note`)
      .field('_csrf', csrf)
      .field('note', 'Zie intern advies.')
      .attach('note_attachments', PNG, 'intern-advies.png');
    assert.equal(note.status, 303, note.text.slice(0, 300));
    const csrf2 = await tokenFor(facilitator, `/nl/staff/tickets/${t.id}`);
    const reply = await facilitator
      .post(`/nl/staff/tickets/${t.id}/reply`)
      .field('_csrf', csrf2)
      .field('body', 'Hierbij het model.')
      .attach('reply_attachments', await docx(), 'model.docx');
    assert.equal(reply.status, 303, reply.text.slice(0, 300));

    const staffPage = await facilitator.get(`/nl/staff/tickets/${t.id}`);
    assert.match(staffPage.text, /intern-advies\.png/);
    assert.match(staffPage.text, /model\.docx/);
    const tracking = await request(ctx.app).get(`/nl/helpdesk/track/${t.token}`);
    assert.doesNotMatch(tracking.text, /intern-advies\.png/);
    assert.match(tracking.text, /model\.docx/);
    const noteFile = await ctx
      .db('ticket_attachments')
      .where({ ticket_id: t.id, filename: 'intern-advies.png' })
      .first();
    assert.equal((await request(ctx.app).get(`/nl/helpdesk/track/${t.token}/attachments/${noteFile.id}`)).status, 404);
    assert.equal((await facilitator.get(`/nl/staff/tickets/${t.id}/attachments/${noteFile.id}`)).status, 200);
  });

  it('takes files on the tracking page’s reply and shows them to the staff; a refused one keeps the text', async () => {
    const t = await askViaApi(ctx);
    const agent = request.agent(ctx.app);
    const csrf = csrfFrom((await agent.get(`/nl/helpdesk/track/${t.token}`)).text);
    const refused = await agent
      .post(`/nl/helpdesk/track/${t.token}/reply`)
      .field('_csrf', csrf)
      .field('body', 'Hier is het programma.')
      .attach('attachments', EXE, 'programma.docx');
    assert.equal(refused.status, 422);
    assert.match(refused.text, /programma\.docx: dit soort bestand wordt niet aanvaard/);
    assert.match(refused.text, />Hier is het programma\.<\/textarea>/);
    const sent = await agent
      .post(`/nl/helpdesk/track/${t.token}/reply`)
      .field('_csrf', csrf)
      .field('body', 'Hier is de prijslijst.')
      .attach('attachments', await xlsx(), 'prijslijst.xlsx');
    assert.equal(sent.status, 303);
    assert.match((await facilitator.get(`/nl/staff/tickets/${t.id}`)).text, /prijslijst\.xlsx/);
  });

  it('gives the file inputs a label and a hint with the limits', async () => {
    const page = await request(ctx.app).get('/fr/helpdesk');
    assert.match(page.text, /<form[^>]+enctype="multipart\/form-data"/);
    assert.match(page.text, /<label for="field-attachments">Pièces jointes/);
    assert.match(page.text, /id="hint-attachments">[^<]*au plus 3 fichiers de 1 Mo/);
    assert.match(page.text, /<input id="field-attachments"[^>]+aria-describedby="hint-attachments"/);
  });
});
