// Plural forms by the language's own rules (Intl.PluralRules): "1 vraag" / "2 vragen", "0 question" / "2 questions".
// A catalog message with forms is an object of CLDR categories: `"count": { "one": "{count} vraag", "other": "{count} vragen" }`.
import { localeOf, type Lang } from './languages';

const rules = new Map<Lang, Intl.PluralRules>();

/** The CLDR plural category ('one', 'other', …) of a number in a language. */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(localeOf(lang));
    rules.set(lang, rule);
  }
  return rule.select(count);
}

/** The number a `count` parameter holds, when it holds one (a number or a plain numeric string). */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}
