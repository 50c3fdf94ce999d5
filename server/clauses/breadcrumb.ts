// The way back from a clause page: the search results it was opened from (same query, filters and page),
// the category page, or the library. Result links carry the search in their query string, so this works
// without JavaScript and survives the round trip of "add to tender template".
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { searchParamsFrom } from '../search/params';
import { FACETS } from '../search/query';
import type { Names } from './view-models';
import { searchQueryString } from './view-models';

export interface Crumb {
  href: string;
  label: string;
}

export function clauseBreadcrumb(query: Record<string, unknown>, clauseId: string, lang: Lang, names: Names): Crumb[] {
  const anchor = `#clause-${encodeURIComponent(clauseId)}`;
  const params = searchParamsFrom(query, lang);
  const category = params.filters.category?.length === 1 ? names.categories.get(params.filters.category[0]) : undefined;
  if (query.from === 'category' && category)
    return [
      { href: `/${lang}/categories`, label: translate(lang, 'categories.title') },
      { href: `/${lang}/categories/${category.code}${anchor}`, label: category.name[lang] },
    ];
  const searched = params.q.trim() !== '' || FACETS.some((f) => params.filters[f]?.length) || !!params.cpv;
  if (!searched) return [{ href: `/${lang}/clauses`, label: translate(lang, 'nav.clauses') }];
  const page = params.page > 1 ? params.page : undefined;
  return [
    {
      href: `/${lang}/clauses${searchQueryString(params, { page })}${anchor}`,
      label: params.q.trim()
        ? translate(lang, 'experience.breadcrumb.results_for', { q: params.q.trim().slice(0, 80) })
        : translate(lang, 'experience.breadcrumb.results'),
    },
  ];
}
