// What every page carries (meta description, favicon, publisher, contact, disclaimer, French typography) and the
// small trust details of the buyer's pages: FAQ answers signed, version history in the reader's language,
// related clauses by title, closing a question only after an answer, a 404 in plain words.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createUser, csrfFrom, currentUserOf } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { askViaApi } from '../support/helpdesk';

/** The text between the tags, outside scripts, styles and form fields that keep what was typed. */
const pageText = (html: string) =>
  html
    .replace(/<(script|style|textarea)\b[\s\S]*?<\/\1>/gi, '')
    .split(/<[^>]*>/)
    .join('\n');

const metaDescription = (html: string) => /<meta name="description" content="([^"]*)">/.exec(html)?.[1];

describe('trust and polish on every page', () => {
  let ctx: TestContext;
  before(async function () {
    this.timeout(60_000);
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
  });
  after(async () => ctx.close());

  it('gives each page a meta description in its language, from the view or the page title', async () => {
    const nlHome = metaDescription((await request(ctx.app).get('/nl/')).text);
    const frHome = metaDescription((await request(ctx.app).get('/fr/')).text);
    assert.match(nlHome ?? '', /^Vind sociale, milieu-, ethische/);
    assert.match(frHome ?? '', /^Trouvez les clauses sociales/);
    const clause = metaDescription((await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001')).text);
    assert.equal(
      clause,
      'Opleiding van werkzoekenden tijdens de uitvoering van de schoonmaakopdracht: modelclausule voor duurzame overheidsopdrachten in Brussel, met tekst, parameters, controle en juridische basis.',
    );
    const category = metaDescription((await request(ctx.app).get('/fr/categories/cleaning')).text);
    assert.match(category ?? '', /^Nettoyage.* : les clauses durables par étape/);
    // A page without a description of its own gets the site's.
    const signin = metaDescription((await request(ctx.app).get('/fr/password/forgot')).text);
    assert.ok(signin && signin.length > 50, `no description: ${signin}`);
  });

  it('serves a favicon (SVG, and ICO where browsers look for it) and links it from every page', async () => {
    const home = await request(ctx.app).get('/nl/');
    assert.match(home.text, /<link rel="icon" href="\/assets\/favicon.svg" type="image\/svg\+xml">/);
    assert.match(home.text, /<link rel="icon" href="\/favicon.ico" sizes="32x32">/);
    const ico = await request(ctx.app).get('/favicon.ico').buffer(true);
    assert.equal(ico.status, 200);
    assert.match(ico.headers['content-type'], /icon/);
    assert.deepEqual([...ico.body.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
    const svg = await request(ctx.app).get('/assets/favicon.svg');
    assert.equal(svg.status, 200);
    assert.match(svg.headers['content-type'], /image\/svg\+xml/);
    assert.equal((await request(ctx.app).get('/assets/apple-touch-icon.png')).status, 200);
  });

  it('names the publisher and the facilitators from the organisations table, with contact and disclaimer', async () => {
    const nl = (await request(ctx.app).get('/nl/')).text;
    assert.match(
      nl,
      /Uitgegeven door de Coördinatiecel DOO\/IOO\/KMO\+, samen met de facilitatoren Actiris, Brussel Economie en Werkgelegenheid, Leefmilieu Brussel, Innoviris en Observatorium van de referentieprijzen\./,
    );
    assert.match(nl, /Brussels Hoofdstedelijk Gewest/);
    assert.match(nl, /<a href="\/nl\/helpdesk">Een vraag stellen aan de helpdesk<\/a>/);
    assert.match(nl, /De modelteksten zijn een hulpmiddel\. Ze vervangen niet uw eigen juridische controle/);
    await ctx.db('organisations').where({ code: 'innoviris' }).update({ name_fr: 'Innoviris (Bruxelles)' });
    const fr = (await request(ctx.app).get('/fr/clauses')).text;
    assert.match(
      fr,
      /Publié par la Cellule de coordination MPD\/MPI\/PME\+, avec les facilitateurs .*Innoviris \(Bruxelles\)/,
    );
    assert.match(fr, /Les textes types sont une aide\. Ils ne remplacent pas votre propre vérification juridique/);
    const notFound = await request(ctx.app).get('/fr/nothing-here');
    assert.match(notFound.text, /Publié par la Cellule de coordination/, 'the 404 page has the footer too');
  });

  it('repeats the disclaimer under the clause text', async () => {
    const page = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001');
    assert.match(page.text, /<p class="disclaimer">De modelteksten zijn een hulpmiddel\./);
  });

  it('puts a non-breaking space before : ; ! ? in French page text, never a plain one', async () => {
    const paths = [
      '/fr/',
      '/fr/clauses?q=nettoyage',
      '/fr/clauses/SOC-CLEAN-001',
      '/fr/categories/cleaning',
      '/fr/helpdesk',
      '/fr/faq',
      '/fr/privacy',
      '/fr/nothing-here',
    ];
    for (const path of paths) {
      const res = await request(ctx.app).get(path);
      const plain = pageText(res.text)
        .split('\n')
        .filter((line) => / [:;!?](\s|$)/.test(line));
      assert.deepEqual(plain, [], `${path} has a plain space before high punctuation`);
      assert.match(res.text, /\u00A0[:?]/, `${path} shows no French punctuation at all`);
    }
    // Dutch is left as written; attributes and typed text are never changed.
    const nl = await request(ctx.app).get('/nl/helpdesk');
    assert.doesNotMatch(nl.text, /\u00A0[:;!?]/);
    const fr = await request(ctx.app).get('/fr/helpdesk').query({ q: 'Quel délai ? Et le prix : combien ?' });
    assert.match(
      fr.text,
      /Quel délai \? Et le prix : combien \?<\/textarea>|value="Quel délai \? Et le prix : combien \?"/,
    );
  });

  it('names the field in a generic error message, so that the error summary reads on its own', async () => {
    const agent = request.agent(ctx.app);
    const form = await agent.get('/fr/helpdesk');
    const res = await agent
      .post('/fr/helpdesk')
      .set('X-Forwarded-For', '198.51.100.77')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        question: 'Une question assez longue sur le nettoyage',
        email: 'pas-une-adresse',
      });
    assert.equal(res.status, 422);
    const summary = /<div class="notice notice--error error-summary"[\s\S]*?<\/div>/.exec(res.text)?.[0] ?? '';
    assert.match(summary, /<a href="#field-email">Adresse e-mail\u00A0: indiquez une adresse e-mail valable\.<\/a>/);
    assert.match(summary, /<a href="#field-name">Nom\u00A0: ce champ est obligatoire\.<\/a>/);
  });

  it('says "page", not "record", when something is not found', async () => {
    const nl = await request(ctx.app).get('/nl/clauses/XYZ-NONE-999');
    assert.equal(nl.status, 404);
    assert.match(nl.text, /Deze pagina bestaat niet \(meer\)\./);
    assert.doesNotMatch(nl.text, /record/i);
    const fr = await request(ctx.app).get('/fr/faq/999999');
    assert.match(fr.text, /Cette page n'existe pas \(ou plus\)\.|Cette page n&#x27;existe pas \(ou plus\)\./);
    assert.doesNotMatch(fr.text, /enregistrement/);
  });

  it('shows the version history of a clause in the reader’s language, never the importer’s English', async () => {
    const nl = await request(ctx.app).get('/nl/clauses/SOC-CLEAN-001');
    assert.match(nl.text, /Bijgewerkt vanuit de clausulebibliotheek \(bestand clauses\/SOC-CLEAN-001\.yaml\)/);
    const fr = await request(ctx.app).get('/fr/clauses/SOC-CLEAN-001');
    assert.match(fr.text, /Mise à jour depuis la bibliothèque de clauses \(fichier clauses\/SOC-CLEAN-001\.yaml\)/);
    for (const page of [nl, fr]) assert.doesNotMatch(page.text, /Imported from/);
  });

  it('links related clauses by their title', async () => {
    const page = await request(ctx.app).get('/fr/clauses/SOC-CLEAN-001');
    assert.match(
      page.text,
      /<li><a href="\/fr\/clauses\/DMP-ALL-002">Clause pénale type pour les clauses de durabilité \(procès-verbal, défense, pénalité\)<\/a> <code>DMP-ALL-002<\/code><\/li>/,
    );
  });

  it('signs a FAQ answer with the answering organisation and the date', async () => {
    const at = '2026-10-12T09:00:00.000Z';
    const [row] = await ctx
      .db('faq_entries')
      .insert({
        question_nl: 'Mag ik een sociale clausule opleggen onder de Europese drempel?',
        question_fr: 'Puis-je imposer une clause sociale sous le seuil européen ?',
        answer_nl: 'Ja, de omzendbrief geldt ook onder de drempel.',
        answer_fr: 'Oui, la circulaire s’applique aussi sous le seuil.',
        theme: 'social',
        status: 'published',
        version: 1,
        org_code: 'actiris',
        created_at: at,
        updated_at: at,
      })
      .returning('id');
    const id = typeof row === 'object' ? row.id : row;
    const nl = await request(ctx.app).get(`/nl/faq/${id}`);
    assert.match(nl.text, /Beantwoord door Actiris, bijgewerkt op 12 oktober 2026\./);
    const fr = await request(ctx.app).get(`/fr/faq/${id}`);
    assert.match(fr.text, /Réponse fournie par Actiris, mise à jour le 12 octobre 2026\./);
  });

  it('offers to close a question only once it is answered, apart from the reply form', async () => {
    const { token, id } = await askViaApi(ctx);
    const before = await request(ctx.app).get(`/nl/helpdesk/track/${token}`);
    assert.doesNotMatch(before.text, /\/close"/);
    assert.match(before.text, /\/reply"/);
    const facilitator = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    await ctx.deps.tickets.reply(id, await currentUserOf(ctx, facilitator.id), 'Vraag een kwartaaloverzicht.');
    const agent = request.agent(ctx.app);
    const after = await agent.get(`/nl/helpdesk/track/${token}`);
    assert.match(
      after.text,
      /<section aria-labelledby="close-heading" class="close-question">[\s\S]*action="\/nl\/helpdesk\/track\/[^"]+\/close"[\s\S]*class="button button--secondary">Mijn vraag is beantwoord: afsluiten/,
    );
    assert.ok(after.text.indexOf('/reply"') < after.text.indexOf('/close"'), 'closing comes after the reply form');
    await agent
      .post(`/nl/helpdesk/track/${token}/close`)
      .type('form')
      .send({ _csrf: csrfFrom(after.text) });
    const closed = await request(ctx.app).get(`/nl/helpdesk/track/${token}`);
    assert.doesNotMatch(closed.text, /\/close"/, 'a closed question is not offered again');
  });
});
