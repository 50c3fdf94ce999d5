// The tender template (NL: bestek, FR: cahier spécial des charges) as a Word document: cover page, table
// of contents, numbered parts in the usual order, each clause at its stage with its parameters filled in
// and its verification beside it, then the annexes: proofs, clause trace, eForms, offer form, price schedule,
// and the library annexes the chosen clauses refer to.
import { Document, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import { legalBasisText } from '../clauses/presenter';
import type { ClauseDocument } from '../clauses/schema';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { clauseTextPlain } from '../clauses/presenter';
import {
  centered,
  heading,
  para,
  paragraphs,
  placeholder,
  safe,
  stylesFor,
  table,
  packDocument,
  type CellContent,
} from './docx-kit';
import type { ResolvedClause, TenderPlan } from './plan';
import { printedFacts } from './printed';
import { eformsAnnex } from './eforms-annex';
import {
  CONTRACT_PROVISIONS,
  editableText,
  legalFramework,
  provision,
  SUBMISSION_PROVISIONS,
} from './admin-provisions';
import { formatDate } from '../i18n/format';
import { clauseAnnexReferences, libraryAnnexSections } from './library-annexes';
import { offerFormAnnex, priceScheduleAnnex } from './offer-form';
import { clauseTraceAnnex, proofChecklistAnnex } from './trace-annexes';
import { localeOf } from '../i18n/languages';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The clause text with the buyer's values in place of its placeholders. */
export function filledText(clause: ResolvedClause, lang: Lang): string {
  return clauseTextPlain(clause.document, lang, clause.values);
}

function verificationCell(
  document: ClauseDocument,
  lang: Lang,
  t: (key: string, params?: Record<string, string | number>) => string,
): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun({ text: t('doc.proof'), bold: true })] }),
    ...paragraphs(document.verification.proof[lang]),
    new Paragraph({ children: [new TextRun({ text: t('doc.check'), bold: true })] }),
    ...paragraphs(document.verification.check[lang]),
    new Paragraph({
      children: [
        new TextRun({
          text: `${t('doc.moments')}: ${document.verification.moments.map((m) => t(`moments.${m}`)).join(', ')}`,
          italics: true,
        }),
      ],
    }),
  ];
}

function clauseBlock(
  number: string,
  clause: ResolvedClause,
  plan: TenderPlan,
  t: (key: string, params?: Record<string, string | number>) => string,
): FileChild[] {
  const lang = plan.request.lang;
  const { document } = clause;
  const title = `${number} ${document.title[lang]}${clause.weight !== undefined ? ` (${t('doc.points', { weight: clause.weight })})` : ''}`;
  return [
    heading(3, title),
    table(
      [t('doc.requirement'), t('doc.verification')],
      [[paragraphs(filledText(clause, lang)), verificationCell(document, lang, t)]],
      [60, 40],
    ),
    ...clauseAnnexReferences(clause, plan, t),
    new Paragraph({
      spacing: { before: 80, after: 200 },
      children: [
        new TextRun({
          text: `${t('doc.reference')}: ${document.id} v${document.version} · ${document.legal_basis.map((b) => legalBasisText(b, lang)).join('; ')}`,
          size: 18,
          color: '4A5560',
        }),
      ],
    }),
  ];
}

function section(plan: TenderPlan, stage: string): ResolvedClause[] {
  return plan.clauses.filter((c) => c.document.stage === stage);
}

