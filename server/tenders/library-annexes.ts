// The annexes of the clause library in the Word tender (price-breakdown models, life-cycle cost worksheet,
// seasonal calendar, measurement method, accepted proofs), numbered after the document's own annexes, each in
// its own section: landscape when its tables have many columns, so that fixed column widths still fit.
import { PageOrientation, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import type { AnnexTableView, AnnexView } from '../clauses/annex-presenter';
import { heading, LANDSCAPE_TEXT_WIDTH, para, paragraphs, safe, table, type TableOptions } from './docx-kit';
import type { ResolvedClause, TenderPlan } from './plan';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Annexes 1–3 (proofs, clause trace, eForms) come first; then the offer form and the price schedule. */
export const OFFER_FORM_ANNEX = 4;
export const PRICE_SCHEDULE_ANNEX = 5;
const FIRST_LIBRARY_ANNEX = 6;

/** Portrait A4 holds this many fixed-width columns; wider tables go on a landscape page. */
const PORTRAIT_COLUMNS = 6;
/** Past this many columns, the cells are set in 8 points instead of 9. */
const SMALL_TEXT_COLUMNS = 9;

/** The heading of an annex, which the table of contents lists: "Bijlage 6 – Seizoenskalender …". */
export const annexHeading = (t: Translate, number: number, title: string) =>
  t('doc.annexes.heading', { number, title });

/** The number each library annex gets in the document, in the order of `plan.annexes`. */
export function libraryAnnexNumbers(plan: TenderPlan): Map<string, number> {
  return new Map(plan.annexes.map((annex, i) => [annex.id, FIRST_LIBRARY_ANNEX + i]));
}

/** An annex a bidder fills in (a table with input columns): it also goes into the package as a spreadsheet. */
export const isWorksheet = (annex: AnnexView) => annex.tables.some((t) => t.columns.some((c) => c.input));

/** Where a clause's text says "in annex": the number and title of each annex it refers to. */
export function clauseAnnexReferences(clause: ResolvedClause, plan: TenderPlan, t: Translate): Paragraph[] {
  const numbers = libraryAnnexNumbers(plan);
  return (clause.document.annexes ?? []).flatMap((id) => {
    const annex = plan.annexes.find((a) => a.id === id);
    if (!annex) return [];
    return [
      para([
        new TextRun({ text: t('doc.annexes.see', { number: numbers.get(id)!, title: annex.title }), italics: true }),
      ]),
    ];
  });
}

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));

/** A cell's left and right margins, counted in letters, so that shares follow what a column really needs. */
const MARGIN_LETTERS = 2.5;

/**
 * Column shares after what the columns hold: the longest word of the header or of a cell, so that "Frambozen" and
 * "Werkgeverslasten" keep to one line and short columns (months, ticks) give up their room.
 */
function contentShares(headers: string[], rows: string[][]): number[] {
  const weights = headers.map(
    (header, i) => Math.max(3, longestWord(header), ...rows.map((r) => longestWord(r[i] ?? ''))) + MARGIN_LETTERS,
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * 100);
}

function annexTable(view: AnnexTableView, t: Translate, options: TableOptions): FileChild[] {
  const headers = view.columns.map((c) => (c.input ? `${c.label} *` : c.label));
  const rows = [...view.rows, ...view.blankRows].map((r) => r.cells);
  if (view.totals) rows.push(view.totals.map((cell, i) => (i === 0 && !cell ? t('annexes.total') : cell)));
  return [
    para([new TextRun({ text: safe(view.title, 300), bold: true })], { keepNext: true }),
    table(headers, rows, contentShares(headers, rows), options),
    new Paragraph({ spacing: { after: 200 } }),
  ];
}

function annexSection(annex: AnnexView, number: number, t: Translate): ISectionOptions {
  const columns = Math.max(0, ...annex.tables.map((tbl) => tbl.columns.length));
  const landscape = columns > PORTRAIT_COLUMNS;
  const options: TableOptions = landscape
    ? { textWidth: LANDSCAPE_TEXT_WIDTH, size: columns > SMALL_TEXT_COLUMNS ? 16 : 18 }
    : {};
  const children: FileChild[] = [
    heading(1, annexHeading(t, number, annex.title)),
    ...annex.intro.flatMap((p) => paragraphs(p)),
    ...(isWorksheet(annex) ? [para([new TextRun({ text: t('doc.annexes.worksheet_note'), italics: true })])] : []),
    ...annex.sections.flatMap((s) => [heading(2, s.heading), ...s.paragraphs.flatMap((p) => paragraphs(p))]),
    ...annex.tables.flatMap((view) => annexTable(view, t, options)),
  ];
  return {
    properties: landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
    children,
  };
}

/** One section per library annex, in the order of their numbers. */
export function libraryAnnexSections(plan: TenderPlan, t: Translate): ISectionOptions[] {
  const numbers = libraryAnnexNumbers(plan);
  return plan.annexes.map((annex) => annexSection(annex, numbers.get(annex.id)!, t));
}
