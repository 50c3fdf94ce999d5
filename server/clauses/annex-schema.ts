// The shape of an annex file (clauses/_annexes/<ID>.yaml): a bilingual document that clauses refer to by id
// (price-breakdown models, a life-cycle cost worksheet, a seasonal calendar, a measurement method, lists of proofs).
// Prose sections go into the Word tender; tables also become spreadsheet annexes that bidders fill in.
import { z } from 'zod';
import { localized } from './schema';

export const ANNEX_ID_PATTERN = /^ANX-[A-Z0-9]{2,12}(-[A-Z0-9]{2,12})?$/;

const columnKey = z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, { message: 'must be lower_snake_case' });

const column = z.strictObject({
  key: columnKey,
  label: localized,
  /** What a cell holds: text, a number, an amount in euro, a percentage, or a month tick. */
  type: z.enum(['text', 'number', 'money', 'percentage', 'tick']),
  /** Filled in by the bidder (true) or given by the buyer (false). */
  input: z.boolean().default(false),
  /** A computed column: an arithmetic expression over other column keys of the same row, e.g. "hours * rate". */
  formula: z
    .string()
    .regex(/^[a-z0-9_+\-*/(). ]+$/, { message: 'may only use column keys, numbers and + - * / ( )' })
    .optional(),
  /** Whether the table's last row sums this column. */
  total: z.boolean().default(false),
});

const row = z.strictObject({
  /** The values given by the buyer, by column key (texts in both languages). */
  cells: z.record(columnKey, z.union([localized, z.number(), z.boolean()])),
});

const table = z.strictObject({
  key: columnKey,
  title: localized,
  columns: z.array(column).min(1),
  rows: z.array(row).min(1),
  /** Empty rows the bidder may add below the given ones. */
  blank_rows: z.number().int().min(0).max(50).default(0),
});

export const annexSchema = z.strictObject({
  id: z.string().regex(ANNEX_ID_PATTERN, { message: 'must look like ANX-PRICE-CLEAN' }),
  title: localized,
  intro: localized,
  sections: z.array(z.strictObject({ heading: localized, text: localized })).default([]),
  tables: z.array(table).default([]),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type AnnexDocument = z.infer<typeof annexSchema>;
