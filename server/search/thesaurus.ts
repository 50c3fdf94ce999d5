// The thesaurus (clauses/_thesaurus.yaml): concept groups of Dutch, French and English terms that mean the
// same thing to a buyer. The file schema, and its compiled form that query expansion looks terms up in.
import { z } from 'zod';
import {
  everyLanguage,
  FURTHER_LANGUAGE,
  LANGUAGE_FACTS,
  LANGUAGES,
  type FurtherLang,
  type Lang,
} from '../i18n/languages';
import { analyseWord, foldAccents, words } from './analysis';

const term = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(80, { message: 'must be at most 80 characters' })
  .refine((v) => v === v.toLowerCase(), { message: 'must be lower case' });
const terms = z.array(term).min(1, { message: 'must list at least one term' });

export const thesaurusGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case (a-z, 0-9, -)' }),
  category: z.string().min(1).optional(),
  ...everyLanguage(() => terms),
  /** English terms are only looked up (a buyer may type them), never indexed. */
  [FURTHER_LANGUAGE]: terms.optional(),
});
export type ThesaurusGroup = z.infer<typeof thesaurusGroupSchema>;

export const thesaurusFileSchema = z
  .strictObject({ groups: z.array(thesaurusGroupSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.groups.forEach((group, i) => {
      if (seen.has(group.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: 'is used twice' });
      seen.add(group.id);
    });
  });

/** The languages a thesaurus term may be in: the page languages, and English, which only maps into them. */
export type TermLang = Lang | FurtherLang;
const TERM_LANGS: readonly TermLang[] = [...LANGUAGES, FURTHER_LANGUAGE];

/** One term of a group in a page language, as index terms: every word's stem (a phrase needs them all). */
export interface CompiledTerm {
  stems: string[];
  /** The words folded (for prefix matching: schoonmaak also finds schoonmaakdiensten). */
  folded: string[];
}

export interface CompiledGroup {
  id: string;
  category?: string;
  terms: Record<Lang, CompiledTerm[]>;
}

export interface CompiledThesaurus {
  groups: CompiledGroup[];
  /** Per language of the query, a phrase key (see phraseKey) → the groups holding that term. */
  keys: Record<TermLang, Map<string, number[]>>;
  /** The longest term, in words: how far phrase lookup looks ahead. */
  maxWords: number;
}

/** English is looked up, never indexed: lower case, accents folded, a plural s dropped. */
export function englishKey(word: string): string {
  const folded = foldAccents(word);
  return folded.length > 3 && folded.endsWith('s') && !folded.endsWith('ss') ? folded.slice(0, -1) : folded;
}

/** The key of a run of words in a language: the stems of its words (stop words left out), space-joined. */
export function phraseKey(lang: TermLang, lowerWords: string[]): string {
  if (lang === FURTHER_LANGUAGE) return lowerWords.map(englishKey).join(' ');
  return lowerWords
    .map((w) => analyseWord(lang, w)?.stemmed)
    .filter((s): s is string => !!s)
    .join(' ');
}

export function compileThesaurus(groups: ThesaurusGroup[]): CompiledThesaurus {
  const keys = Object.fromEntries(TERM_LANGS.map((l) => [l, new Map<string, number[]>()])) as CompiledThesaurus['keys'];
  let maxWords = 1;
  const compiled = groups.map((group, index): CompiledGroup => {
    for (const lang of TERM_LANGS) {
      for (const value of group[lang] ?? []) {
        const lowerWords = words(value).map((w) => w.word);
        maxWords = Math.max(maxWords, lowerWords.length);
        const key = phraseKey(lang, lowerWords);
        if (!key) continue;
        const list = keys[lang].get(key) ?? [];
        if (!list.includes(index)) list.push(index);
        keys[lang].set(key, list);
      }
    }
    const termsOf = (lang: Lang): CompiledTerm[] => {
      const out: CompiledTerm[] = [];
      const seen = new Set<string>();
      for (const value of group[lang]) {
        const analysed = words(value)
          .map((w) => analyseWord(lang, w.word))
          .filter((a) => a !== null);
        const stems = analysed.map((a) => a.stemmed);
        const key = stems.join(' ');
        if (stems.length === 0 || seen.has(key)) continue;
        seen.add(key);
        out.push({ stems, folded: analysed.map((a) => a.folded) });
      }
      return out;
    };
    return {
      id: group.id,
      category: group.category,
      terms: everyLanguage(termsOf),
    };
  });
  return { groups: compiled, keys, maxWords: Math.min(maxWords, 6) };
}

/** Category names act as groups of their own, so "schoonmaak" or "Nettoyage" names the category; a name
 * "A and B" also names it by A and by B. */
export function categoryGroups(categories: { code: string; name: Record<Lang, string> }[]): ThesaurusGroup[] {
  const namesIn = (lang: Lang, name: string) => {
    const lower = name.toLowerCase();
    const parts = lower.split(new RegExp(`\\s+${LANGUAGE_FACTS[lang].and}\\s+|,`)).map((p) => p.trim());
    return [...new Set([lower, ...parts.filter(Boolean)])];
  };
  return categories.map((c) => {
    const names = everyLanguage((l) => namesIn(l, c.name[l]));
    return { id: `category-${c.code.replace(/_/g, '-')}`, category: c.code, ...names };
  });
}
