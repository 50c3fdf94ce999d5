import assert from 'node:assert/strict';
import request from 'supertest';
import type { ClauseDocument } from '../../server/clauses/schema';
import { createTestContext, type TestContext } from '../support/context';
import { createUser, signInAgent, tokenFor } from '../support/accounts';
import { realClause } from '../support/clause-files';
import { formBody } from '../support/clause-form';

const newClause = (): ClauseDocument => ({
  ...realClause('SOC-CLEAN-001'),
  id: 'SOC-CLEAN-901',
  title: { nl: 'Proefclausule over glazenwassers', fr: 'Clause d’essai sur les laveurs de vitres' },
});

describe('clause editor workflow', () => {
  let ctx: TestContext;
  let author: request.Agent;
  let reviewer: request.Agent;

  before(async () => {
    ctx = await createTestContext();
    const a = await createUser(ctx, { roles: ['editor'], name: 'Anna Author' });
    const b = await createUser(ctx, { roles: ['editor'], name: 'Bert Reviewer' });
    author = await signInAgent(ctx, a.email, a.password);
    reviewer = await signInAgent(ctx, b.email, b.password);
  });
  after(async () => ctx.close());

  const post = async (
    agent: request.Agent,
    path: string,
    body: Record<string, unknown>,
    formPage = '/nl/staff/clauses',
  ) => {
    const token = await tokenFor(agent, formPage);
    return agent
      .post(path)
      .type('form')
      .send({ ...body, _csrf: token });
  };

  it('creates a clause as a draft that buyers do not see', async () => {
    const res = await post(
      author,
      '/nl/staff/clauses/new',
      formBody(newClause(), { reason: 'Nieuwe clausule' }),
      '/nl/staff/clauses/new',
    );
    assert.equal(res.status, 303, (res.text.match(/href="#field-[^"]+"/g) ?? []).join(' '));
    assert.equal(res.headers.location, '/nl/staff/clauses/SOC-CLEAN-901');
    assert.equal((await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-901')).status, 404);
    const search = await request(ctx.app).get('/api/v1/clauses').query({ q: 'glazenwassers' });
    assert.ok(!search.body.results.some((r: { id: string }) => r.id === 'SOC-CLEAN-901'));
  });

  it('keeps the form and names each problem when the clause is invalid', async () => {
    const broken = formBody(newClause(), {
      id: 'SOC-CLEAN-902',
      stage: 'award',
      award_weight: '',
      text: { nl: 'Tekst met {{onbekend}}', fr: '' },
      reason: 'x',
    });
    const res = await post(author, '/fr/staff/clauses/new', broken, '/fr/staff/clauses/new');
    assert.equal(res.status, 422);
    assert.match(res.text, /Ce champ est obligatoire/);
    assert.match(res.text, /value="SOC-CLEAN-902"/);
    const weight = await post(
      author,
      '/fr/staff/clauses/new',
      formBody(newClause(), { id: 'SOC-CLEAN-903', stage: 'award', award_weight: '', reason: 'x' }),
      '/fr/staff/clauses/new',
    );
    assert.equal(weight.status, 422);
    assert.match(
      weight.text,
      /Un critère d&#x27;attribution a besoin d&#x27;une pondération suggérée|Un critère d'attribution a besoin/,
    );
  });

  it('does not let the author publish their own version', async () => {
    await post(author, '/nl/staff/clauses/SOC-CLEAN-901/versions/1/review', {});
    const res = await post(author, '/nl/staff/clauses/SOC-CLEAN-901/versions/1/publish', {});
    assert.equal(res.status, 303);
    const page = await author.get('/nl/staff/clauses/SOC-CLEAN-901');
    assert.match(page.text, /Een andere redacteur dan de auteur moet deze versie publiceren/);
    assert.equal((await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-901')).status, 404);
  });

  it('publishes on another editor’s approval, and search has it at once', async () => {
    const res = await post(reviewer, '/nl/staff/clauses/SOC-CLEAN-901/versions/1/publish', {});
    assert.equal(res.status, 303);
    assert.equal((await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-901')).status, 200);
    // The only clause with the word comes first (the thesaurus adds other window-cleaning clauses after it).
    const search = await request(ctx.app).get('/api/v1/clauses').query({ q: 'glazenwassers' });
    assert.equal(search.body.results[0]?.id, 'SOC-CLEAN-901');
    assert.equal(ctx.deps.search.lastBuild?.builtIn, 'worker', 'the index is rebuilt off the main thread');
    const version = await ctx.db('clause_versions').where({ clause_id: 'SOC-CLEAN-901', version: 1 }).first();
    assert.equal(version.status, 'published');
    assert.ok(version.published_by_user_id);
  });

  it('saves each edit as a new immutable version with author, time and reason', async () => {
    const edited = newClause();
    edited.text.nl = edited.text.nl.replace('opleiding op de werkvloer', 'begeleide opleiding op de werkvloer');
    const res = await post(
      author,
      '/nl/staff/clauses/SOC-CLEAN-901/edit',
      formBody(edited, { based_on: '1', reason: 'Begeleiding verduidelijkt' }),
      '/nl/staff/clauses/SOC-CLEAN-901/edit',
    );
    assert.equal(res.status, 303);
    const versions = await ctx.db('clause_versions').where({ clause_id: 'SOC-CLEAN-901' }).orderBy('version');
    assert.deepEqual(
      versions.map((v) => [v.version, v.status, v.reason]),
      [
        [1, 'published', 'Nieuwe clausule'],
        [2, 'draft', 'Begeleiding verduidelijkt'],
      ],
    );
    assert.equal(versions[1].author_name, 'Anna Author');
    assert.ok(versions[1].created_at);
    const publicPage = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-901');
    assert.doesNotMatch(publicPage.text, /begeleide opleiding/, 'the draft stays private');
  });

  it('refuses an edit based on an outdated version', async () => {
    const res = await post(
      reviewer,
      '/nl/staff/clauses/SOC-CLEAN-901/edit',
      formBody(newClause(), { based_on: '1', reason: 'Oude basis' }),
      '/nl/staff/clauses/SOC-CLEAN-901/edit',
    );
    assert.equal(res.status, 409);
    assert.match(res.text, /Iemand anders bewaarde intussen versie 2/);
  });

  it('shows a readable difference between published versions', async () => {
    await post(author, '/nl/staff/clauses/SOC-CLEAN-901/versions/2/review', {});
    await post(reviewer, '/nl/staff/clauses/SOC-CLEAN-901/versions/2/publish', {});
    const page = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-901');
    assert.match(page.text, /diff\?from=1&amp;to=2/);
    const diff = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-901/diff?from=1&to=2');
    assert.equal(diff.status, 200);
    assert.match(diff.text, /<ins><span class="visually-hidden">\[toegevoegd: <\/span>begeleide /);
    assert.match(diff.text, /Begeleiding verduidelijkt/);
    assert.match(diff.text, /Titel <span class="muted">\(ongewijzigd\)<\/span>/);
  });

  it('retires a clause: it leaves search and the API', async () => {
    const res = await post(reviewer, '/nl/staff/clauses/SOC-CLEAN-901/retire', {});
    assert.equal(res.status, 303);
    assert.equal((await request(ctx.app).get('/api/v1/clauses/SOC-CLEAN-901')).status, 404);
    const search = await request(ctx.app).get('/api/v1/clauses').query({ q: 'glazenwassers' });
    assert.ok(!search.body.results.some((r: { id: string }) => r.id === 'SOC-CLEAN-901'));
  });

  it('lets editors preview any version and read feedback', async () => {
    const preview = await author.get('/fr/staff/clauses/SOC-CLEAN-901/versions/2');
    assert.equal(preview.status, 200);
    assert.match(preview.text, /Aperçu de la version 2/);
    const list = await author.get('/fr/staff/clauses?status=retired');
    assert.match(list.text, /SOC-CLEAN-901/);
  });

  it('keeps what the form does not show (English texts, eForms codes, derogation) when an editor saves', async () => {
    const eva = await createUser(ctx, { roles: ['editor'], name: 'Eva Editor' });
    const editor = {
      ...eva,
      name: 'Eva Editor',
      orgCode: null,
      roles: ['editor' as const],
      preferredLang: 'nl' as const,
    };
    const withExtras: ClauseDocument = {
      ...newClause(),
      id: 'SOC-CLEAN-903',
      title: { nl: 'Clausule met Engelse tekst', fr: 'Clause avec texte anglais', en: 'Clause with an English text' },
      eforms: { strategic: ['soc-obj'], social: ['work-cond'] },
      derogation: { articles: 'art. 44', reason: { nl: 'Strengere boete', fr: 'Pénalité plus stricte' } },
    };
    await ctx.deps.clauses.create(withExtras, editor, 'Met extra velden');
    const edited = { ...withExtras, title: { ...withExtras.title, nl: 'Clausule met Engelse tekst, herzien' } };
    const res = await post(
      author,
      '/nl/staff/clauses/SOC-CLEAN-903/edit',
      formBody(edited, { based_on: '1', reason: 'Titel herzien' }),
      '/nl/staff/clauses/SOC-CLEAN-903/edit',
    );
    assert.equal(res.status, 303, (res.text.match(/href="#field-[^"]+"/g) ?? []).join(' '));
    const saved = await ctx.deps.clauses.version('SOC-CLEAN-903', 2);
    assert.equal(saved.document.title.nl, 'Clausule met Engelse tekst, herzien');
    assert.equal(saved.document.title.en, 'Clause with an English text');
    assert.deepEqual(saved.document.eforms, { strategic: ['soc-obj'], social: ['work-cond'] });
    assert.equal(saved.document.derogation?.articles, 'art. 44');
  });

  it('refuses to read a stored version that no longer fits the clause schema, naming clause and field', async () => {
    const row = await ctx.db('clause_versions').where({ clause_id: 'SOC-CLEAN-903', version: 2 }).first();
    const content = JSON.parse(row.content);
    delete content.guidance.pitfalls;
    await ctx
      .db('clause_versions')
      .where({ clause_id: 'SOC-CLEAN-903', version: 2 })
      .update({ content: JSON.stringify(content) });
    await assert.rejects(ctx.deps.clauses.version('SOC-CLEAN-903', 2), /SOC-CLEAN-903 version 2 .*guidance\.pitfalls/);
  });
});
