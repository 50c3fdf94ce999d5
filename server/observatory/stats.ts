// The observatory's figures, aggregated in SQL over the latest notice of each procedure: how many procedures,
// how many with each strategic-procurement aspect, GPP criteria, reservations, the non-price weight, and those
// with no sustainability aspect at all; in total and per library category.
import type { Knex } from 'knex';

export interface NoticeFilter {
  /** A NUTS code or its first characters (BE100 is the Brussels-Capital Region). */
  region: string;
  category?: string;
  /** Issue dates, first and last day included. */
  from?: string;
  to?: string;
}

export interface Figures {
  procedures: number;
  withoutStrategic: number;
  withoutAspect: number;
  strategic: { 'env-imp': number; 'soc-obj': number; 'inn-pur': number };
  gpp: number;
  reserved: number;
  /** Average share (0–100) of the award weight on quality criteria, over procedures whose notice gives it. */
  averageNonPriceWeight: number | null;
  withAwardWeights: number;
  /** Award notices that give the numbers: tenders received and from SMEs. */
  tendersReceived: number;
  smeTenders: number;
}

export interface CategoryFigures extends Figures {
  category: string;
}

export interface NoticeStats extends Figures {
  region: string;
  from: string | null;
  to: string | null;
  byCategory: CategoryFigures[];
}

const NO_STRATEGIC = 'n.env_imp = ? and n.soc_obj = ? and n.inn_pur = ?';
const NO_ASPECT = `${NO_STRATEGIC} and n.gpp = ? and n.reserved = ?`;

export function applyFilter(query: Knex.QueryBuilder, filter: NoticeFilter): Knex.QueryBuilder {
  query.where('n.buyer_nuts', 'like', `${filter.region}%`);
  if (filter.from) query.where('n.issue_date', '>=', filter.from);
  if (filter.to) query.where('n.issue_date', '<=', filter.to);
  return query;
}

function aggregates(db: Knex, query: Knex.QueryBuilder): Knex.QueryBuilder {
  const count = (condition: string, bindings: unknown[]) =>
    db.raw(`sum(case when ${condition} then 1 else 0 end)`, bindings as Knex.RawBinding[]);
  const no = [false, false, false];
  return query.select({
    procedures: db.raw('count(*)'),
    without_strategic: count(NO_STRATEGIC, no),
    without_aspect: count(NO_ASPECT, [...no, false, false]),
    env_imp: count('n.env_imp = ?', [true]),
    soc_obj: count('n.soc_obj = ?', [true]),
    inn_pur: count('n.inn_pur = ?', [true]),
    gpp: count('n.gpp = ?', [true]),
    reserved: count('n.reserved = ?', [true]),
    non_price: db.raw('avg(n.non_price_weight)'),
    with_weights: db.raw('count(n.non_price_weight)'),
    tenders: db.raw('sum(coalesce(n.tenders_received, 0))'),
    sme: db.raw('sum(coalesce(n.sme_tenders, 0))'),
  });
}

function toFigures(row: Record<string, unknown> | undefined): Figures {
  const n = (key: string) => Number(row?.[key] ?? 0);
  const average = row?.non_price === null || row?.non_price === undefined ? null : Number(row.non_price);
  return {
    procedures: n('procedures'),
    withoutStrategic: n('without_strategic'),
    withoutAspect: n('without_aspect'),
    strategic: { 'env-imp': n('env_imp'), 'soc-obj': n('soc_obj'), 'inn-pur': n('inn_pur') },
    gpp: n('gpp'),
    reserved: n('reserved'),
    averageNonPriceWeight: average === null ? null : Math.round(average * 10) / 10,
    withAwardWeights: n('with_weights'),
    tendersReceived: n('tenders'),
    smeTenders: n('sme'),
  };
}

/** The procedures counted: the latest notice of each, issued by a buyer of the region within the dates. */
export function countedProcedures(db: Knex, filter: NoticeFilter): Knex.QueryBuilder {
  const query = db('notices as n').where('n.is_latest', true).whereNotNull('n.procedure_id');
  return applyFilter(query, filter);
}

export async function noticeStats(db: Knex, filter: NoticeFilter, categories?: string[]): Promise<NoticeStats> {
  const total = (await aggregates(db, countedProcedures(db, filter)).first()) as Record<string, unknown> | undefined;
  const perCategory = aggregates(
    db,
    countedProcedures(db, filter)
      .join('notice_categories as nc', 'nc.notice_id', 'n.notice_id')
      .groupBy('nc.category_code')
      .select({ category: 'nc.category_code' }),
  );
  if (categories) perCategory.whereIn('nc.category_code', categories);
  const rows = (await perCategory) as Record<string, unknown>[];
  return {
    region: filter.region,
    from: filter.from ?? null,
    to: filter.to ?? null,
    ...toFigures(total),
    byCategory: rows.map((r) => ({ category: String(r.category), ...toFigures(r) })),
  };
}
