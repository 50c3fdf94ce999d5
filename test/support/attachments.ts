// Small real files of each accepted kind (and a disguised executable), for the attachment tests and the bench.
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A 1 × 1 pixel PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JFIF file: what the type check reads. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
]);
/** A Windows executable: "MZ" and a DOS header. */
export const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62, 0x90),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

export async function docx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Bestek schoonmaak')] }] }));
}

export async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Prijzen').addRow(['Post', 'Prijs']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An OpenDocument text: a zip whose first entry, stored, is its mimetype. */
export async function odt(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', '<?xml version="1.0"?><office:document-content/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A PDF of about `bytes` bytes. */
export function pdfOfSize(bytes: number): Buffer {
  return Buffer.concat([PDF, Buffer.alloc(Math.max(0, bytes - PDF.length), 0x20)]);
}
