// Reads one eForms notice (UBL XML) into a NoticeRecord, or says what is missing or malformed. Pure: no I/O.
import { cpvCodes, mergeStrategic, nonPriceShare, numberOrNull, parseLot, strategicCodes } from './lots';
import type { NoticeBuyer, NoticeProblem, NoticeRecord } from './model';
import {
  all,
  attr,
  children,
  coded,
  eformsExtension,
  first,
  xmlReader,
  text,
  textAt,
  XmlRefused,
  type XNode,
} from './xml';

/** The notice documents of the eForms schema the observatory reads. */
export const NOTICE_ROOTS = ['ContractNotice', 'ContractAwardNotice', 'PriorInformationNotice'] as const;

// Parts of a notice the observatory never reads (contacts, appeals, descriptions, tenders and contracts of award
// notices, …): skipping them makes parsing about a third faster.
const readNoticeXml = xmlReader([
  'cac:AppealTerms',
  'cac:CallForTendersDocumentReference',
  'cac:Contact',
  'cac:TenderRecipientParty',
  'cac:PostAwardProcess',
  'cac:OpenTenderEvent',
  'cac:AuctionTerms',
  'cac:ContractingSystem',
  'cac:PlannedPeriod',
  'cac:RealizedLocation',
  'cac:ProcessJustification',
  'cac:Language',
  'cac:ServiceProviderParty',
  'cac:ProcurementLegislationDocumentReference',
  'cbc:Description',
  'cbc:Note',
  'efac:LotTender',
  'efac:SettledContract',
  'efac:TenderingParty',
  'efac:UltimateBeneficialOwner',
  'efac:SelectionCriteria',
  'efac:FieldsPrivacy',
  'efac:TouchPoint',
  'efac:Appeals',
]);

export type ParseResult = { ok: true; record: NoticeRecord } | { ok: false; problems: NoticeProblem[] };

const DATE = /^\d{4}-\d{2}-\d{2}/;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const CPV = /^\d{8}$/;

const missing = (field: string): NoticeProblem => ({ messageKey: 'observatory.problems.missing', params: { field } });
const invalid = (field: string, value: string): NoticeProblem => ({
  messageKey: 'observatory.problems.invalid',
  params: { field, value: value.slice(0, 60) },
});

function buyerOf(root: XNode, extension: XNode | undefined, problems: NoticeProblem[]): NoticeBuyer {
  const ref = textAt(root, 'cac:ContractingParty', 'cac:Party', 'cac:PartyIdentification', 'cbc:ID');
  const empty: NoticeBuyer = { name: '', legalId: null, nuts: null, country: null };
  if (!ref) {
    problems.push(missing('OPT-300'));
    return empty;
  }
  const company = all(extension, 'efac:Organizations', 'efac:Organization', 'efac:Company').find(
    (c) => textAt(c, 'cac:PartyIdentification', 'cbc:ID') === ref,
  );
  if (!company) {
    problems.push({ messageKey: 'observatory.problems.unknown_buyer', params: { ref } });
    return empty;
  }
  const name = textAt(company, 'cac:PartyName', 'cbc:Name');
  if (!name) problems.push(missing('BT-500'));
  const address = first(company, 'cac:PostalAddress');
  return {
    name,
    legalId: textAt(company, 'cac:PartyLegalEntity', 'cbc:CompanyID') || null,
    nuts:
      coded(address, 'nuts', 'cbc:CountrySubentityCode')[0] ?? (textAt(address, 'cbc:CountrySubentityCode') || null),
    country: textAt(address, 'cac:Country', 'cbc:IdentificationCode') || null,
  };
}

