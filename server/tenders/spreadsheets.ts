// The spreadsheet annexes a bidder fills in, as .xlsx (ExcelJS): the price schedule (inventaris / inventaire),
// the price breakdown per joint committee, and the life-cycle cost worksheet when a chosen clause prices
// energy. Labels in the document's language; totals are formulas, recalculated when the file is opened.
import ExcelJS from 'exceljs';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import type { TenderPlan } from './plan';

export interface SpreadsheetAnnex {
  /** Catalog key of the file-name stem (doc.xlsx.<kind>.file). */
  kind: 'price_schedule' | 'price_breakdown' | 'life_cycle_cost';
  buffer: Buffer;
}

const EURO = '#,##0.00';
const PERCENT = '0.0%';
const ITEM_ROWS = 5;

/** Joint committees (paritair comité / commission paritaire) of the categories where they are certain. */
const JOINT_COMMITTEE: Record<string, string> = {
  cleaning: '121',
  construction: '124',
  catering: '302',
  security: '317',
};

function workbook(plan: TenderPlan, title: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = plan.request.authority.slice(0, 200);
  book.title = title;
  book.subject = plan.request.title.slice(0, 300);
  book.calcProperties.fullCalcOnLoad = true;
  return book;
}

function sheetWithHeader(
  book: ExcelJS.Workbook,
  plan: TenderPlan,
  t: (k: string) => string,
  kind: SpreadsheetAnnex['kind'],
) {
  const name = t(`doc.xlsx.${kind}.title`);
  const sheet = book.addWorksheet(t(`doc.xlsx.${kind}.sheet`).slice(0, 31));
  sheet.addRow([name]).font = { bold: true, size: 14 };
  sheet.addRow([
    `${plan.request.authority} · ${plan.request.title}${plan.request.reference ? ` · ${plan.request.reference}` : ''}`,
  ]);
  sheet.addRow([t('doc.xlsx.fill_note')]).font = { italic: true };
  return sheet;
}

function header(sheet: ExcelJS.Worksheet, labels: string[], widths: number[]): number {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6ECF2' } }));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
  return row.number;
}

function totalRow(sheet: ExcelJS.Worksheet, label: string, column: string, formula: string): number {
  const row = sheet.addRow([]);
  row.getCell(1).value = label;
  row.getCell(1).font = { bold: true };
  const cell = sheet.getCell(`${column}${row.number}`);
  cell.value = { formula };
  cell.numFmt = EURO;
  cell.font = { bold: true };
  return row.number;
}

function priceSchedule(plan: TenderPlan, t: (k: string, p?: Record<string, string | number>) => string) {
  const book = workbook(plan, t('doc.xlsx.price_schedule.title'));
  const sheet = sheetWithHeader(book, plan, t, 'price_schedule');
  const first = header(
    sheet,
    [
      'doc.xlsx.item',
      'doc.xlsx.description',
      'doc.xlsx.unit',
      'doc.xlsx.quantity',
      'doc.xlsx.unit_price',
      'doc.xlsx.line_total',
    ].map((k) => t(k)),
    [8, 48, 12, 12, 18, 18],
  );
  const lots = plan.request.lots.length > 0 ? plan.request.lots.map((l) => l.name) : [undefined];
  let item = 0;
  lots.forEach((lot, l) => {
    if (lot) sheet.addRow([t('doc.xlsx.lot', { number: l + 1, name: lot })]).font = { bold: true };
    for (let i = 0; i < ITEM_ROWS; i += 1) {
      item += 1;
      const row = sheet.addRow([
        `${lot ? `${l + 1}.` : ''}${i + 1}`,
        `[${t('doc.xlsx.describe_item')}]`,
        '',
        null,
        null,
      ]);
      row.getCell(6).value = { formula: `D${row.number}*E${row.number}` };
      row.getCell(5).numFmt = EURO;
      row.getCell(6).numFmt = EURO;
    }
  });
  const last = sheet.lastRow!.number;
  const total = totalRow(sheet, t('doc.xlsx.total_excl_vat'), 'F', `SUM(F${first + 1}:F${last})`);
  const rate = sheet.addRow([t('doc.xlsx.vat_rate'), '', '', '', 0.21]);
  rate.getCell(5).numFmt = PERCENT;
  const vat = totalRow(sheet, t('doc.xlsx.vat'), 'F', `F${total}*E${rate.number}`);
  totalRow(sheet, t('doc.xlsx.total_incl_vat'), 'F', `F${total}+F${vat}`);
  return { book, items: item };
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
  for (let i = 0; i < ITEM_ROWS; i += 1) {
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

export async function spreadsheetAnnexes(plan: TenderPlan): Promise<SpreadsheetAnnex[]> {
  const lang: Lang = plan.request.lang;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const out: SpreadsheetAnnex[] = [];
  const write = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
  out.push({ kind: 'price_schedule', buffer: await write(priceSchedule(plan, t).book) });
  out.push({ kind: 'price_breakdown', buffer: await write(priceBreakdown(plan, t).book) });
  if (lifeCycleInputs(plan)) out.push({ kind: 'life_cycle_cost', buffer: await write(lifeCycleCost(plan, t).book) });
  return out;
}
