// Reads the eForms SDK code lists (Genericode files in eforms/codelists/, CC BY 4.0, Publications Office of the EU)
// into code → label per language. Parsed once per list and kept: the files are static reference data.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LANGUAGE_FACTS, LANGUAGES, type Lang } from '../i18n/languages';

export const CODELISTS_DIR = path.resolve(import.meta.dirname, '../../eforms/codelists');

/** The code lists the product uses, by eForms business term. */
export const CODELIST_FILES = {
  strategic: 'strategic-procurement.gc', // BT-06
  environmental: 'environmental-impact.gc', // BT-774
  social: 'social-objective.gc', // BT-775
  innovative: 'innovative-acquisition.gc', // BT-776
  gpp: 'gpp-criteria.gc', // BT-805
  reservedParticipation: 'reserved-procurement.gc', // BT-71
  reservedExecution: 'applicability_reserved-execution.gc', // BT-736
  awardCriterion: 'award-criterion-type.gc', // BT-539
  noticeSubtype: 'notice-subtype.gc',
  nuts: 'nuts_nuts-bel-lvl3.gc',
} as const;
export type CodelistName = keyof typeof CODELIST_FILES;

export interface CodeEntry {
  code: string;
  /** Label per product language; the English label where a list has none in that language. */
  labels: Record<Lang, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  isArray: (name) => name === 'Row' || name === 'Value',
});
const cache = new Map<CodelistName, Map<string, CodeEntry>>();

interface GcValue {
  ColumnRef: string;
  SimpleValue?: string | number;
}

export function codelist(name: CodelistName, dir = CODELISTS_DIR): Map<string, CodeEntry> {
  const cached = dir === CODELISTS_DIR ? cache.get(name) : undefined;
  if (cached) return cached;
  const xml = fs.readFileSync(path.join(dir, CODELIST_FILES[name]), 'utf8');
  const doc = parser.parse(xml) as { 'gc:CodeList'?: { SimpleCodeList?: { Row?: { Value?: GcValue[] }[] } } };
  const entries = new Map<string, CodeEntry>();
  for (const row of doc['gc:CodeList']?.SimpleCodeList?.Row ?? []) {
    const values = new Map((row.Value ?? []).map((v) => [v.ColumnRef, String(v.SimpleValue ?? '')]));
    const code = values.get('code');
    if (!code) continue;
    const english = values.get('eng_label') || values.get('Name') || code;
    const labels = Object.fromEntries(
      LANGUAGES.map((l) => [l, values.get(`${LANGUAGE_FACTS[l].iso639_2}_label`) || english]),
    ) as Record<Lang, string>;
    entries.set(code, { code, labels });
  }
  if (dir === CODELISTS_DIR) cache.set(name, entries);
  return entries;
}

/** The label of a code in a language, or the code itself when the list does not hold it. */
export function codeLabel(name: CodelistName, code: string, lang: Lang): string {
  return codelist(name).get(code)?.labels[lang] ?? code;
}
