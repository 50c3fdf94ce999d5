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
  if (v.nuts) xml = xml.replace(/(listName="nuts">)[^<]*/g, `$1${v.nuts}`);
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
