// {{formatDate value}}: a date (and time with time=true) in the page's language, Brussels time.
import type { HelperOptions } from 'handlebars';

const LOCALES: Record<string, string> = { nl: 'nl-BE', fr: 'fr-BE' };
// Building a DateTimeFormat is costly; one per locale and style is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Brussels',
    });
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(value: unknown, options: HelperOptions): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const locale = LOCALES[String(options.data?.root?.lang)] ?? 'nl-BE';
  const withTime = options.hash?.time === true;
  return formatter(locale, withTime).format(date);
}
