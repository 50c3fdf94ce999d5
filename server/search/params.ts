// Reads search parameters from a query string, forgivingly: anything odd becomes a sensible default,
// so no input can turn a search into an error.
import type { Lang } from '../i18n/languages';
import { FACETS, type Facet, type SearchParams } from './query';

const MAX_VALUES = 20;

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => /^[a-z_]{1,40}$/.test(v))
    .slice(0, MAX_VALUES);
}

function int(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

export function searchParamsFrom(
  query: Record<string, unknown>,
  lang: Lang,
  defaults: { pageSize: number } = { pageSize: 20 },
): SearchParams {
  const filters: Partial<Record<Facet, string[]>> = {};
  for (const facet of FACETS) {
    const values = list(query[facet]);
    if (values.length > 0) filters[facet] = values;
  }
  const q = typeof query.q === 'string' ? query.q : Array.isArray(query.q) ? String(query.q[0] ?? '') : '';
  const cpv = typeof query.cpv === 'string' && /^[\d\s-]{2,12}$/.test(query.cpv) ? query.cpv.trim() : undefined;
  return {
    q: q.slice(0, 5000),
    lang,
    filters,
    cpv,
    page: int(query.page, 1, 1, 10_000),
    pageSize: int(query.pageSize, defaults.pageSize, 1, 100),
    literal: query.literal === '1' || query.literal === 'true',
  };
}
