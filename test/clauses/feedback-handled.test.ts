import assert from 'node:assert/strict';
import type request from 'supertest';
import { realClause } from '../support/clause-files';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';

describe('clause feedback handled by editors', () => {
  let ctx: TestContext;
  let editor: request.Agent;
  let editorId: number;
  const CLAUSE = 'SOC-CLEAN-001';

  before(async () => {
    ctx = await createTestContext();
    const e = await createUser(ctx, { roles: ['editor'], name: 'Els Editor' });
    editorId = e.id;
    editor = await signInAgent(ctx, e.email, e.password);
    // A second version of the clause, the one that addresses the feedback.
    const user = {
      id: e.id,
      email: e.email,
      name: 'Els Editor',
      orgCode: null,
      roles: ['editor' as const],
      preferredLang: 'nl' as const,
    };
    const doc = realClause(CLAUSE);
    await ctx.deps.clauses.saveVersion(
      CLAUSE,
      { ...doc, title: { ...doc.title, nl: `${doc.title.nl} (herzien)` } } as unknown as Record<string, unknown>,
      user,
      'Uit feedback',
    );
  });
  after(async () => ctx.close());

  const feedbackId = async (comment: string) => {
    await ctx.deps.clauses.addFeedback(CLAUSE, 'problem', comment, 'nl');
    return Number((await ctx.db('clause_feedback').where({ comment }).first()).id);
  };

  /** The clause's oldest stored version (imported from its file, so not necessarily 1). */
  const oldestVersion = async () =>
    String((await ctx.db('clause_versions').where({ clause_id: CLAUSE }).min({ v: 'version' }).first())!.v);

  const post = async (path: string, body: Record<string, string>, page = '/nl/staff/clauses') =>
    editor
      .post(path)
      .type('form')
      .send({ ...body, _csrf: await tokenFor(editor, page) });

  it('lists open feedback with a choice among the clause’s versions, and marks it handled by one', async () => {
    const id = await feedbackId('Het percentage is niet te controleren.');
    const list = await editor.get('/nl/staff/clauses');
    assert.match(list.text, /Het percentage is niet te controleren\./);
    const versions = await ctx.db('clause_versions').where({ clause_id: CLAUSE }).orderBy('version', 'desc');
    const select = list.text.match(new RegExp(`<select id="version-${id}" name="version">(.*?)</select>`))?.[1] ?? '';
    assert.equal((select.match(/<option/g) ?? []).length, versions.length);
    const latest = Number(versions[0].version);

    const res = await post(`/nl/staff/clauses/feedback/${id}/handled`, {
      version: String(latest),
      back: '/nl/staff/clauses?feedback=handled',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/nl/staff/clauses?feedback=handled');
    const row = await ctx.db('clause_feedback').where({ id }).first();
    assert.ok(row.handled_at);
    assert.equal(Number(row.handled_version), latest);
    assert.equal(Number(row.handled_by), editorId);
    const audit = await ctx.db('audit_log').where({ event: 'clause_feedback.handled' }).first();
    assert.deepEqual(JSON.parse(audit.details), { feedbackId: id, clauseId: CLAUSE, version: latest });
  });

  it('filters the list: open by default, handled, all; the clause page shows who handled it in which version', async () => {
    const open = await feedbackId('Nog open: de boete is onduidelijk.');
    const handled = await feedbackId('Al behandeld: verwijzing klopt niet.');
    const oldest = await oldestVersion();
    const marked = await post(`/nl/staff/clauses/feedback/${handled}/handled`, { version: oldest });
    assert.equal(marked.status, 303);
    const defaults = await editor.get('/nl/staff/clauses');
    assert.match(defaults.text, /Nog open/);
    assert.doesNotMatch(defaults.text, /Al behandeld/);
    const onlyHandled = await editor.get('/nl/staff/clauses?feedback=handled');
    assert.match(onlyHandled.text, /Al behandeld/);
    assert.doesNotMatch(onlyHandled.text, /Nog open/);
    assert.match(onlyHandled.text, /aria-current="page">Behandeld</);
    const all = await editor.get('/nl/staff/clauses?feedback=all');
    assert.match(all.text, /Nog open/);
    assert.match(all.text, /Al behandeld/);
    const page = await editor.get(`/fr/staff/clauses/${CLAUSE}`);
    assert.match(page.text, new RegExp(`Traité</span> dans la version ${oldest} · Els Editor`));
    assert.ok(open > 0);
  });

  it('refuses a version the clause does not have, and lets an editor reopen handled feedback', async () => {
    const id = await feedbackId('Versie 99 bestaat niet.');
    const res = await post(`/nl/staff/clauses/feedback/${id}/handled`, { version: '99' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Versie: kies een versie van deze clausule/);
    assert.equal((await ctx.db('clause_feedback').where({ id }).first()).handled_at, null);
    await post(`/nl/staff/clauses/feedback/${id}/handled`, { version: await oldestVersion() });
    assert.ok((await ctx.db('clause_feedback').where({ id }).first()).handled_at);
    const reopened = await post(`/nl/staff/clauses/feedback/${id}/reopen`, {});
    assert.equal(reopened.status, 303);
    assert.equal((await ctx.db('clause_feedback').where({ id }).first()).handled_at, null);
    assert.ok(await ctx.db('audit_log').where({ event: 'clause_feedback.reopened' }).first());
  });

  it('keeps marking feedback to editors', async () => {
    const id = await feedbackId('Alleen voor redacteurs.');
    const facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    const agent = await signInAgent(ctx, facilitator.email, facilitator.password);
    const page = await agent.get('/nl/staff');
    const csrf = page.text.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const res = await agent
      .post(`/nl/staff/clauses/feedback/${id}/handled`)
      .type('form')
      .send({ _csrf: csrf, version: '1' });
    assert.equal(res.status, 403);
  });
});
