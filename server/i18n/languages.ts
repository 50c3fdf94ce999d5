// The languages the product speaks. Dutch and French are both official in the Brussels-Capital Region.
import type { Request } from 'express';

export const LANGUAGES = ['nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nl';
/**
 * A further language that content may carry before the app is translated into it: clause texts may have an
 * English version, and the search thesaurus lists English terms (looked up, never indexed).
 */
export const FURTHER_LANGUAGE = 'en' as const;
export type FurtherLang = typeof FURTHER_LANGUAGE;
export const LANG_COOKIE = 'lang';

/** Every fact that differs by language outside the message catalogs. Adding a language starts here. */
export interface LanguageFacts {
  /** BCP 47 locale for Intl formats and the language of generated documents. */
  locale: string;
  /** ISO 639-2 code, as the eForms code lists (nld_label) and notices (NLD) name languages. */
  iso639_2: string;
  /** File-name stems of generated documents. */
  documentStems: { tender: string; actionPlan: string };
  /** The currency written after an amount, by plural category of the number (Intl.PluralRules). */
  euro: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** French typography: a non-breaking space before : ; ! ? in generated documents. */
  spaceBeforeHighPunctuation: boolean;
  /** The word for "and", where search splits a category name into the things it names. */
  and: string;
  /** When words join into compounds (kantoorschoonmaak, bedrijfsvoertuigen), the linking letters between the
   * parts; search splits such words and matches a word as the head of compounds. null: no compounds. */
  compoundLinks: string[] | null;
}

export const LANGUAGE_FACTS: Record<Lang, LanguageFacts> = {
  nl: {
    locale: 'nl-BE',
    iso639_2: 'nld',
    documentStems: { tender: 'bestek', actionPlan: 'actieplan' },
    euro: { other: 'euro' },
    spaceBeforeHighPunctuation: false,
    and: 'en',
    compoundLinks: ['s', 'e'],
  },
  fr: {
    locale: 'fr-BE',
    iso639_2: 'fra',
    documentStems: { tender: 'cahier-des-charges', actionPlan: 'plan-d-action' },
    euro: { one: 'euro', other: 'euros' },
    spaceBeforeHighPunctuation: true,
    and: 'et',
    compoundLinks: null,
  },
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language code from outside (a form, a database row), or the fallback when it is not one of ours. */
export function parseLang(value: unknown, fallback: Lang = DEFAULT_LANG): Lang {
  return isLang(value) ? value : fallback;
}

export function localeOf(lang: Lang): string {
  return LANGUAGE_FACTS[lang].locale;
}

/** The languages a page is not in, for the language switch and cross-language fallbacks. */
export function otherLanguages(lang: Lang): Lang[] {
  return LANGUAGES.filter((l) => l !== lang);
}

/** The first other language: where a search falls back to when a page's language finds nothing. */
export function otherLang(lang: Lang): Lang {
  return otherLanguages(lang)[0];
}

/** The value for a language from a per-language record (names, bodies, labels). */
export function pick<T>(values: Record<Lang, T>, lang: Lang): T {
  return values[lang];
}

/** The explicit choice (cookie) wins; then the browser's Accept-Language; then Dutch. */
/** A value for every language: everyLanguage((lang) => translate(lang, key)). */
export function everyLanguage<T>(make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, make(lang)])) as Record<Lang, T>;
}

/** Columns and form fields that hold one language are named <prefix>_<lang>: question_nl, question_fr. */
export function suffixed(prefix: string, lang: Lang): string {
  return `${prefix}_${lang}`;
}

/** The names <prefix>_<lang> of every prefix in every language, language by language. */
export function suffixedNames(...prefixes: string[]): string[] {
  return LANGUAGES.flatMap((lang) => prefixes.map((prefix) => suffixed(prefix, lang)));
}

/** A text per language read from the <prefix>_<lang> columns or fields of a row or form. */
export function fromSuffixed(source: Record<string, unknown>, prefix: string): Record<Lang, string> {
  return everyLanguage((lang) => String(source[suffixed(prefix, lang)] ?? ''));
}

/** A text per language written out as its <prefix>_<lang> columns or fields. */
export function toSuffixed(prefix: string, value: Partial<Record<Lang, string>>): Record<string, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [suffixed(prefix, lang), value[lang] ?? '']));
}

export function negotiateLang(req: Request): Lang {
  const fromCookie = readCookie(req, LANG_COOKIE);
  if (isLang(fromCookie)) return fromCookie;
  if (!req.headers['accept-language']) return DEFAULT_LANG;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return isLang(accepted) ? accepted : DEFAULT_LANG;
}

/** The language a request is in: the path prefix when there is one, else the negotiated one. */
export function requestLang(req: Request): Lang {
  const prefix = req.originalUrl.split('/')[1];
  if (isLang(prefix)) return prefix;
  const queryLang = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (isLang(queryLang)) return queryLang;
  const bodyLang = (req.body as { lang?: unknown } | undefined)?.lang;
  if (req.originalUrl.startsWith('/api/') && isLang(bodyLang)) return bodyLang;
  return negotiateLang(req);
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