export async function tenderDocument(plan: TenderPlan, now: Date, categoryName?: string): Promise<Buffer> {
  const { request } = plan;
  const lang = request.lang;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const date = formatDate(lang, now);
  const printed = printedFacts(plan);
  const body: FileChild[] = [];

  // Cover page
  body.push(
    new Paragraph({ spacing: { before: 2400 } }),
    centered(request.authority, 28, true),
    new Paragraph({ heading: 'Title', alignment: 'center', children: [new TextRun(safe(request.title, 300))] }),
    centered(t('doc.kind'), 26),
    centered(`${t('doc.reference')}: ${request.reference ? safe(request.reference, 100) : ''}`, 22),
    ...(request.reference
      ? []
      : [new Paragraph({ alignment: 'center', children: [placeholder(t('doc.fill_reference'))] })]),
    centered(`${t('doc.procedure')}: ${t(`procedures.${request.procedure}`)}`, 22),
    centered(`${t('doc.date')}: ${date}`, 22),
    centered(`${t('doc.language')}: ${t(`language.${lang}`)}`, 22),
    centered(t('doc.generated_note'), 18),
  );

  // Table of contents
  body.push(
    heading(1, t('doc.contents'), true),
    new TableOfContents(t('doc.contents'), { hyperlink: true, headingStyleRange: '1-3' }),
  );

  // 1. Administrative provisions
  let n = 1;
  body.push(heading(1, `${n}. ${t('doc.part_admin')}`, true));
  body.push(heading(2, `${n}.1 ${t('doc.authority_object')}`));
  body.push(para([new TextRun(`${t('doc.authority')}: ${safe(request.authority, 200)}`)]));
  body.push(...editableText(t('doc.admin.official')));
  body.push(
    para([new TextRun(`${t('doc.object')}: ${safe(request.title, 300)}. `), placeholder(t('doc.fill_object'))]),
  );
  if (categoryName) body.push(para([new TextRun(`${t('doc.category')}: ${safe(categoryName)}`)]));
  body.push(para([new TextRun(`${t('doc.contract_type')}: ${t(`contract_types.${plan.contractType}`)}`)]));
  body.push(
    para(
      printed.estimatedValue
        ? [new TextRun(`${t('doc.estimated_value')}: ${printed.estimatedValue}`)]
        : [new TextRun(`${t('doc.estimated_value')}: `), placeholder(t('doc.fill_value'))],
    ),
  );
  body.push(
    para([
      new TextRun(`${t('doc.duration')}: `),
      printed.duration ? new TextRun(printed.duration) : placeholder(t('doc.fill_duration')),
    ]),
  );

  body.push(heading(2, `${n}.2 ${t('doc.procedure_heading')}`));
  body.push(
    para([
      new TextRun(`${t('doc.procedure')}: ${t(`procedures.${request.procedure}`)}. `),
      placeholder(t('doc.fill_procedure_justification')),
    ]),
  );
  body.push(...legalFramework(plan, t));

  body.push(heading(2, `${n}.3 ${t('doc.lots')}`));
  if (request.lots.length > 1) {
    body.push(para([new TextRun(t('doc.lots_count', { count: request.lots.length }))]));
    body.push(
      table(
        [t('doc.lot'), t('doc.lot_name')],
        request.lots.map((lot, i) => [String(i + 1), safe(lot.name, 200)]),
        [15, 85],
      ),
    );
    body.push(para([new TextRun(`${t('doc.lots_why')}: `), placeholder(t('doc.fill_lots_why'))]));
  } else {
    if (request.lots.length === 1) body.push(para([new TextRun(safe(request.lots[0].name, 200))]));
    body.push(para([new TextRun(`${t('doc.no_lots_why')}: `), placeholder(t('doc.fill_no_lots_why'))]));
  }

  let sub = 4;
  for (const key of SUBMISSION_PROVISIONS) body.push(...provision(t, `${n}.${sub++}`, key));
  for (const stage of ['procedure', 'exclusion', 'selection'] as const) {
    const clauses = section(plan, stage);
    body.push(heading(2, `${n}.${sub} ${t(`doc.stage_${stage}`)}`));
    if (stage !== 'procedure') body.push(...editableText(t(`doc.admin.${stage}_intro`)));
    if (clauses.length === 0) body.push(para([placeholder(t('doc.fill_none_selected'))]));
    clauses.forEach((clause, i) => body.push(...clauseBlock(`${n}.${sub}.${i + 1}`, clause, plan, t)));
    sub += 1;
  }

  // 2. Award criteria
  n = 2;
  const awards = section(plan, 'award');
  body.push(heading(1, `${n}. ${t('doc.part_award')}`, true));
  const priceOnly = plan.awardBasis === 'price_only';
  body.push(para([new TextRun(t(priceOnly ? 'doc.award_intro_price_only' : 'doc.award_intro'))]));
  const weightRows: CellContent[][] = [
    [t('doc.price'), String(plan.priceWeight), '—'],
    ...awards.map((c) => [
      safe(c.document.title[lang], 300),
      String(c.weight ?? 0),
      `${c.document.id} v${c.document.version}`,
    ]),
  ];
  const total = plan.priceWeight + awards.reduce((s, c) => s + (c.weight ?? 0), 0);
  weightRows.push([t('doc.total'), String(Math.round(total * 100) / 100), '']);
  body.push(table([t('doc.criterion'), t('doc.weight'), t('doc.reference')], weightRows, [60, 15, 25]));
  if (!priceOnly)
    body.push(para([new TextRun(`${t('doc.price_formula')}: `), placeholder(t('doc.fill_price_formula'))]));
  awards.forEach((clause, i) => body.push(...clauseBlock(`${n}.${i + 1}`, clause, plan, t)));

  // 3. Technical specifications
  n = 3;
  const specs = section(plan, 'technical_specification');
  body.push(heading(1, `${n}. ${t('doc.part_specs')}`, true));
  body.push(para([placeholder(t('doc.fill_specs'))]));
  specs.forEach((clause, i) => body.push(...clauseBlock(`${n}.${i + 1}`, clause, plan, t)));

  // 4. Performance clauses
  n = 4;
  const performance = section(plan, 'performance');
  body.push(heading(1, `${n}. ${t('doc.part_performance')}`, true));
  if (performance.length === 0) body.push(para([placeholder(t('doc.fill_none_selected'))]));
  performance.forEach((clause, i) => body.push(...clauseBlock(`${n}.${i + 1}`, clause, plan, t)));
  CONTRACT_PROVISIONS.forEach((key, i) => body.push(...provision(t, `${n}.${performance.length + i + 1}`, key)));

  // Annexes 1–2: proof checklist, clause trace; 3: eForms hints; 4–5: offer form, price schedule
  body.push(...proofChecklistAnnex(plan, t), ...clauseTraceAnnex(plan, t));
  // Annex 3: eForms hints
  body.push(...eformsAnnex(plan, lang, t));
  body.push(...offerFormAnnex(plan, t), ...priceScheduleAnnex(plan, t));

  const properties = {
    title: safe(request.title, 300),
    subject: t('doc.kind'),
    creator: safe(request.authority, 200),
    description: t('doc.generated_note'),
    keywords: [...new Set(plan.clauses.map((c) => c.document.id))].slice(0, 50).join(', '),
  };
  const document = new Document({
    styles: stylesFor(localeOf(lang)),
    features: { updateFields: true },
    // Library annexes follow, each in its own section (landscape for wide tables).
    sections: [{ children: body }, ...libraryAnnexSections(plan, t)],
  });
  return packDocument(document, properties, lang, now);
}

/** A file name safe in any browser and file system: letters, digits and dashes only. */
export function safeFileName(base: string, extension: string): string {
  const cleaned = base
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${cleaned || 'document'}.${extension}`;
}
