// Keeping the clause version a buyer chose when a newer one is published: the choice on the form (no JavaScript
// needed), kept by the shared link, printed in the document, and said in the trace annex.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { csrfFrom } from '../support/accounts';
import { submitTenderForm } from '../support/tender';
import { binary, readDocx } from '../support/docx';

const CLAUSE = 'ENV-IT-001';
const REVISED_TITLE = 'Herziene versie van de clausule';
const FIELDS = { lang: 'nl', authority: 'Gemeente Elsene', title: 'Laptops', procedure: 'open' };

const hidden = (page: string, name: string) => page.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';

describe('keeping an older clause version', () => {
  let ctx: TestContext;
  let firstTitle: string;
  before(async () => {
    ctx = await createTestContext();
    // Version 2 of the clause, published on 20 November 2026 with another title.
    const v1 = await ctx.db('clause_versions').where({ clause_id: CLAUSE, version: 1 }).first();
    const content = JSON.parse(v1.content as string) as { title: { nl: string; fr: string } };
    firstTitle = content.title.nl;
    await ctx.db('clause_versions').where({ clause_id: CLAUSE }).update({ status: 'superseded' });
    await ctx.db('clause_versions').insert({
      ...v1,
      id: undefined,
      version: 2,
      status: 'published',
      reason: 'test revision',
      content: JSON.stringify({ ...content, title: { ...content.title, nl: REVISED_TITLE } }),
      published_at: '2026-11-20T10:00:00.000Z',
    });
    await ctx.db('clauses').where({ id: CLAUSE }).update({ published_version: 2, latest_version: 2 });
  });
  after(async () => ctx.close());

  /** A buyer who loads a shared link that chose version 1; returns the agent and the form page. */
  async function buyerFromLink(query: Record<string, string>) {
    const agent = request.agent(ctx.app);
    const link = await agent.get('/nl/tender/shared').query(query);
    await agent
      .post('/nl/tender/shared')
      .type('form')
      .send({ c: hidden(link.text, 'c'), keep: hidden(link.text, 'keep'), _csrf: csrfFrom(link.text) });
    return { agent, form: await agent.get('/nl/tender/form') };
  }

  /** Sends the form with the version choice for the clause; the form accepts it (303 to the review). */
  const choose = async (agent: request.Agent, form: request.Response, choice: 'kept' | 'latest') => {
    const posted = await submitTenderForm(agent, 'nl', form, { ...FIELDS, [`versions[${CLAUSE}]`]: choice });
    assert.equal(posted.status, 303);
  };

  const download = async (agent: request.Agent) => {
    const review = await agent.get('/nl/tender/review');
    const res = await agent
      .post('/nl/tender/download')
      .type('form')
      .send({ _csrf: csrfFrom(review.text) })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
    return { review, docx: await readDocx(res.body) };
  };

  it('offers the choice on the form, the newer version chosen unless the buyer keeps theirs', async () => {
    const { form } = await buyerFromLink({ c: `${CLAUSE}@1` });
    assert.match(form.text, /Welke versie van ENV-IT-001 drukt het document af\?/);
    assert.match(
      form.text,
      /<input type="radio" name="versions\[ENV-IT-001\]" value="latest" checked> De nieuwe versie 2 \(gepubliceerd op 20 november 2026\)/,
    );
    assert.match(
      form.text,
      /<input type="radio" name="versions\[ENV-IT-001\]" value="kept"> De versie die ik koos \(1\)/,
    );
  });

  it('prints the kept version and says so in the review and the trace annex', async () => {
    const { agent, form } = await buyerFromLink({ c: `${CLAUSE}@1` });
    await choose(agent, form, 'kept');
    const { review, docx } = await download(agent);
    assert.match(
      review.text,
      /U behoudt versie 1 van clausule ENV-IT-001; versie 2 werd gepubliceerd op 20 november 2026\./,
    );
    assert.ok(docx.text.includes(firstTitle), 'the title of version 1');
    assert.ok(!docx.text.includes(REVISED_TITLE), 'not the title of version 2');
    const trace = docx.text.slice(docx.text.lastIndexOf('Bijlage 2 – Gebruikte clausules'));
    assert.ok(
      trace.includes(`${CLAUSE}\n1\n${firstTitle}\nversie 1 behouden; versie 2 gepubliceerd op 20 november 2026`),
      trace.slice(0, 600),
    );
  });

  it('prints the newer version, with no note in the trace, when the buyer takes it', async () => {
    const { agent, form } = await buyerFromLink({ c: `${CLAUSE}@1` });
    await choose(agent, form, 'latest');
    const { review, docx } = await download(agent);
    assert.match(review.text, /Clausule ENV-IT-001 werd herzien sinds u ze koos \(versie 1 → 2\)/);
    assert.ok(docx.text.includes(REVISED_TITLE));
    const start = docx.text.lastIndexOf('Bijlage 2 – Gebruikte clausules');
    const trace = docx.text.slice(start, docx.text.indexOf('Bijlage 3', start));
    assert.ok(trace.includes(`${CLAUSE}\n2\n${REVISED_TITLE}\n`), trace);
    assert.ok(!trace.includes('behouden'), trace);
  });

  it('keeps the choice in the shared link', async () => {
    const { agent, form } = await buyerFromLink({ c: `${CLAUSE}@1` });
    await choose(agent, form, 'kept');
    const again = await agent.get('/nl/tender/form');
    const share = again.text
      .match(/href="(\/nl\/tender\/shared\?[^"]+)"/)?.[1]
      ?.replace(/&#x3D;/g, '=')
      .replace(/&amp;/g, '&');
    assert.ok(share, 'a share link');
    const params = new URL(share, 'http://x').searchParams;
    assert.equal(params.get('keep'), CLAUSE);
    const other = await buyerFromLink(Object.fromEntries(params));
    assert.match(other.form.text, /name="versions\[ENV-IT-001\]" value="kept" checked>/);
  });

  it('prints a kept version through the API too (selectedVersions and keepVersions)', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/tender-documents')
      .send({ ...FIELDS, clauseIds: [CLAUSE], selectedVersions: { [CLAUSE]: 1 }, keepVersions: [CLAUSE] })
      .buffer(true)
      .parse(binary);
    assert.equal(res.status, 200);
    const docx = await readDocx(res.body);
    assert.match(docx.text, /versie 1 behouden; versie 2 gepubliceerd op 20 november 2026/);
  });
});
