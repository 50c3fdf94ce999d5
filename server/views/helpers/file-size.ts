// {{fileSize bytes}}: a file's size in the page's language ("850 kB", "1,2 MB").
import type { HelperOptions } from 'handlebars';
import { translate } from '../../i18n/catalog';
import { formatFileSize } from '../../i18n/format';
import { parseLang } from '../../i18n/languages';

export function fileSize(value: unknown, options: HelperOptions): string {
  const lang = parseLang(options.data?.root?.lang);
  return formatFileSize(lang, Number(value) || 0, (key, size) => translate(lang, `attachments.size_${key}`, { size }));
}
