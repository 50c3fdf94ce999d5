// The offer form (offerteformulier / formulaire d'offre) and the price schedule (inventaris / inventaire) as
// annexes of the Word tender. The schedule lays out the same lines as the .xlsx price schedule.
import { Paragraph, TextRun, type FileChild } from 'docx';
import { formatNumber } from '../i18n/format';
import { editableText } from './admin-provisions';
import { heading, para, paragraphs, placeholder, safe, table, type CellContent } from './docx-kit';
import { annexHeading, OFFER_FORM_ANNEX, PRICE_SCHEDULE_ANNEX } from './library-annexes';
import type { TenderPlan } from './plan';
import { DEFAULT_VAT_RATE, PRICE_SCHEDULE_COLUMNS, priceScheduleGroups } from './price-schedule';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What identifies the bidder, in the order of a Belgian offer form. */
const BIDDER_FIELDS = [
  'name',
  'legal_form',
  'address',
  'enterprise_number',
  'vat_number',
  'represented_by',
  'contact',
  'email',
  'phone',
  'bank_account',
] as const;

const SIGNATURE_FIELDS = ['signatory', 'function', 'place_date', 'signature'] as const;

const toFill = (t: Translate): Paragraph[] => [new Paragraph({ children: [placeholder(t('doc.offer.to_fill'))] })];

function priceTable(plan: TenderPlan, t: Translate): FileChild {
  const lots = plan.request.lots.length > 0 ? plan.request.lots.map((l) => l.name) : [t('doc.offer.whole_contract')];
  return table(
    ['lot', 'price_figures', 'price_words', 'vat', 'price_incl_vat'].map((k) => t(`doc.offer.${k}`)),
    lots.map((name, i) => [
      plan.request.lots.length > 0 ? t('doc.xlsx.lot', { number: i + 1, name: safe(name, 200) }) : name,
      '',
      '',
      '',
      '',
    ]),
    [24, 18, 26, 14, 18],
  );
}

/** The proofs that come with the offer: those the chosen clauses check at the award. */
function proofChecklist(plan: TenderPlan, t: Translate): FileChild[] {
  const lang = plan.request.lang;
  const withOffer = plan.clauses.filter((c) => c.document.verification.moments.includes('award'));
  if (withOffer.length === 0) return [para([new TextRun(t('doc.offer.no_proofs'))])];
  return [
    table(
      [t('doc.reference'), t('doc.proof'), t('doc.offer.enclosed')],
      withOffer.map((c) => [
        `${c.document.id}\n${safe(c.document.title[lang], 300)}`,
        paragraphs(c.document.verification.proof[lang]),
        '☐',
      ]),
      [28, 57, 15],
    ),
  ];
}

export function offerFormAnnex(plan: TenderPlan, t: Translate): FileChild[] {
  const { request } = plan;
  const subject = request.reference
    ? `${safe(request.title, 300)} (${safe(request.reference, 100)})`
    : safe(request.title, 300);
  return [
    heading(1, annexHeading(t, OFFER_FORM_ANNEX, t('doc.offer.title')), true),
    para([new TextRun(t('doc.offer.intro', { authority: safe(request.authority, 200), subject }))]),
    heading(2, t('doc.offer.bidder')),
    table(
      [t('doc.offer.field'), t('doc.offer.value')],
      BIDDER_FIELDS.map((k) => [t(`doc.offer.fields.${k}`), toFill(t)] as CellContent[]),
      [40, 60],
    ),
    heading(2, t('doc.offer.declaration_heading')),
    ...editableText(t('doc.offer.declaration', { authority: safe(request.authority, 200), subject })),
    heading(2, t('doc.offer.prices')),
    priceTable(plan, t),
    ...editableText(t('doc.offer.vat_note')),
    heading(2, t('doc.offer.validity_heading')),
    ...editableText(t('doc.offer.validity')),
    heading(2, t('doc.offer.proofs')),
    para([new TextRun(t('doc.offer.proofs_intro'))]),
    ...proofChecklist(plan, t),
    heading(2, t('doc.offer.signature_heading')),
    table(
      [t('doc.offer.field'), t('doc.offer.value')],
      SIGNATURE_FIELDS.map((k) => [t(`doc.offer.fields.${k}`), toFill(t)] as CellContent[]),
      [40, 60],
    ),
    ...editableText(t('doc.offer.signature_note')),
  ];
}

export function priceScheduleAnnex(plan: TenderPlan, t: Translate): FileChild[] {
  const rows: CellContent[][] = [];
  for (const group of priceScheduleGroups(plan)) {
    if (group.lot) rows.push([t('doc.xlsx.lot', group.lot), '', '', '', '', '']);
    for (const item of group.items) rows.push([item, `[${t('doc.xlsx.describe_item')}]`, '', '', '', '']);
  }
  const rate = `${formatNumber(plan.request.lang, DEFAULT_VAT_RATE * 100)} %`;
  rows.push([t('doc.xlsx.total_excl_vat'), '', '', '', '', '']);
  rows.push([t('doc.xlsx.vat_rate'), '', '', '', rate, '']);
  rows.push([t('doc.xlsx.vat'), '', '', '', '', '']);
  rows.push([t('doc.xlsx.total_incl_vat'), '', '', '', '', '']);
  return [
    heading(1, annexHeading(t, PRICE_SCHEDULE_ANNEX, t('doc.xlsx.price_schedule.title')), true),
    ...editableText(t('doc.price_schedule_intro')),
    table(
      PRICE_SCHEDULE_COLUMNS.map((k) => t(k)),
      rows,
      [10, 36, 12, 12, 15, 15],
    ),
  ];
}
