// Reads a generated .docx for assertions: unzips it and parses its XML parts.
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type request from 'supertest';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Docx {
  document: XmlDocument;
  styles: XmlDocument;
  core: XmlDocument;
  /** Paragraphs in order: their style and text. */
  paragraphs: { style: string; text: string }[];
  text: string;
}

function parse(xml: string): XmlDocument {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0) throw new Error(`invalid XML: ${errors.join('; ')}`);
  return doc;
}

export async function readDocx(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => parse(await zip.file(name)!.async('string'));
  const document = await read('word/document.xml');
  const paragraphs = Array.from(document.getElementsByTagNameNS(W, 'p')).map((p) => {
    const style = (p.getElementsByTagNameNS(W, 'pStyle')[0] as Element | undefined)?.getAttributeNS(W, 'val') ?? '';
    const text = Array.from(p.getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent ?? '')
      .join('');
    return { style, text };
  });
  return {
    document,
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    paragraphs,
    text: paragraphs.map((p) => p.text).join('\n'),
  };
}

export function headings(docx: Docx, level: number): string[] {
  return docx.paragraphs.filter((p) => p.style === `Heading${level}`).map((p) => p.text);
}

/** A supertest parser that keeps a binary body (a .docx) as a Buffer. */
export function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
