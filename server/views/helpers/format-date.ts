// {{formatDate value}}: a date (and time with time=true) in the page's language, Brussels time.
import type { HelperOptions } from 'handlebars';
import { formatDate as formatInLang } from '../../i18n/format';
import { parseLang } from '../../i18n/languages';

export function formatDate(value: unknown, options: HelperOptions): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  return formatInLang(parseLang(options.data?.root?.lang), date, { time: options.hash?.time === true });
}
