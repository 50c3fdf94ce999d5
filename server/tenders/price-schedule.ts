// The price schedule (inventaris / inventaire) as one structure: the .xlsx annex and the Word annex both lay
// out these lines, so the two never disagree.
import type { TenderPlan } from './plan';

/** Lines a bidder fills in per lot. */
export const PRICE_SCHEDULE_ITEMS = 5;
/** The VAT rate the schedule starts from (the bidder may change it where another rate applies). */
export const DEFAULT_VAT_RATE = 0.21;
/** Column headings (catalog keys), in the order of the columns. */
export const PRICE_SCHEDULE_COLUMNS = [
  'doc.xlsx.item',
  'doc.xlsx.description',
  'doc.xlsx.unit',
  'doc.xlsx.quantity',
  'doc.xlsx.unit_price',
  'doc.xlsx.line_total',
] as const;

export interface PriceScheduleGroup {
  /** The lot, when the tender is divided into lots. */
  lot?: { number: number; name: string };
  /** The item numbers of the lines: "1.1" … with lots, "1" … without. */
  items: string[];
}

export function priceScheduleGroups(plan: TenderPlan): PriceScheduleGroup[] {
  const lots = plan.request.lots;
  const numbers = (prefix: string) => Array.from({ length: PRICE_SCHEDULE_ITEMS }, (_, i) => `${prefix}${i + 1}`);
  if (lots.length === 0) return [{ items: numbers('') }];
  return lots.map((lot, l) => ({ lot: { number: l + 1, name: lot.name }, items: numbers(`${l + 1}.`) }));
}
