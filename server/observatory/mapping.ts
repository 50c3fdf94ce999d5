// CPV codes → the clause library's categories, by code prefix (the rule the clause search uses for CPV codes:
// a category's code without its trailing zeros is the prefix), and the sustainability aspects of a notice.
import { categoriesForCpv } from '../search/query';
import type { NoticeRecord } from './model';

export interface CategoryCpv {
  code: string;
  cpv: { code: string }[];
}

/** Maps a notice's CPV codes (main, additional and the lots') to category codes, in the library's order. */
export function categoryMapper(categories: CategoryCpv[]): (cpv: string[]) => string[] {
  const cpvByCategory = new Map(categories.map((c) => [c.code, c.cpv.map((x) => x.code)]));
  const order = categories.map((c) => c.code);
  return (cpv) => {
    if (cpv.length === 0) return [];
    const found = categoriesForCpv(cpv, cpvByCategory);
    return order.filter((code) => found.has(code));
  };
}

export function allCpv(record: NoticeRecord): string[] {
  return [...new Set([record.mainCpv ?? '', ...record.additionalCpv].filter(Boolean))];
}

/** The aspects the figures count: BT-06 codes (or their detail, BT-774/775/776), GPP criteria, reservations. */
export function aspectsOf(record: NoticeRecord) {
  const s = record.strategic;
  return {
    envImp: s.bt06.includes('env-imp') || s.bt774.length > 0,
    socObj: s.bt06.includes('soc-obj') || s.bt775.length > 0,
    innPur: s.bt06.includes('inn-pur') || s.bt776.length > 0,
    gpp: s.bt805.length > 0,
    reserved: record.reservedParticipation.length > 0 || record.reservedExecution,
  };
}
