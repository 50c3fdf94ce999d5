// The spreadsheet annexes a bidder fills in, as .xlsx (ExcelJS): the price schedule (inventaris / inventaire),
// the price breakdown per joint committee, and the life-cycle cost worksheet when a chosen clause prices
// energy. Labels in the document's language; totals are formulas, recalculated when the file is opened.
import ExcelJS from 'exceljs';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { TenderPlan } from './plan';
import { libraryWorksheets } from './annex-spreadsheets';
import { EURO, header, PERCENT, titledSheet, totalRow, workbook, type Translate } from './xlsx-kit';
import { DEFAULT_VAT_RATE, PRICE_SCHEDULE_COLUMNS, PRICE_SCHEDULE_ITEMS, priceScheduleGroups } from './price-schedule';

export interface SpreadsheetAnnex {
  /** What the sheet is: one of the generic ones, or a library annex (the Word document's annex of that number). */
  kind: 'price_schedule' | 'price_breakdown' | 'life_cycle_cost' | 'library_annex';
  /** The end of the file name, in the document's language ("inventaris", "bijlage-6"). */
  file: string;
  buffer: Buffer;
}

type GenericKind = Exclude<SpreadsheetAnnex['kind'], 'library_annex'>;

/** Joint committees (paritair comité / commission paritaire) of the categories where they are certain. */
const JOINT_COMMITTEE: Record<string, string> = {
  cleaning: '121',
  construction: '124',
  catering: '302',
  security: '317',
};

function sheetWithHeader(book: ExcelJS.Workbook, plan: TenderPlan, t: Translate, kind: GenericKind) {
  return titledSheet(book, plan, t, t(`doc.xlsx.${kind}.title`), t(`doc.xlsx.${kind}.sheet`));
}

function priceSchedule(plan: TenderPlan, t: (k: string, p?: Record<string, string | number>) => string) {
  const book = workbook(plan, t('doc.xlsx.price_schedule.title'));
  const sheet = sheetWithHeader(book, plan, t, 'price_schedule');
  const first = header(
    sheet,
    PRICE_SCHEDULE_COLUMNS.map((k) => t(k)),
    [8, 48, 12, 12, 18, 18],
  );
  let items = 0;
  for (const group of priceScheduleGroups(plan)) {
    if (group.lot) sheet.addRow([t('doc.xlsx.lot', group.lot)]).font = { bold: true };
    for (const item of group.items) {
      items += 1;
      const row = sheet.addRow([item, `[${t('doc.xlsx.describe_item')}]`, '', null, null]);
      row.getCell(6).value = { formula: `D${row.number}*E${row.number}` };
      row.getCell(5).numFmt = EURO;
      row.getCell(6).numFmt = EURO;
    }
  }
  const last = sheet.lastRow!.number;
  const total = totalRow(sheet, t('doc.xlsx.total_excl_vat'), 'F', `SUM(F${first + 1}:F${last})`);
  const rate = sheet.addRow([t('doc.xlsx.vat_rate'), '', '', '', DEFAULT_VAT_RATE]);
  rate.getCell(5).numFmt = PERCENT;
  const vat = totalRow(sheet, t('doc.xlsx.vat'), 'F', `F${total}*E${rate.number}`);
  totalRow(sheet, t('doc.xlsx.total_incl_vat'), 'F', `F${total}+F${vat}`);
  return { book, items };
}

function priceBreakdown(plan: TenderPlan, t: (k: string) => string) {
  const book = workbook(plan, t('doc.xlsx.price_breakdown.title'));
  const sheet = sheetWithHeader(book, plan, t, 'price_breakdown');
  const committee =
    JOINT_COMMITTEE[plan.request.category ?? ''] ??
    plan.clauses
      .flatMap((c) => c.document.categories)
      .map((c) => JOINT_COMMITTEE[c])
      .find(Boolean) ??
    '';
  const first = header(
    sheet,
    [
      'doc.xlsx.joint_committee',
      'doc.xlsx.function',
      'doc.xlsx.hourly_wage',
      'doc.xlsx.social_charges',
      'doc.xlsx.hours',
      'doc.xlsx.labour_cost',
    ].map((k) => t(k)),
    [16, 36, 18, 18, 12, 18],
  );
  for (let i = 0; i < PRICE_SCHEDULE_ITEMS; i += 1) {
    const row = sheet.addRow([committee, `[${t('doc.xlsx.describe_function')}]`, null, null, null]);
    row.getCell(6).value = { formula: `C${row.number}*(1+D${row.number})*E${row.number}` };
    row.getCell(3).numFmt = EURO;
    row.getCell(4).numFmt = PERCENT;
    row.getCell(6).numFmt = EURO;
  }
  const labourEnd = sheet.lastRow!.number;
  const labour = totalRow(sheet, t('doc.xlsx.labour_total'), 'F', `SUM(F${first + 1}:F${labourEnd})`);
  const others = ['doc.xlsx.materials', 'doc.xlsx.equipment', 'doc.xlsx.overheads', 'doc.xlsx.profit'].map((k) => {
    const row = sheet.addRow([t(k)]);
    row.getCell(6).numFmt = EURO;
    return row.number;
  });
  totalRow(sheet, t('doc.xlsx.price_total'), 'F', `F${labour}+SUM(F${others[0]}:F${others[others.length - 1]})`);
  return { book, committee };
}

