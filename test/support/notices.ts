// The SDK example notices (test/fixtures/eforms/notices) and variants of them with other ids, dates, regions,
// CPV codes and strategic-procurement codes, for the observatory's tests and benchmark.
import fs from 'node:fs';
import path from 'node:path';

export const NOTICES_DIR = path.resolve(import.meta.dirname, '../fixtures/eforms/notices');

export function fixtureNames(): string[] {
  return fs
    .readdirSync(NOTICES_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

export const validFixtures = () => fixtureNames().filter((f) => !f.startsWith('INVALID_'));
export const invalidFixtures = () => fixtureNames().filter((f) => f.startsWith('INVALID_'));

export function fixture(name: string): string {
  return fs.readFileSync(path.join(NOTICES_DIR, name), 'utf8');
}

export interface Variant {
  id?: string;
  procedure?: string;
  version?: number;
  issueDate?: string;
  nuts?: string;
  cpv?: string;
  /** Codes added to every cac:ProcurementProject, e.g. { list: 'gpp-criteria', code: 'eu' }. */
  add?: { list: string; code: string }[];
}

/** An example notice with some fields replaced (every NUTS or CPV code of the notice when those are given). */
export function variant(base: string, v: Variant): string {
  let xml = fixture(base);
  if (v.id) xml = xml.replace(/(<cbc:ID schemeName="notice-id">)[^<]*/, `$1${v.id}`);
  if (v.procedure) xml = xml.replace(/(<cbc:ContractFolderID>)[^<]*/, `$1${v.procedure}`);
  if (v.version !== undefined) xml = xml.replace(/(<cbc:VersionID>)[^<]*/, `$1${String(v.version).padStart(2, '0')}`);
  if (v.issueDate) xml = xml.replace(/^(\t<cbc:IssueDate>)[^<]*/m, `$1${v.issueDate}+01:00`);
  if (v.nuts) {
    const nuts = v.nuts;
    xml = xml.replace(/(listName="nuts">)[^<]*/g, `$1${nuts}`);
    // Addresses without a NUTS code get one.
    xml = xml.replace(/<cac:PostalAddress>([\s\S]*?)<\/cac:PostalAddress>/g, (whole, inner: string) =>
      inner.includes('CountrySubentityCode')
        ? whole
        : `<cac:PostalAddress><cbc:CountrySubentityCode listName="nuts">${nuts}</cbc:CountrySubentityCode>${inner}</cac:PostalAddress>`,
    );
  }
  if (v.cpv) xml = xml.replace(/(listName="cpv">)[^<]*/g, `$1${v.cpv}`);
  for (const { list, code } of v.add ?? []) {
    xml = xml.replace(
      /(<cbc:ProcurementTypeCode listName="contract-nature">[^<]*<\/cbc:ProcurementTypeCode>)/g,
      `$1<cac:ProcurementAdditionalType><cbc:ProcurementTypeCode listName="${list}">${code}</cbc:ProcurementTypeCode></cac:ProcurementAdditionalType>`,
    );
  }
  return xml;
}

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ContractNotice><cbc:ID schemeName="notice-id">&lol4;</cbc:ID></ContractNotice>`;

/** An external entity in an otherwise valid notice: reading it would leak a local file. */
export function externalEntityNotice(): string {
  return fixture('cn_24_minimal.xml')
    .replace(
      '<?xml version="1.0" encoding="utf-8"?>',
      '<?xml version="1.0"?>\n<!DOCTYPE n [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    )
    .replace(/(<cbc:Name languageID="ENG">)Publications Office of the European Union/, '$1&xxe;');
}

/**
 * Brussels notices with known figures (2026, BE100): P1 a contract notice then its award notice (no aspect;
 * price only), P2 cleaning with env-imp and GPP (non-price 25 %), P3 construction with soc-obj (70 %), P4
 * construction with env-imp, acc-all, proc-innov and reservations (40 %); outside: Antwerp, 2025, a planning notice.
 */
export const BRUSSELS_SCENARIO: { name: string; base: string; v: Variant }[] = [
  {
    name: 'a.xml',
    base: 'cn_24_minimal.xml',
    v: { id: 'bxl-a', procedure: 'P1', issueDate: '2026-02-01', nuts: 'BE100', cpv: '90910000' },
  },
  {
    name: 'b.xml',
    base: 'cn_24_open.xml',
    v: {
      id: 'bxl-b',
      procedure: 'P2',
      issueDate: '2026-03-01',
      nuts: 'BE100',
      cpv: '90910000',
      add: [
        { list: 'strategic-procurement', code: 'env-imp' },
        { list: 'gpp-criteria', code: 'eu' },
      ],
    },
  },
  {
    name: 'c.xml',
    base: 'cn_24_multilingual.xml',
    v: {
      id: 'bxl-c',
      procedure: 'P3',
      issueDate: '2026-03-15',
      nuts: 'BE100',
      cpv: '45000000',
      add: [{ list: 'strategic-procurement', code: 'soc-obj' }],
    },
  },
  {
    name: 'd.xml',
    base: 'cn_24_maximal.xml',
    v: { id: 'bxl-d', procedure: 'P4', issueDate: '2026-04-01', nuts: 'BE100', cpv: '45000000' },
  },
  {
    name: 'e.xml',
    base: 'can_24_minimal.xml',
    v: { id: 'bxl-e', procedure: 'P1', issueDate: '2026-05-01', nuts: 'BE100', cpv: '90910000' },
  },
  {
    name: 'f.xml',
    base: 'cn_24_minimal.xml',
    v: { id: 'ant-f', procedure: 'P5', issueDate: '2026-02-01', nuts: 'BE211', cpv: '90910000' },
  },
  {
    name: 'g.xml',
    base: 'cn_24_minimal.xml',
    v: { id: 'bxl-g', procedure: 'P6', issueDate: '2025-06-01', nuts: 'BE100', cpv: '90910000' },
  },
  {
    name: 'h.xml',
    base: 'pin-only_24.xml',
    v: { id: 'bxl-h', issueDate: '2026-06-01', nuts: 'BE100', cpv: '30192000' },
  },
];

export const scenarioDocuments = () =>
  BRUSSELS_SCENARIO.map((s) => ({ name: s.name, content: Buffer.from(variant(s.base, s.v)) }));
