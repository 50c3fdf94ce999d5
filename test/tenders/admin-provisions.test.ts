import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestContext, type TestContext } from '../support/context';
import { binary, headings, readDocx, type Docx } from '../support/docx';
import { XMLSerializer } from '@xmldom/xmldom';
import { tenderDocument } from '../../server/tenders/tender-document';

const SECTIONS = {
  nl: [
    'Indiening van de offertes via e-Procurement',
    'Verbintenistermijn',
    'Inhoud van de offerte',
    'Borgtocht',
    'Prijsherziening',
    'Facturatie en betaling',
    'Oplevering',
    'Tekortkomingen, straffen en boeten',
    'Onderaanneming',
    'Verzekeringen',
    'Geschillen',
  ],
  fr: [
    'Dépôt des offres par e-Procurement',
    'Délai d’engagement',
    'Contenu de l’offre',
    'Cautionnement',
    'Révision des prix',
    'Facturation et paiement',
    'Réception',
    'Manquements, pénalités et amendes',
    'Sous-traitance',
    'Assurances',
    'Litiges',
  ],
};

describe('the administrative and contractual provisions of the tender document', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(async () => ctx.close());

  const body = (lang: 'nl' | 'fr') => ({
    lang,
    authority: 'Gemeente Schaarbeek',
    title: 'Schoonmaak',
    procedure: 'open',
    clauseIds: ['SOC-CLEAN-001', 'ENV-CLEAN-001', 'DMP-CLEAN-002', 'SME-CLEAN-002'],
  });
  const generate = async (lang: 'nl' | 'fr'): Promise<Docx> => {
    const res = await request(ctx.app).post('/api/v1/tender-documents').send(body(lang)).buffer(true).parse(binary);
    assert.equal(res.status, 200);
    return readDocx(res.body);
  };

  for (const lang of ['nl', 'fr'] as const) {
    it(`has every provision as a heading, in order, in ${lang === 'nl' ? 'Dutch' : 'French'}`, async () => {
      const docx = await generate(lang);
      const h2 = headings(docx, 2).map((h) => h.replace(/^\d+\.\d+ /, ''));
      let last = -1;
      for (const title of SECTIONS[lang]) {
        const at = h2.indexOf(title);
        assert.ok(at > last, `${title} after the previous provision (${h2.join(' | ')})`);
        last = at;
      }
    });
  }

  it('cites only the verified articles and leaves placeholders elsewhere', async () => {
    const nl = (await generate('nl')).text;
    assert.match(nl, /Leidend ambtenaar: \[naam, functie/);
    assert.match(nl, /wet van 17 juni 2016 inzake overheidsopdrachten, het koninklijk besluit van 18 april 2017/);
    assert.match(nl, /negentig dagen .* \(KB 18 april 2017, art\. 58\)/);
    assert.match(nl, /5 % van het oorspronkelijke bedrag van de opdracht \(KB 14 januari 2013, art\. 25\)/);
    assert.match(nl, /verplichte uitsluitingsgronden \(art\. 67\)/);
    assert.match(nl, /\[de herzieningsformule/);
    assert.match(nl, /\[het modelstrafbeding/);
    const fr = (await generate('fr')).text;
    assert.match(fr, /Fonctionnaire dirigeant\u00A0: \[nom, fonction/);
    assert.match(fr, /nonante jours .* \(AR du 18 avril 2017, art\. 58\)/);
    assert.match(fr, /5\u00A0% du montant initial du marché|5 % du montant initial du marché/);
    assert.match(fr, /\[la formule de révision/);
    assert.doesNotMatch(fr, / [:;!?](\s|$)/m, 'no breakable space before : ; ! ? in French');
  });

  it('highlights the placeholders of the provisions', async () => {
    const res = await request(ctx.app).post('/api/v1/tender-documents').send(body('fr')).buffer(true).parse(binary);
    const docx = await readDocx(res.body);
    const xml = new XMLSerializer().serializeToString(docx.document);
    assert.match(xml, /<w:highlight w:val="yellow"\/>[\s\S]{0,200}\[nom, fonction, adresse e-mail et téléphone\]/);
  });

  it('lists the derogations the chosen clauses make, with their reason', async () => {
    const plan = await ctx.deps.tenders.plan(ctx.deps.tenders.parseTender(body('nl')));
    const clause = plan.clauses[0];
    clause.document = {
      ...clause.document,
      derogation: {
        articles: 'art. 45',
        reason: { nl: 'Hogere straf om de sociale clausule te doen naleven', fr: 'Pénalité plus élevée' },
      },
    };
    const docx = await readDocx(await tenderDocument(plan, new Date()));
    assert.match(docx.text, /wijken af van de volgende artikelen van de algemene uitvoeringsregels/);
    assert.match(
      docx.text,
      new RegExp(`art\\. 45: Hogere straf om de sociale clausule te doen naleven \\(${clause.document.id}\\)`),
    );
  });
});