/** The energy price and the period a chosen clause sets, when one prices energy over the life of the purchase. */
export function lifeCycleInputs(plan: TenderPlan): { price: number; years: number; clauseId: string } | undefined {
  for (const clause of plan.clauses) {
    const price = clause.document.parameters.find((p) => p.type === 'money' && /_price$/.test(p.name));
    if (!price) continue;
    const years = clause.document.parameters.find((p) => /years$/.test(p.name));
    return {
      price: Number(clause.values[price.name] ?? price.default),
      years: Number(years ? (clause.values[years.name] ?? years.default) : 10),
      clauseId: clause.document.id,
    };
  }
  return undefined;
}

function lifeCycleCost(plan: TenderPlan, t: (k: string, p?: Record<string, string | number>) => string) {
  const inputs = lifeCycleInputs(plan)!;
  const book = workbook(plan, t('doc.xlsx.life_cycle_cost.title'));
  const sheet = sheetWithHeader(book, plan, t, 'life_cycle_cost');
  const years = sheet.addRow([t('doc.xlsx.years'), inputs.years]);
  const price = sheet.addRow([t('doc.xlsx.energy_price'), inputs.price]);
  price.getCell(2).numFmt = '0.000';
  sheet.addRow([t('doc.xlsx.from_clause', { id: inputs.clauseId })]).font = { italic: true };
  const first = header(
    sheet,
    [
      'doc.xlsx.offer',
      'doc.xlsx.purchase_price',
      'doc.xlsx.consumption',
      'doc.xlsx.energy_cost',
      'doc.xlsx.maintenance',
      'doc.xlsx.end_of_life',
      'doc.xlsx.lcc',
    ].map((k) => t(k)),
    [28, 18, 20, 20, 20, 18, 20],
  );
  for (let i = 0; i < 3; i += 1) {
    const row = sheet.addRow([`[${t('doc.xlsx.describe_offer')}]`, null, null]);
    const r = row.number;
    row.getCell(4).value = { formula: `C${r}*$B$${price.number}` };
    row.getCell(7).value = { formula: `B${r}+$B$${years.number}*(D${r}+E${r})+F${r}` };
    for (const c of [2, 4, 5, 6, 7]) row.getCell(c).numFmt = EURO;
  }
  void first;
  return { book };
}

/**
 * The price schedule; the price breakdown and the life-cycle cost worksheet of the clause library where the chosen
 * clauses refer to them (one workbook per library worksheet annex), else the generic ones.
 */
export async function spreadsheetAnnexes(plan: TenderPlan): Promise<SpreadsheetAnnex[]> {
  const lang: Lang = plan.request.lang;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const write = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
  const generic = async (kind: GenericKind, book: ExcelJS.Workbook): Promise<SpreadsheetAnnex> => ({
    kind,
    file: t(`doc.xlsx.${kind}.file`),
    buffer: await write(book),
  });
  const library = libraryWorksheets(plan, t);
  const out: SpreadsheetAnnex[] = [await generic('price_schedule', priceSchedule(plan, t).book)];
  if (!library.some((w) => w.replaces === 'price_breakdown'))
    out.push(await generic('price_breakdown', priceBreakdown(plan, t).book));
  if (lifeCycleInputs(plan) && !library.some((w) => w.replaces === 'life_cycle_cost'))
    out.push(await generic('life_cycle_cost', lifeCycleCost(plan, t).book));
  for (const sheet of library) out.push({ kind: 'library_annex', file: sheet.file, buffer: await write(sheet.book) });
  return out;
}