function receivedStatistics(extension: XNode | undefined, code: string): number | null {
  const values = all(extension, 'efac:NoticeResult', 'efac:LotResult', 'efac:ReceivedSubmissionsStatistics')
    .filter((s) => textAt(s, 'efbc:StatisticsCode') === code)
    .map((s) => numberOrNull(textAt(s, 'efbc:StatisticsNumeric')))
    .filter((n): n is number => n !== null);
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

function rootOf(doc: XNode): { name: string; node: XNode } | undefined {
  const name = Object.keys(doc).find((k) => !k.startsWith('@') && k !== '#text');
  const node = name ? children(doc, name)[0] : undefined;
  return name && node ? { name, node } : undefined;
}

export function parseNotice(content: Buffer | string): ParseResult {
  let doc: XNode;
  try {
    doc = readNoticeXml(content);
  } catch (err) {
    if (err instanceof XmlRefused) return { ok: false, problems: [{ messageKey: err.messageKey, params: err.params }] };
    throw err;
  }
  const root = rootOf(doc);
  const rootName = root?.name.replace(/^.*:/, '') ?? '';
  if (!root || !(NOTICE_ROOTS as readonly string[]).includes(rootName)) {
    return {
      ok: false,
      problems: [{ messageKey: 'observatory.problems.not_a_notice', params: { root: rootName || '-' } }],
    };
  }
  const node = root.node;
  const problems: NoticeProblem[] = [];
  const extension = eformsExtension(node);

  const noticeId = all(node, 'cbc:ID').find((n) => attr(n, 'schemeName') === 'notice-id');
  const id = text(noticeId);
  if (!id) problems.push(missing('BT-701'));
  else if (!IDENTIFIER.test(id)) problems.push(invalid('BT-701', id));

  const versionText = textAt(node, 'cbc:VersionID');
  const version = /^\d{1,4}$/.test(versionText) ? Number(versionText) : Number.NaN;
  if (!versionText) problems.push(missing('BT-757'));
  else if (Number.isNaN(version)) problems.push(invalid('BT-757', versionText));

  const typeNode = first(node, 'cbc:NoticeTypeCode');
  const type = text(typeNode);
  if (!type) problems.push(missing('BT-02'));
  const formType = attr(typeNode, 'listName') ?? '';
  const subtype = textAt(extension, 'efac:NoticeSubType', 'cbc:SubTypeCode');
  if (!subtype) problems.push(missing('OPP-070'));

  const issueDate = textAt(node, 'cbc:IssueDate');
  if (!issueDate) problems.push(missing('BT-05'));
  else if (!DATE.test(issueDate)) problems.push(invalid('BT-05', issueDate));

  const procedureId = textAt(node, 'cbc:ContractFolderID');
  if (procedureId && !IDENTIFIER.test(procedureId)) problems.push(invalid('BT-04', procedureId));
  if (!procedureId && formType !== 'planning') problems.push(missing('BT-04'));

  const buyer = buyerOf(node, extension, problems);

  const project = first(node, 'cac:ProcurementProject');
  const cpv = cpvCodes(project);
  if (!cpv.main) problems.push(missing('BT-262'));
  for (const code of [cpv.main ?? '', ...cpv.additional].filter(Boolean))
    if (!CPV.test(code)) problems.push(invalid('BT-263', code));

  const lots = [...all(node, 'cac:ProcurementProjectLot')].map(parseLot);
  for (const lot of lots) {
    for (const code of [lot.mainCpv ?? '', ...lot.additionalCpv].filter(Boolean))
      if (!CPV.test(code)) problems.push(invalid('BT-263', `${lot.id}: ${code}`));
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };

  const lotCriteria = lots.map((l) => l.awardCriteria).filter((c) => c.length > 0);
  const shares = lotCriteria.map(nonPriceShare).filter((s): s is number => s !== null);
  const amount = first(project, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount');
  const lotValues = lots.map((l) => l.estimatedValue).filter((v): v is number => v !== null);
  const changes = textAt(extension, 'efac:Changes', 'efbc:ChangedNoticeIdentifier');
  return {
    ok: true,
    record: {
      noticeId: id,
      version,
      procedureId: procedureId || null,
      formType,
      type,
      subtype,
      issueDate: issueDate.slice(0, 10),
      issueTime: textAt(node, 'cbc:IssueTime').slice(0, 8) || null,
      changes: changes || null,
      buyer,
      mainCpv: cpv.main,
      additionalCpv: [
        ...new Set([...cpv.additional, ...lots.flatMap((l) => [l.mainCpv ?? '', ...l.additionalCpv])]),
      ].filter((c) => c && c !== cpv.main),
      estimatedValue:
        numberOrNull(text(amount)) ?? (lotValues.length > 0 ? lotValues.reduce((a, b) => a + b, 0) : null),
      currency: attr(amount, 'currencyID') ?? (lotValues.length > 0 ? currencyOfLots(node) : null),
      lots,
      strategic: mergeStrategic([strategicCodes(project), ...lots.map((l) => l.strategic)]),
      reservedParticipation: [...new Set(lots.flatMap((l) => l.reservedParticipation))],
      reservedExecution: lots.some((l) => l.reservedExecution === 'yes'),
      awardCriteria: lotCriteria.flat(),
      nonPriceWeight:
        shares.length > 0 ? Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 100) / 100 : null,
      tendersReceived: receivedStatistics(extension, 'tenders'),
      smeTenders: receivedStatistics(extension, 't-sme'),
    },
  };
}

function currencyOfLots(node: XNode): string | null {
  const amount = first(
    node,
    'cac:ProcurementProjectLot',
    'cac:ProcurementProject',
    'cac:RequestedTenderTotal',
    'cbc:EstimatedOverallContractAmount',
  );
  return attr(amount, 'currencyID') ?? null;
}

function dedupe(problems: NoticeProblem[]): NoticeProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.messageKey}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
