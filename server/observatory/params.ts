// The query parameters of the observatory (page, CSV and API): region, category, dates, paging.
import { z } from 'zod';
import { messageKey } from '../http/validation';
import { BRUSSELS_NUTS } from './service';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
  .refine(
    (v) => !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    messageKey('validation.date'),
  )
  .optional();

export const noticeQuery = z
  .object({
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}[A-Z0-9]{0,3}$/, messageKey('observatory.errors.region'))
      .default(BRUSSELS_NUTS),
    category: z.string().trim().max(40).optional(),
    from: day,
    to: day,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], ...messageKey('monitoring.to_before_from') });

export type NoticeQuery = z.infer<typeof noticeQuery>;

/** Only the single string values of a query (repeated parameters are refused by the schema as invalid). */
export function queryValues(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}
