// The categories as cards (home page, category index): name, published clause count and a plain visual marker,
// the initial of the name on one of a few colours (decorative: the name is the link text).
import type { Lang } from '../i18n/languages';
import type { CategoryRecord } from './repository';

/** How many marker colours the stylesheet defines (.category-mark--0 … --5). */
const MARK_COLOURS = 6;

export function categoryCards(categories: (CategoryRecord & { clauseCount: number })[], lang: Lang) {
  return categories.map((c, index) => ({
    code: c.code,
    name: c.name[lang],
    count: c.clauseCount,
    initial: c.name[lang].charAt(0).toLocaleUpperCase(lang),
    colour: index % MARK_COLOURS,
    cpv: c.cpv.slice(0, 3).map((x) => x.code),
  }));
}
