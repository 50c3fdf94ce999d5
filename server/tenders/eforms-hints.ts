// What to declare in the eForms notice (e-Notification / TED) for a tender's chosen clauses: each business
// term with its codes and their labels from the SDK code lists. A clause file may name its codes (`eforms`);
// where it names none for a term, the code is derived from the clause's theme and categories (marked so).
import type { ClauseDocument } from '../clauses/schema';
import { codeLabel, CODELIST_FILES, type CodelistName } from '../eforms/codelists';
import type { Lang } from '../i18n/languages';

type Eforms = NonNullable<ClauseDocument['eforms']>;
type CodeKey = Exclude<keyof Eforms, 'reserved_execution'>;

export const EFORMS_TERMS = ['BT-06', 'BT-774', 'BT-775', 'BT-776', 'BT-805', 'BT-71', 'BT-736'] as const;
export type EformsTerm = (typeof EFORMS_TERMS)[number];

const TERM_LIST: Record<EformsTerm, CodelistName> = {
  'BT-06': 'strategic',
  'BT-774': 'environmental',
  'BT-775': 'social',
  'BT-776': 'innovative',
  'BT-805': 'gpp',
  'BT-71': 'reservedParticipation',
  'BT-736': 'reservedExecution',
};
const TERM_KEY: Record<Exclude<EformsTerm, 'BT-736'>, CodeKey> = {
  'BT-06': 'strategic',
  'BT-774': 'environmental',
  'BT-775': 'social',
  'BT-776': 'innovative',
  'BT-805': 'gpp',
  'BT-71': 'reserved_participation',
};

/** The rule for clauses whose file names no code for a term: by theme, then (environment) by category. */
const STRATEGIC_BY_THEME: Record<string, Eforms['strategic']> = {
  environmental: ['env-imp'],
  social: ['soc-obj'],
  ethical: ['soc-obj'],
  anti_dumping: ['soc-obj'],
  innovation: ['inn-pur'],
};
const SOCIAL_BY_THEME: Record<string, Eforms['social']> = {
  social: ['opp'],
  ethical: ['hum-right'],
  anti_dumping: ['work-cond'],
};
const ENVIRONMENTAL_BY_CATEGORY: Record<string, Eforms['environmental']> = {
  energy: ['clim-mitig'],
  vehicles: ['clim-mitig', 'pollu-prev'],
  reuse: ['circ-econ'],
  green_spaces: ['biodiv-eco'],
  cleaning: ['pollu-prev'],
};

interface Implied {
  codes: string[];
  derived: boolean;
}

/** The codes one clause implies for one term, and whether they were derived rather than declared. */
export function impliedCodes(document: ClauseDocument, term: EformsTerm): Implied {
  const declared = document.eforms;
  if (term === 'BT-736') {
    return declared?.reserved_execution !== undefined
      ? { codes: declared.reserved_execution ? ['yes'] : [], derived: false }
      : { codes: [], derived: true };
  }
  const own = declared?.[TERM_KEY[term]];
  if (own !== undefined) return { codes: [...own], derived: false };
  switch (term) {
    case 'BT-06':
      return { codes: [...(STRATEGIC_BY_THEME[document.theme] ?? [])], derived: true };
    case 'BT-774':
      if (document.theme !== 'environmental') return { codes: [], derived: true };
      return {
        codes: [...new Set(document.categories.flatMap((c) => ENVIRONMENTAL_BY_CATEGORY[c] ?? ['other' as const]))],
        derived: true,
      };
    case 'BT-775':
      return { codes: [...(SOCIAL_BY_THEME[document.theme] ?? [])], derived: true };
    default:
      // BT-776, BT-805 and BT-71 depend on facts a theme does not tell: only the clause file names them.
      return { codes: [], derived: true };
  }
}

export interface EformsCode {
  code: string;
  label: string;
  /** The clauses that imply the code. */
  clauses: string[];
  /** True when no chosen clause names the code in its file: derived by the rule above, to be checked. */
  derived: boolean;
}

export interface EformsHint {
  term: EformsTerm;
  /** The code list (`listName` in the notice XML). */
  list: string;
  codes: EformsCode[];
  /** When the tender calls for the term but no clause says which code: the codes to choose from. */
  choose?: { code: string; label: string }[];
}

const listName = (term: EformsTerm) => CODELIST_FILES[TERM_LIST[term]].replace(/\.gc$/, '');

/** The eForms hints for a selection: every term, with the codes implied, or `none`/`no` when nothing is. */
export function eformsHints(documents: ClauseDocument[], lang: Lang): EformsHint[] {
  const label = (term: EformsTerm, code: string) => codeLabel(TERM_LIST[term], code, lang);
  const hints = EFORMS_TERMS.map((term): EformsHint => {
    const byCode = new Map<string, EformsCode>();
    for (const document of documents) {
      const implied = impliedCodes(document, term);
      for (const code of implied.codes) {
        const entry = byCode.get(code) ?? { code, label: label(term, code), clauses: [], derived: true };
        entry.clauses.push(document.id);
        entry.derived &&= implied.derived;
        byCode.set(code, entry);
      }
    }
    return { term, list: listName(term), codes: [...byCode.values()] };
  });
  const hint = (term: EformsTerm) => hints.find((h) => h.term === term)!;
  const strategic = new Set(hint('BT-06').codes.map((c) => c.code));
  const chooseFrom = (term: EformsTerm, codes: readonly string[]) =>
    codes.map((code) => ({ code, label: label(term, code) }));
  if (strategic.has('inn-pur') && hint('BT-776').codes.length === 0)
    hint('BT-776').choose = chooseFrom('BT-776', ['mar-nov', 'proc-innov', 'prod-innov', 'rd-act']);
  if (strategic.has('env-imp') && hint('BT-805').codes.length === 0)
    hint('BT-805').choose = chooseFrom('BT-805', ['eu', 'national', 'other']);
  // Terms nothing calls for are declared with their "none" code, as the notice expects an answer.
  const none: Partial<Record<EformsTerm, string>> = {
    'BT-06': 'none',
    'BT-805': 'none',
    'BT-71': 'none',
    'BT-736': 'no',
  };
  for (const h of hints) {
    const code = none[h.term];
    if (code && h.codes.length === 0 && !h.choose)
      h.codes.push({ code, label: label(h.term, code), clauses: [], derived: true });
  }
  return hints;
}
