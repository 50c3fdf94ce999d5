// Building blocks of the spreadsheet annexes (ExcelJS): a workbook that recalculates on opening, a sheet that
// names the tender, a header row, a total row, and the number formats.
import ExcelJS from 'exceljs';
import type { TenderPlan } from './plan';

export type Translate = (k: string, p?: Record<string, string | number>) => string;

export const EURO = '#,##0.00';
export const PERCENT = '0.0%';

export function workbook(plan: TenderPlan, title: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = plan.request.authority.slice(0, 200);
  book.title = title;
  book.subject = plan.request.title.slice(0, 300);
  book.calcProperties.fullCalcOnLoad = true;
  return book;
}

/** A sheet that starts with its title, the tender it belongs to and the note on what the bidder fills in. */
export function titledSheet(
  book: ExcelJS.Workbook,
  plan: TenderPlan,
  t: Translate,
  title: string,
  sheetName: string,
): ExcelJS.Worksheet {
  // Excel refuses these characters and more than 31 characters in a sheet name.
  const sheet = book.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([
    `${plan.request.authority} · ${plan.request.title}${plan.request.reference ? ` · ${plan.request.reference}` : ''}`,
  ]);
  sheet.addRow([t('doc.xlsx.fill_note')]).font = { italic: true };
  return sheet;
}

export function header(sheet: ExcelJS.Worksheet, labels: string[], widths: number[]): number {
  const row = sheet.addRow(labels);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6ECF2' } }));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
  return row.number;
}

export function totalRow(sheet: ExcelJS.Worksheet, label: string, column: string, formula: string): number {
  const row = sheet.addRow([]);
  row.getCell(1).value = label;
  row.getCell(1).font = { bold: true };
  const cell = sheet.getCell(`${column}${row.number}`);
  cell.value = { formula };
  cell.numFmt = EURO;
  cell.font = { bold: true };
  return row.number;
}
