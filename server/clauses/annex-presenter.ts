// An annex as a page (and later the Word tender) shows it in one language: texts picked, numbers formatted,
// computed columns worked out for the rows the buyer gives, totals summed.
import { formatNumber } from '../i18n/format';
import { pick, type Lang } from '../i18n/languages';
import { evaluate, parseFormula } from './annex-formula';
import type { AnnexDocument } from './annex-schema';

export interface AnnexColumnView {
  key: string;
  label: string;
  type: string;
  input: boolean;
  formula?: string;
}

export interface AnnexTableView {
  key: string;
  title: string;
  columns: AnnexColumnView[];
  /** Cells as shown, and `values`: what the buyer gave (number, text in the language) or null, for spreadsheets. */
  rows: { cells: string[]; values: (string | number | boolean | null)[] }[];
  /** Empty rows for the bidder, as a list so that templates can repeat them. */
  blankRows: { cells: string[] }[];
  totals?: string[];
}

export interface AnnexView {
  id: string;
  title: string;
  intro: string[];
  sections: { heading: string; paragraphs: string[] }[];
  tables: AnnexTableView[];
}

const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim() !== '');

function show(type: string, value: number | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (type === 'percentage') return `${formatNumber(lang, value)} %`;
  return formatNumber(lang, value);
}

/**
 * `fill` sets a numeric column in every row that gives it (column key → value): the period a clause sets for a
 * life-cycle cost, so that the annex counts the same years as the clause text.
 */
export function presentAnnex(annex: AnnexDocument, lang: Lang, fill: Record<string, number> = {}): AnnexView {
  return {
    id: annex.id,
    title: pick(annex.title, lang),
    intro: paragraphs(pick(annex.intro, lang)),
    sections: annex.sections.map((s) => ({
      heading: pick(s.heading, lang),
      paragraphs: paragraphs(pick(s.text, lang)),
    })),
    tables: annex.tables.map((table) => {
      const formulas = new Map(table.columns.filter((c) => c.formula).map((c) => [c.key, parseFormula(c.formula!)]));
      const sums = new Map<string, number>();
      const rows = table.rows.map((given) => {
        const row = { cells: { ...given.cells } };
        for (const [key, value] of Object.entries(fill)) if (typeof row.cells[key] === 'number') row.cells[key] = value;
        const numbers: Record<string, number | undefined> = {};
        for (const [key, value] of Object.entries(row.cells)) if (typeof value === 'number') numbers[key] = value;
        for (const [key, tree] of formulas) numbers[key] = evaluate(tree, numbers);
        return {
          values: table.columns.map((column) => {
            const value = row.cells[column.key];
            if (value === undefined) return null;
            return typeof value === 'object' ? pick(value, lang) : value;
          }),
          cells: table.columns.map((column) => {
            const value = row.cells[column.key];
            if (column.total && numbers[column.key] !== undefined)
              sums.set(column.key, (sums.get(column.key) ?? 0) + numbers[column.key]!);
            if (column.type === 'tick') return value === true ? '✓' : '';
            if (value !== undefined && typeof value === 'object') return pick(value, lang);
            return show(column.type, numbers[column.key], lang);
          }),
        };
      });
      const hasTotals = table.columns.some((c) => c.total);
      return {
        key: table.key,
        title: pick(table.title, lang),
        columns: table.columns.map((c) => ({
          key: c.key,
          label: pick(c.label, lang),
          type: c.type,
          input: c.input,
          ...(c.formula ? { formula: c.formula } : {}),
        })),
        rows,
        blankRows: Array.from({ length: table.blank_rows }, () => ({ cells: table.columns.map(() => '') })),
        ...(hasTotals
          ? { totals: table.columns.map((c) => (c.total ? show(c.type, sums.get(c.key) ?? 0, lang) : '')) }
          : {}),
      };
    }),
  };
}
