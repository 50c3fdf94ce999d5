// Numbers and dates in a language's locale, Brussels time. Building an Intl formatter is costly: one per style.
import { LANGUAGE_FACTS, localeOf, type Lang } from './languages';
import { pluralCategory } from './plural';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatDate(lang: Lang, date: Date, options: { time?: boolean } = {}): string {
  const key = `${lang}|${options.time === true}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: 'long',
      ...(options.time ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Brussels',
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2, minimumFractionDigits = 0): string {
  const key = `${lang}|${maximumFractionDigits}|${minimumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits, minimumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const listFormats = new Map<Lang, Intl.ListFormat>();

/** Names joined as the language writes a list: "A, B en C", "A, B et C". */
export function formatList(lang: Lang, items: readonly string[]): string {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(localeOf(lang), { style: 'long', type: 'conjunction' });
    listFormats.set(lang, format);
  }
  return format.format(items);
}

/** A non-breaking space: between an amount and its currency, and between groups of digits. */
export const NBSP = '\u00A0';

/**
 * An amount in euro as a document in that language writes it, currency once, never split over two lines:
 * `480.000 euro`, `480 000 euros`, `1.250.000,50 euro`. Cents are shown only when there are any.
 */
export function formatAmount(lang: Lang, value: number): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  const number = cents ? formatNumber(lang, value, 2, 2) : formatNumber(lang, value, 0);
  const words = LANGUAGE_FACTS[lang].euro;
  const word = words[pluralCategory(lang, value)] ?? words.other;
  return `${number.replace(/[\s\u202F]/g, NBSP)}${NBSP}${word}`;
}

/** A day of the year ('MM-DD') without a year: `8 mei`, `8 mai`. */
export function formatMonthDay(lang: Lang, monthDay: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`2000-${monthDay}T12:00:00Z`),
  );
}

/** A file's size as the language writes it: "850 kB", "1,2 MB" (units from the catalog). */
export function formatFileSize(lang: Lang, bytes: number, unit: (key: 'kb' | 'mb', size: string) => string): string {
  if (bytes < 2 ** 20) return unit('kb', formatNumber(lang, Math.max(1, Math.round(bytes / 1024)), 0));
  return unit('mb', formatNumber(lang, bytes / 2 ** 20, 1));
}
