// {{plural "key" count}}: the message's plural form for `count` in the page's language ("1 vraag", "2 vragen");
// further hash parameters fill the other placeholders. `{{t "key" count=n}}` does the same.
import type { HelperOptions } from 'handlebars';
import { translate } from '../../i18n/catalog';
import { DEFAULT_LANG, isLang } from '../../i18n/languages';

export function plural(key: string, count: number, options: HelperOptions): string {
  const rootLang = options.data?.root?.lang;
  const lang = isLang(rootLang) ? rootLang : DEFAULT_LANG;
  return translate(lang, key, { ...(options.hash ?? {}), count });
}
