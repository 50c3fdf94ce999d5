// {{t "key" name=value}}: the message in the page's language (the root context's `lang`).
import type { HelperOptions } from 'handlebars';
import { translate } from '../../i18n/catalog';
import { DEFAULT_LANG, isLang } from '../../i18n/languages';

export function t(key: string, options: HelperOptions): string {
  const rootLang = options.data?.root?.lang;
  const lang = isLang(options.hash?.lang) ? options.hash.lang : isLang(rootLang) ? rootLang : DEFAULT_LANG;
  return translate(lang, key, options.hash ?? {});
}
