// Notices as lists: the API's paged list and the page's procedures without any sustainability aspect.
import type { Knex } from 'knex';
import type { NoticeRecord } from './model';
import { applyFilter, countedProcedures, type NoticeFilter } from './stats';

export interface ListedNotice {
  record: NoticeRecord;
  categories: string[];
  latestOfProcedure: boolean;
}

async function withCategories(db: Knex, rows: { notice_id: string; record: string; is_latest: unknown }[]) {
  const links = (await db('notice_categories')
    .whereIn(
      'notice_id',
      rows.map((r) => r.notice_id),
    )
    .select('notice_id', 'category_code')) as { notice_id: string; category_code: string }[];
  const byNotice = new Map<string, string[]>();
  for (const l of links) byNotice.set(l.notice_id, [...(byNotice.get(l.notice_id) ?? []), l.category_code]);
  return rows.map((r) => ({
    record: JSON.parse(r.record) as NoticeRecord,
    categories: (byNotice.get(r.notice_id) ?? []).sort(),
    latestOfProcedure: Boolean(r.is_latest),
  }));
}

const inCategory = (db: Knex, category: string) =>
  db('notice_categories as nc').whereRaw('nc.notice_id = n.notice_id').where('nc.category_code', category);

/** Every stored notice of the region (each at its latest version), newest first. */
export async function listNotices(
  db: Knex,
  filter: NoticeFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; notices: ListedNotice[] }> {
  const base = () => {
    const query = applyFilter(db('notices as n'), filter);
    if (filter.category) query.whereExists(inCategory(db, filter.category));
    return query;
  };
  const count = (await base().count({ n: '*' }).first()) as { n: number | string } | undefined;
  const rows = (await base()
    .orderBy([
      { column: 'n.issue_date', order: 'desc' },
      { column: 'n.notice_id', order: 'asc' },
    ])
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .select('n.notice_id', 'n.record', 'n.is_latest')) as { notice_id: string; record: string; is_latest: unknown }[];
  return { total: Number(count?.n ?? 0), notices: await withCategories(db, rows) };
}

/** Counted procedures of a category with no strategic code, no GPP criteria and no reservation. */
export async function proceduresWithoutAspect(
  db: Knex,
  filter: NoticeFilter,
  category: string,
  limit: number,
): Promise<ListedNotice[]> {
  const rows = (await countedProcedures(db, filter)
    .whereExists(inCategory(db, category))
    .where({ 'n.env_imp': false, 'n.soc_obj': false, 'n.inn_pur': false, 'n.gpp': false, 'n.reserved': false })
    .orderBy([
      { column: 'n.issue_date', order: 'desc' },
      { column: 'n.notice_id', order: 'asc' },
    ])
    .limit(limit)
    .select('n.notice_id', 'n.record', 'n.is_latest')) as { notice_id: string; record: string; is_latest: unknown }[];
  return withCategories(db, rows);
}
