// The library annexes a bidder fills in (price-breakdown models, life-cycle cost worksheet) as .xlsx: the same
// columns and rows as the annex in the Word document, computed columns as formulas, totals as sums. They take the
// place of the generic price breakdown and life-cycle cost sheets, so there is one model, not two copies.
import type ExcelJS from 'exceljs';
import type { AnnexTableView, AnnexView } from '../clauses/annex-presenter';
import { parseFormula, spreadsheetFormula } from '../clauses/annex-formula';
import { isWorksheet, libraryAnnexNumbers } from './library-annexes';
import type { TenderPlan } from './plan';
import { EURO, header, titledSheet, workbook, type Translate } from './xlsx-kit';

/** Which generic sheet a library annex stands in for. */
function replaces(annex: AnnexView): 'price_breakdown' | 'life_cycle_cost' | undefined {
  if (annex.id.startsWith('ANX-PRICE-')) return 'price_breakdown';
  if (annex.id === 'ANX-LCC') return 'life_cycle_cost';
  return undefined;
}

const NUMBER_FORMAT: Record<string, string> = { money: EURO, number: '#,##0.##', percentage: '0.0' };

/** The spreadsheet's column letter of the n-th column (0 → A). */
const letter = (n: number) => String.fromCharCode(65 + n);

function addTable(sheet: ExcelJS.Worksheet, view: AnnexTableView, t: Translate): void {
  sheet.addRow([]);
  sheet.addRow([view.title]).font = { bold: true };
  const first =
    header(
      sheet,
      view.columns.map((c) => (c.input ? `${c.label} *` : c.label)),
      view.columns.map((c, i) => (i === 0 ? 36 : Math.min(24, Math.max(12, c.label.length / 2)))),
    ) + 1;
  const column = new Map(view.columns.map((c, i) => [c.key, letter(i)]));
  const formulas = view.columns.map((c) => (c.formula ? parseFormula(c.formula) : undefined));
  const rows = [...view.rows.map((r) => r.values), ...view.blankRows.map(() => view.columns.map(() => null))];
  for (const values of rows) {
    const row = sheet.addRow([]);
    view.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const tree = formulas[i];
      const value = values[i];
      if (tree) cell.value = { formula: spreadsheetFormula(tree, (name) => `${column.get(name)}${row.number}`) };
      else if (c.type === 'tick') cell.value = value === true ? '✓' : '';
      else if (value !== null && typeof value !== 'boolean') cell.value = value;
      if (NUMBER_FORMAT[c.type]) cell.numFmt = NUMBER_FORMAT[c.type];
    });
  }
  if (!view.totals) return;
  const last = sheet.lastRow!.number;
  const total = sheet.addRow([t('annexes.total')]);
  total.font = { bold: true };
  view.columns.forEach((c, i) => {
    if (!view.totals![i] || i === 0) return;
    const cell = total.getCell(i + 1);
    cell.value = { formula: `SUM(${letter(i)}${first}:${letter(i)}${last})` };
    if (NUMBER_FORMAT[c.type]) cell.numFmt = NUMBER_FORMAT[c.type];
  });
}

export interface LibraryWorksheet {
  book: ExcelJS.Workbook;
  /** End of the file name: "bijlage-6" / "annexe-6", the annex's number in the Word document. */
  file: string;
  replaces?: 'price_breakdown' | 'life_cycle_cost';
}

export function libraryWorksheets(plan: TenderPlan, t: Translate): LibraryWorksheet[] {
  const numbers = libraryAnnexNumbers(plan);
  return plan.annexes.filter(isWorksheet).map((annex) => {
    const number = numbers.get(annex.id)!;
    const book = workbook(plan, annex.title);
    for (const view of annex.tables) {
      const sheet = titledSheet(book, plan, t, t('doc.annexes.heading', { number, title: annex.title }), view.title);
      addTable(sheet, view, t);
    }
    return { book, file: t('doc.annexes.file', { number }), replaces: replaces(annex) };
  });
}
