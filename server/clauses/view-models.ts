// Turns search outcomes and clauses into what pages and the API show, with names in one language.
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { organisationName, type Organisation } from '../accounts/organisations';
import type { Facet, SearchOutcome, SearchParams } from '../search/query';
import { FACETS } from '../search/query';
import { snippet } from '../search/snippet';
import type { CategoryRecord } from './repository';

export interface Names {
  categories: Map<string, CategoryRecord>;
  organisations: Map<string, Organisation>;
}

export function facetLabel(facet: Facet, value: string, lang: Lang, names: Names): string {
  switch (facet) {
    case 'theme':
      return translate(lang, `themes.${value}`);
    case 'stage':
      return translate(lang, `stages.${value}`);
    case 'level':
      return translate(lang, `levels.${value}`);
    case 'category':
      return names.categories.get(value)?.name[lang] ?? value;
    case 'owner': {
      const org = names.organisations.get(value);
      return org ? organisationName(org, lang) : value;
    }
  }
}

export function resultsForApi(outcome: SearchOutcome, params: SearchParams) {
  return {
    total: outcome.total,
    page: params.page,
    pageSize: params.pageSize,
    partial: outcome.partial,
    corrected: outcome.query.corrected ?? null,
    facets: Object.fromEntries(FACETS.map((f) => [f, outcome.facets[f]])),
    results: outcome.hits.map(({ doc, score }) => ({
      id: doc.id,
      version: doc.version,
      title: doc.title[params.lang],
      snippet: snippet(doc.text[params.lang], params.lang, outcome.query),
      theme: doc.theme,
      categories: doc.categories,
      stage: doc.stage,
      level: doc.level,
      score: Math.round(score * 1000) / 1000,
    })),
  };
}

/** The search as a query string (`?q=…&theme=…`), with some parameters set or (undefined) removed. */
export function searchQueryString(
  params: SearchParams,
  overrides: Record<string, string | number | undefined> = {},
): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const facet of FACETS) for (const value of params.filters[facet] ?? []) search.append(facet, value);
  if (params.cpv) search.set('cpv', params.cpv);
  if (params.literal) search.set('literal', '1');
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) search.delete(key);
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function searchPageModel(outcome: SearchOutcome, params: SearchParams, names: Names, basePath: string) {
  const lang = params.lang;
  const facets = FACETS.map((facet) => ({
    name: facet,
    label: translate(lang, `facets.${facet}`),
    values: outcome.facets[facet].map(({ value, count }) => ({
      value,
      count,
      label: facetLabel(facet, value, lang, names),
      selected: (params.filters[facet] ?? []).includes(value),
    })),
  })).filter((f) => f.values.length > 0);
  const pages = Math.max(1, Math.ceil(outcome.total / params.pageSize));
  const page = Math.min(params.page, pages);
  const pageLinks = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p += 1) {
    pageLinks.push({ number: p, href: `${basePath}${searchQueryString(params, { page: p })}`, current: p === page });
  }
  return {
    q: params.q,
    ...searchChips(outcome, params, names, basePath),
    total: outcome.total,
    partial: outcome.partial,
    corrected: outcome.query.corrected,
    literalHref: `${basePath}${searchQueryString(params, { literal: 1, page: undefined })}`,
    hasFilters: FACETS.some((f) => (params.filters[f] ?? []).length > 0) || !!params.cpv,
    clearHref: `${basePath}${params.q ? `?q=${encodeURIComponent(params.q)}` : ''}`,
    facets,
    results: outcome.hits.map(({ doc }) => ({
      id: doc.id,
      href: `/${lang}/clauses/${encodeURIComponent(doc.id)}${searchQueryString(params, { page: page > 1 ? page : undefined })}`,
      type: doc.type,
      title: doc.title[lang],
      snippet: snippet(doc.text[lang], lang, outcome.query),
      theme: doc.theme ? translate(lang, `themes.${doc.theme}`) : undefined,
      stage: doc.stage ? translate(lang, `stages.${doc.stage}`) : undefined,
      level: doc.level ? translate(lang, `levels.${doc.level}`) : undefined,
      categories: doc.categories.map((c) => names.categories.get(c)?.name[lang] ?? c),
    })),
    pagination:
      pages > 1
        ? {
            pages,
            page,
            links: pageLinks,
            prev: page > 1 ? `${basePath}${searchQueryString(params, { page: page - 1 })}` : undefined,
            next: page < pages ? `${basePath}${searchQueryString(params, { page: page + 1 })}` : undefined,
          }
        : undefined,
    cpv: params.cpv,
  };
}

/** A search without one filter value (the page goes back to 1, as the result count changes). */
function withoutFilter(params: SearchParams, facet: Facet, value: string): SearchParams {
  const remaining = (params.filters[facet] ?? []).filter((v) => v !== value);
  return { ...params, filters: { ...params.filters, [facet]: remaining } };
}

/**
 * What sits above the results: the active filters as removable chips (and their number for the phone's
 * "Filters (n)"), the categories of the results as links that filter, and, when one category is chosen,
 * the way to its page and to a tender with its basis clauses.
 */
function searchChips(outcome: SearchOutcome, params: SearchParams, names: Names, basePath: string) {
  const lang = params.lang;
  const activeFilters = FACETS.flatMap((facet) =>
    (params.filters[facet] ?? []).map((value) => ({
      label: `${translate(lang, `facets.${facet}`)}: ${facetLabel(facet, value, lang, names)}`,
      removeHref: `${basePath}${searchQueryString(withoutFilter(params, facet, value), { page: undefined })}`,
    })),
  );
  if (params.cpv)
    activeFilters.push({
      label: `CPV: ${params.cpv}`,
      removeHref: `${basePath}${searchQueryString({ ...params, cpv: undefined }, { page: undefined })}`,
    });
  const chosen = params.filters.category ?? [];
  const categoryChips = outcome.facets.category
    .filter(({ value }) => !chosen.includes(value))
    .map(({ value, count }) => ({
      label: facetLabel('category', value, lang, names),
      count,
      href: `${basePath}${searchQueryString({ ...params, filters: { ...params.filters, category: [...chosen, value] } }, { page: undefined })}`,
    }));
  const only = chosen.length === 1 ? names.categories.get(chosen[0]) : undefined;
  return {
    activeFilters,
    filterCount: activeFilters.length,
    categoryChips,
    category: only
      ? {
          name: only.name[lang],
          pageHref: `/${lang}/categories/${only.code}`,
          tenderHref: `/${lang}/tender/new?category=${only.code}`,
        }
      : undefined,
  };
}
