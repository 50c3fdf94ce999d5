// Building blocks for the generated Word documents: text made safe for Word, highlighted placeholders,
// headings, tables with header rows, and the document language in the package properties.
import {
  AlignmentType,
  BorderStyle,
  type Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { localeOf, type Lang } from '../i18n/languages';
import { hasTypography, typesetWordXml } from '../i18n/typography';

// Characters that XML 1.0 forbids (and Word refuses), lone surrogates, and the non-characters U+FFFE/U+FFFF.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text from clauses and from the form, made safe for Word: no control characters, bounded length. */
export function safe(text: unknown, max = 20_000): string {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .slice(0, max);
}

/** A marked placeholder for what the buyer must still write: bracketed and highlighted. */
export function placeholder(label: string): TextRun {
  return new TextRun({ text: `[${safe(label)}]`, highlight: 'yellow', bold: true });
}

export function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  return safe(text)
    .split('\n')
    .map(
      (line, i) => new TextRun({ text: line, bold: options.bold, size: options.size, break: i > 0 ? 1 : undefined }),
    );
}

export function paragraphs(text: string): Paragraph[] {
  return safe(text)
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => new Paragraph({ children: [new TextRun(p)], spacing: { after: 120 } }));
}

export function para(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children, spacing: { after: 120 }, keepNext: options.keepNext });
}

export function heading(level: 1 | 2 | 3, text: string, pageBreakBefore = false): Paragraph {
  const headingLevel =
    level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({
    heading: headingLevel,
    children: [new TextRun(safe(text, 500))],
    pageBreakBefore,
    keepNext: true,
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A96A3' };
// Set once on the table (outer and inside lines), not on each cell: a 200-clause document has ~3,700 cells.
const TABLE_BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

export type CellContent = string | Paragraph[];

function cell(content: CellContent, header: boolean, width: number, size?: number): TableCell {
  const children =
    typeof content === 'string' ? [new Paragraph({ children: runs(content, { bold: header, size }) })] : content;
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E6ECF2' } : undefined,
  });
}

/** The text width of the page (A4, the default margins of one inch), in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 2 * 1440;
/** The text width of a landscape A4 page, for tables with many columns. */
export const LANDSCAPE_TEXT_WIDTH = 16838 - 2 * 1440;
/** The default text size (half-points): 11 points. */
const BODY_SIZE = 22;
// Generous for a bold 11-point Calibri letter (most are narrower), and the cell's left and right margins.
const HEADER_CHAR_WIDTH = 125;
const CELL_MARGINS = 2 * 115;

/**
 * Column widths (twips) from the wished shares, widened where a header's longest word would not fit on one
 * line ("Gecontroleerd", "Pondération"), the difference taken from the columns with the most room to spare.
 */
export function columnWidths(headers: string[], percents?: number[], options: TableOptions = {}): number[] {
  const textWidth = options.textWidth ?? TEXT_WIDTH;
  const charWidth = (HEADER_CHAR_WIDTH * (options.size ?? BODY_SIZE)) / BODY_SIZE;
  const shares = percents ?? headers.map(() => 100 / headers.length);
  const minimum = headers.map(
    (h) => Math.max(...h.split(/\s+/).map((word) => [...word].length)) * charWidth + CELL_MARGINS,
  );
  const widths = shares.map((p, i) => Math.round(Math.max((p / 100) * textWidth, minimum[i])));
  let excess = widths.reduce((a, b) => a + b, 0) - textWidth;
  while (excess > 0) {
    const spare = widths.map((w, i) => w - minimum[i]);
    const widest = spare.indexOf(Math.max(...spare));
    if (spare[widest] <= 0) break;
    const take = Math.min(spare[widest], excess, Math.max(1, Math.ceil(spare[widest] / 2)));
    widths[widest] -= take;
    excess -= take;
  }
  return widths;
}

export interface TableOptions {
  /** The width to fill (twips): the portrait text width unless said otherwise. */
  textWidth?: number;
  /** Text size of the cells given as strings (half-points), for tables with many columns. */
  size?: number;
}

/** A table whose first row is a header row, repeated on every page (accessible in Word and PDF). */
export function table(headers: string[], rows: CellContent[][], widths?: number[], options: TableOptions = {}): Table {
  const columns = columnWidths(headers, widths, options);
  const { size } = options;
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, true, columns[i], size)),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, false, columns[i], size)) })),
    ],
  });
}

export function centered(text: string, size: number, bold = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: safe(text, 500), size, bold })],
  });
}

/** Styles with the document language set on every run by default. */
export function stylesFor(locale: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: 'Calibri', size: 22, language: { value: locale } } },
      heading1: { run: { size: 32, bold: true, color: '003A60' }, paragraph: { spacing: { before: 360, after: 160 } } },
      heading2: { run: { size: 26, bold: true, color: '00558C' }, paragraph: { spacing: { before: 240, after: 120 } } },
      heading3: { run: { size: 23, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
    },
  };
}

/** The package properties of a generated document (docProps/core.xml). */
export interface DocumentProperties {
  title: string;
  subject: string;
  creator: string;
  description?: string;
  keywords?: string;
}

const escapeXml = (text: string) =>
  safe(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);

/** docProps/core.xml with the document language (dc:language, which docx does not write) and the given time. */
export function coreProperties(properties: DocumentProperties, lang: Lang, now: Date): string {
  const element = (name: string, value?: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const time = (name: string) => `<${name} xsi:type="dcterms:W3CDTF">${now.toISOString()}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.creator) +
    element('cp:keywords', properties.keywords) +
    element('dc:description', properties.description) +
    element('cp:lastModifiedBy', properties.creator) +
    '<cp:revision>1</cp:revision>' +
    time('dcterms:created') +
    time('dcterms:modified') +
    element('dc:language', localeOf(lang)) +
    '</cp:coreProperties>'
  );
}

/**
 * Packs a generated document for its language: the core properties with dc:language, and the language's typography
 * in the text (French: non-breaking space before : ; ! ?). Only a language with such typography costs a second pass
 * over the package (unzip, typeset, zip); the others are zipped once.
 */
export async function packDocument(
  document: Document,
  properties: DocumentProperties,
  lang: Lang,
  now: Date,
): Promise<Buffer> {
  const buffer = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(properties, lang, now) },
  ]);
  if (!hasTypography(lang)) return buffer;
  const files = unzipSync(buffer);
  const body = files['word/document.xml'];
  if (body) files['word/document.xml'] = strToU8(typesetWordXml(lang, strFromU8(body)));
  return Buffer.from(zipSync(files, { level: 6 }));
}
