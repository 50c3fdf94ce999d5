// What the observatory keeps of a published eForms notice, and what an import reports.

/** The strategic-procurement codes of a notice or lot (BT-06, BT-774, BT-775, BT-776, BT-805), without "none". */
export interface StrategicCodes {
  bt06: string[];
  bt774: string[];
  bt775: string[];
  bt776: string[];
  bt805: string[];
}

export interface AwardCriterion {
  /** BT-539: price, cost or quality. */
  type: string;
  /** BT-541, with its kind (BT-5421: per-exa, poi-exa, …) when the notice gives one. */
  weight: number | null;
  weightKind: string | null;
}

export interface NoticeLot {
  id: string;
  title: string;
  mainCpv: string | null;
  additionalCpv: string[];
  estimatedValue: number | null;
  strategic: StrategicCodes;
  /** BT-71 reserved participation codes, without "none". */
  reservedParticipation: string[];
  /** BT-736: "yes", "no", "not-known" or null. */
  reservedExecution: string | null;
  awardCriteria: AwardCriterion[];
  submissionDeadline: string | null;
}

export interface NoticeBuyer {
  name: string;
  legalId: string | null;
  nuts: string | null;
  country: string | null;
}

export interface NoticeRecord {
  noticeId: string;
  version: number;
  procedureId: string | null;
  /** The root element's kind: competition, result, planning, dir-awa-pre, … (listName of BT-02). */
  formType: string;
  /** BT-02 notice type (cn-standard, can-social, pin-only, …) and OPP-070 subtype (1–40, E1–E6). */
  type: string;
  subtype: string;
  issueDate: string;
  issueTime: string | null;
  /** The notice this one changes (BT-758), when it is a change notice. */
  changes: string | null;
  buyer: NoticeBuyer;
  mainCpv: string | null;
  additionalCpv: string[];
  estimatedValue: number | null;
  currency: string | null;
  lots: NoticeLot[];
  /** The union over the lots. */
  strategic: StrategicCodes;
  reservedParticipation: string[];
  reservedExecution: boolean;
  awardCriteria: AwardCriterion[];
  /** Average over the lots with weights of the share given to non-price criteria (0–100). */
  nonPriceWeight: number | null;
  /** Award notices: tenders received (BT-759 "tenders") and from SMEs ("t-sme"), summed over the lots. */
  tendersReceived: number | null;
  smeTenders: number | null;
}

/** One problem of a refused file: a catalog key (observatory.problems.*) with its parameters. */
export interface NoticeProblem {
  messageKey: string;
  params?: Record<string, string | number>;
}

export type ImportOutcome = 'added' | 'replaced' | 'unchanged' | 'older' | 'refused';

export interface FileResult {
  file: string;
  outcome: ImportOutcome;
  noticeId?: string;
  version?: number;
  problems: NoticeProblem[];
}

export interface ImportReport {
  files: FileResult[];
  added: number;
  replaced: number;
  unchanged: number;
  older: number;
  refused: number;
}

export const emptyStrategic = (): StrategicCodes => ({ bt06: [], bt774: [], bt775: [], bt776: [], bt805: [] });
