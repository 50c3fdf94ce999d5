// The whole tender as one download: the .docx and the spreadsheet annexes in a ZIP, named in the document's
// language (bestek-REF.docx, bestek-REF-inventaris.xlsx, …).
import { zipSync, type Zippable } from 'fflate';
import type { TenderPlan } from './plan';
import { spreadsheetAnnexes } from './spreadsheets';
import { safeFileName, tenderDocument } from './tender-document';

export const ZIP_MIME = 'application/zip';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tenderPackage(
  plan: TenderPlan,
  now: Date,
  fileStem: string,
  categoryName?: string,
): Promise<Buffer> {
  // The .docx and .xlsx files are ZIP archives already: stored (level 0), not compressed a second time.
  const files: Zippable = {
    [safeFileName(fileStem, 'docx')]: [await tenderDocument(plan, now, categoryName), { level: 0, mtime: now }],
  };
  for (const annex of await spreadsheetAnnexes(plan)) {
    files[safeFileName(`${fileStem}-${annex.file}`, 'xlsx')] = [annex.buffer, { level: 0, mtime: now }];
  }
  return Buffer.from(zipSync(files));
}
