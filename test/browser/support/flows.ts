// Steps and texts the journeys share: what a buyer types in each language, a question sent through the form,
// the checks on a downloaded .docx.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { typeset } from '../../../server/i18n/typography';
import type { Lang } from './browser';

export const TEXT = {
  nl: {
    searchWord: 'schoonmaak',
    question: 'Hoe controleer ik de opleidingsuren van werkzoekenden tijdens een schoonmaakopdracht?',
    name: 'Jan Peeters',
    organisation: 'Gemeente Evere',
    authority: 'Gemeente Evere',
    tenderTitle: 'Schoonmaak van de gemeentelijke gebouwen 2027-2030',
    reference: 'EVE-2027-012',
    lots: 'Administratief centrum\nSporthal',
    reply: 'U vraagt elk kwartaal een overzicht van de opleidingsuren en vergelijkt het met de gepresteerde uren.',
    note: 'Interne nota: vraag terugkerend bij gemeenten, kandidaat voor de veelgestelde vragen.',
    faqQuestion: [
      'Hoe controleer ik opleidingsuren in een schoonmaakopdracht?',
      'Comment contrôler les heures de formation dans un marché de nettoyage ?',
    ],
    faqAnswer: [
      'Vraag elk kwartaal een overzicht van de opleidingsuren en vergelijk het met de gepresteerde uren.',
      'Demandez chaque trimestre un relevé des heures de formation et comparez-le aux heures prestées.',
    ],
    editClause: 'SOC-CLEAN-001',
    editFrom: 'opdrachtnemer',
    editTo: 'opdrachthouder',
    editReason: 'Terminologie afgestemd op de wet van 17 juni 2016.',
  },
  fr: {
    searchWord: 'nettoyage',
    question: "Comment contrôler les heures de formation des demandeurs d'emploi pendant un marché de nettoyage ?",
    name: 'Claire Dubois',
    organisation: "Commune d'Etterbeek",
    authority: "Commune d'Etterbeek",
    tenderTitle: 'Nettoyage des bâtiments communaux 2027-2030',
    reference: 'ETT-2027-034',
    lots: 'Maison communale\nCentre sportif',
    reply: 'Demandez chaque trimestre un relevé des heures de formation et comparez-le aux heures prestées.',
    note: 'Note interne : question fréquente des communes, à publier dans les questions fréquentes.',
    faqQuestion: [
      'Hoe controleer ik opleidingsuren in een schoonmaakopdracht?',
      'Comment contrôler les heures de formation dans un marché de nettoyage ?',
    ],
    faqAnswer: [
      'Vraag elk kwartaal een overzicht van de opleidingsuren en vergelijk het met de gepresteerde uren.',
      'Demandez chaque trimestre un relevé des heures de formation et comparez-le aux heures prestées.',
    ],
    editClause: 'SOC-CLEAN-002',
    editFrom: "d'un tuteur",
    editTo: "d'un parrain",
    editReason: 'Terminologie alignée sur la loi du 17 juin 2016.',
  },
} as const;

export const REFERENCE = /HD-\d{4}-\d{5}/;

/** A text as a page in that language shows it (French: a non-breaking space before : ; ! ?). */
export const shownAs = (lang: Lang, text: string): string => typeset(lang, text);

let mailbox = 0;
/** A distinct requester address per question, so that tests never see each other's tickets by e-mail. */
export function requesterEmail(lang: Lang): string {
  mailbox += 1;
  return `buyer.${lang}.${Date.now()}.${mailbox}@gemeente.example`;
}

/** Asks a question with the social theme (routed to Actiris) through the form; returns the tracking URL and reference. */
export async function askQuestion(page: Page, lang: Lang): Promise<{ trackingUrl: string; reference: string }> {
  const text = TEXT[lang];
  await page.goto(`/${lang}/helpdesk`);
  await page.fill('#field-question', text.question);
  await page.selectOption('#field-theme', 'social');
  await page.fill('#field-name', text.name);
  await page.fill('#field-email', requesterEmail(lang));
  await page.fill('#field-organisation', text.organisation);
  await page.check('input[name="privacy"]');
  await Promise.all([page.waitForURL(`**/${lang}/helpdesk/track/*`), page.click('#ask-form button[type="submit"]')]);
  return { trackingUrl: page.url(), reference: await trackedReference(page) };
}

/** The reference shown on a tracking page (in its heading). */
export async function trackedReference(page: Page): Promise<string> {
  const heading = await page.locator('h1').innerText();
  const match = REFERENCE.exec(heading);
  assert.ok(match, `no HD-YYYY-NNNNN reference in the heading "${heading}"`);
  return match[0];
}

/** Fills the tender form's general part (the buyer's clauses are already chosen). */
export async function fillTenderForm(page: Page, lang: Lang, authority: string = TEXT[lang].authority): Promise<void> {
  const text = TEXT[lang];
  await page.check(`input[name="lang"][value="${lang}"]`);
  await page.fill('#field-authority', authority);
  await page.fill('#field-title', text.tenderTitle);
  await page.fill('#field-reference', text.reference);
  await page.selectOption('#field-procedure', 'open');
  await page.fill('#field-estimatedValue', '480000');
  await page.fill('#field-durationDays', '1095');
  await page.fill('#field-lots', text.lots);
}

/** The download is a .docx: a zip (starts with "PK") that JSZip opens, with word/document.xml inside. */
export async function assertDocx(download: Download, mustContain: string): Promise<void> {
  assert.match(download.suggestedFilename(), /\.docx$/);
  const file = await download.path();
  assert.ok(file, 'the download did not arrive');
  const bytes = await readFile(file);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the download is not a zip file');
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = zip.file('word/document.xml');
  assert.ok(documentXml, 'word/document.xml is missing from the .docx');
  const xml = await documentXml.async('string');
  assert.ok(xml.includes(mustContain), `the document does not mention "${mustContain}"`);
}
