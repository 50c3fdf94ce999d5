// Numbers and dates in a language's locale, Brussels time. Building an Intl formatter is costly: one per style.
import { localeOf, type Lang } from './languages';

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

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  const key = `${lang}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
