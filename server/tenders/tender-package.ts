// The whole tender as one download: the .docx and the spreadsheet annexes in a ZIP, named in the document's
// language (bestek-REF.docx, bestek-REF-inventaris.xlsx, …).
import JSZip from 'jszip';
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
  const zip = new JSZip();
  zip.file(safeFileName(fileStem, 'docx'), await tenderDocument(plan, now, categoryName), { date: now });
  for (const annex of await spreadsheetAnnexes(plan)) {
    zip.file(safeFileName(`${fileStem}-${annex.file}`, 'xlsx'), annex.buffer, { date: now });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
