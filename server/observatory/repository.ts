// The SQL of the observatory's own tables: notices (latest version of each) and their categories.
import type { Knex } from 'knex';
import { aspectsOf } from './mapping';
import type { NoticeRecord } from './model';

type Db = Knex | Knex.Transaction;
const CHUNK = 400;

function chunks<T>(values: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

export interface StoredNotice {
  record: NoticeRecord;
  categories: string[];
  isLatest: boolean;
}

/** Sorts the notices of one procedure: issue date and time, then version. */
export function issuedKey(record: NoticeRecord): string {
  return `${record.issueDate}T${record.issueTime ?? '00:00:00'}#${String(record.version).padStart(4, '0')}`;
}

export class ObservatoryRepository {
  constructor(private readonly db: Knex) {}

  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The stored version of each notice id given (absent when not stored). */
  async storedVersions(ids: string[], db: Db = this.db): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = (await db('notices').whereIn('notice_id', part).select('notice_id', 'version')) as {
        notice_id: string;
        version: number;
      }[];
      for (const r of rows) found.set(r.notice_id, Number(r.version));
    }
    return found;
  }

  /** Writes notices (replacing a stored older version), then marks the latest notice of each procedure touched. */
  async save(
    trx: Knex.Transaction,
    notices: { record: NoticeRecord; categories: string[]; source: string }[],
    at: Date,
  ) {
    if (notices.length === 0) return;
    const ids = notices.map((n) => n.record.noticeId);
    for (const part of chunks(ids)) {
      await trx('notice_categories').whereIn('notice_id', part).delete();
      await trx('notices').whereIn('notice_id', part).delete();
    }
    const rows = notices.map(({ record, source }) => {
      const aspects = aspectsOf(record);
      return {
        notice_id: record.noticeId,
        version: record.version,
        procedure_id: record.procedureId,
        form_type: record.formType.slice(0, 30),
        notice_type: record.type.slice(0, 30),
        notice_subtype: record.subtype.slice(0, 10),
        issue_date: record.issueDate,
        issued_key: issuedKey(record),
        buyer_name: record.buyer.name.slice(0, 500),
        buyer_legal_id: record.buyer.legalId?.slice(0, 100) ?? null,
        buyer_nuts: record.buyer.nuts?.slice(0, 10) ?? null,
        buyer_country: record.buyer.country?.slice(0, 3) ?? null,
        main_cpv: record.mainCpv,
        estimated_value: record.estimatedValue,
        currency: record.currency?.slice(0, 3) ?? null,
        env_imp: aspects.envImp,
        soc_obj: aspects.socObj,
        inn_pur: aspects.innPur,
        gpp: aspects.gpp,
        reserved: aspects.reserved,
        non_price_weight: record.nonPriceWeight,
        tenders_received: record.tendersReceived,
        sme_tenders: record.smeTenders,
        // Planning notices without a procedure are their own latest; procedures are settled below.
        is_latest: record.procedureId === null,
        record: JSON.stringify(record),
        source: source.slice(-300),
        imported_at: at.toISOString(),
      };
    });
    for (const part of chunks(rows, 40)) await trx('notices').insert(part);
    const links = notices.flatMap((n) => n.categories.map((c) => ({ notice_id: n.record.noticeId, category_code: c })));
    for (const part of chunks(links, 200)) await trx('notice_categories').insert(part);
    const procedures = [...new Set(notices.map((n) => n.record.procedureId).filter((p): p is string => p !== null))];
    await this.settleLatest(trx, procedures);
  }

  /** Marks, for each procedure, its most recently issued notice as the one the figures count. */
  private async settleLatest(trx: Knex.Transaction, procedures: string[]): Promise<void> {
    for (const part of chunks(procedures)) {
      const rows = (await trx('notices')
        .whereIn('procedure_id', part)
        .select('notice_id', 'procedure_id', 'issued_key', 'is_latest')) as {
        notice_id: string;
        procedure_id: string;
        issued_key: string;
        is_latest: boolean | number;
      }[];
      const best = new Map<string, { id: string; key: string }>();
      for (const r of rows) {
        const current = best.get(r.procedure_id);
        if (!current || r.issued_key > current.key || (r.issued_key === current.key && r.notice_id > current.id))
          best.set(r.procedure_id, { id: r.notice_id, key: r.issued_key });
      }
      const winners = new Set([...best.values()].map((b) => b.id));
      const toTrue = rows.filter((r) => winners.has(r.notice_id) && !r.is_latest).map((r) => r.notice_id);
      const toFalse = rows.filter((r) => !winners.has(r.notice_id) && r.is_latest).map((r) => r.notice_id);
      for (const ids of chunks(toTrue)) await trx('notices').whereIn('notice_id', ids).update({ is_latest: true });
      for (const ids of chunks(toFalse)) await trx('notices').whereIn('notice_id', ids).update({ is_latest: false });
    }
  }

  async count(): Promise<number> {
    const row = (await this.db('notices').count({ n: '*' }).first()) as { n: number | string };
    return Number(row.n);
  }
}
