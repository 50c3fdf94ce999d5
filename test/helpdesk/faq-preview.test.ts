// Publishing a FAQ entry goes through a preview (no JavaScript): the entry as the public will see it in both
// languages, "publish" and "back to edit", every typed text kept; the redaction check runs before the preview.
import assert from 'node:assert/strict';
import type request from 'supertest';
import { createUser, csrfFrom, signInAgent } from '../support/accounts';
import { createTestContext, type TestContext } from '../support/context';
import { answeredTicket } from '../support/helpdesk';

const TEXT = {
  question_nl: 'Mag een schoonmaakopdracht voorbehouden worden?',
  question_fr: 'Un marché de nettoyage peut-il être réservé ?',
  answer_nl: 'Ja, binnen de voorwaarden van de voorbehouden opdrachten.\nZie artikel 15 van de wet.',
  answer_fr: 'Oui, dans les conditions des marchés réservés.\nVoir l’article 15 de la loi.',
};

describe('FAQ preview before publishing', () => {
  let ctx: TestContext;
  let actiris: request.Agent;

  before(async () => {
    ctx = await createTestContext({ TICKET_RATE_LIMIT: '0' });
    const a = await createUser(ctx, { roles: ['facilitator'], org: 'actiris' });
    actiris = await signInAgent(ctx, a.email, a.password);
  });
  after(async () => ctx.close());

  const answered = () => answeredTicket(ctx, actiris);
  const post = async (path: string, body: Record<string, string>) => {
    const form = await actiris.get(path.replace(/\/(preview|edit)$/, ''));
    return actiris
      .post(path)
      .type('form')
      .send({ ...body, _csrf: csrfFrom(form.text) });
  };

  it('shows the entry as the public sees it, in both languages, with publish and back to edit; nothing published yet', async () => {
    const t = await answered();
    const form = await actiris.get(`/nl/staff/tickets/${t.id}/faq`);
    assert.match(form.text, new RegExp(`action="/nl/staff/tickets/${t.id}/faq/preview"`));
    const res = await post(`/nl/staff/tickets/${t.id}/faq/preview`, TEXT);
    assert.equal(res.status, 200);
    assert.match(
      res.text,
      /<section class="card faq-preview" lang="nl"[^>]*>[\s\S]*?<h2[^>]*>Mag een schoonmaakopdracht voorbehouden worden\?<\/h2>/,
    );
    assert.match(
      res.text,
      /<section class="card faq-preview" lang="fr"[^>]*>[\s\S]*?<h2[^>]*>Un marché de nettoyage peut-il être réservé \?<\/h2>/,
    );
    // One paragraph per line, as on the public page.
    assert.match(
      res.text,
      /<p>Ja, binnen de voorwaarden van de voorbehouden opdrachten\.<\/p><p>Zie artikel 15 van de wet\.<\/p>/,
    );
    assert.match(res.text, /Publiceren als veelgestelde vraag/);
    assert.match(res.text, /Terug naar bewerken/);
    assert.match(res.text, new RegExp(`formaction="/nl/staff/tickets/${t.id}/faq/edit"`));
    assert.equal((await ctx.db('faq_entries').where({ ticket_id: t.id })).length, 0);
  });

  it('publishes from the preview with the texts it carried', async () => {
    const t = await answered();
    const preview = await post(`/nl/staff/tickets/${t.id}/faq/preview`, TEXT);
    const hidden = Object.fromEntries(
      [...preview.text.matchAll(/<input type="hidden" name="((?:question|answer)_\w\w)" value="([^"]*)">/g)].map(
        (m) => [
          m[1],
          m[2]
            .replace(/&#x27;/g, "'")
            .replace(/&#10;/g, '\n')
            .replace(/&#x3D;/g, '=')
            .replace(/&amp;/g, '&'),
        ],
      ),
    );
    assert.deepEqual(Object.keys(hidden).sort(), Object.keys(TEXT).sort());
    const res = await actiris
      .post(`/nl/staff/tickets/${t.id}/faq`)
      .type('form')
      .send({ ...hidden, _csrf: csrfFrom(preview.text) });
    assert.equal(res.status, 303);
    const entry = await ctx.db('faq_entries').where({ ticket_id: t.id }).first();
    assert.equal(entry.question_fr, TEXT.question_fr);
    assert.equal(entry.answer_nl, TEXT.answer_nl);
  });

  it('goes back to the form with every typed text', async () => {
    const t = await answered();
    const res = await post(`/nl/staff/tickets/${t.id}/faq/edit`, TEXT);
    assert.equal(res.status, 200);
    assert.match(
      res.text,
      /<textarea id="field-question_fr"[^>]*>Un marché de nettoyage peut-il être réservé \?<\/textarea>/,
    );
    assert.match(
      res.text,
      /<textarea id="field-answer_nl"[^>]*>Ja, binnen de voorwaarden van de voorbehouden opdrachten\.\nZie artikel 15 van de wet\.<\/textarea>/,
    );
  });

  it('runs the redaction check before the preview: personal data comes back as an error, the text kept', async () => {
    const t = await answered();
    const res = await post(`/nl/staff/tickets/${t.id}/faq/preview`, {
      ...TEXT,
      answer_fr: 'Appelez Jan Peeters au 02 123 45 67.',
    });
    assert.equal(res.status, 422);
    assert.doesNotMatch(res.text, /faq-preview/);
    assert.match(
      res.text,
      /<textarea id="field-answer_fr"[^>]*aria-invalid="true"[^>]*>Appelez Jan Peeters au 02 123 45 67\.<\/textarea>/,
    );
    assert.match(
      res.text,
      /<textarea id="field-question_nl"[^>]*>Mag een schoonmaakopdracht voorbehouden worden\?<\/textarea>/,
    );
  });

  it('refuses a preview of a ticket already published', async () => {
    const t = await answered();
    const preview = await post(`/nl/staff/tickets/${t.id}/faq/preview`, TEXT);
    await actiris
      .post(`/nl/staff/tickets/${t.id}/faq`)
      .type('form')
      .send({ ...TEXT, _csrf: csrfFrom(preview.text) });
    const again = await actiris
      .post(`/nl/staff/tickets/${t.id}/faq/preview`)
      .type('form')
      .send({ ...TEXT, _csrf: csrfFrom(preview.text) });
    assert.equal(again.status, 409);
  });
});
