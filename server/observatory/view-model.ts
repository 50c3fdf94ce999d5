// The observatory's figures as table rows (page and CSV) in a language, and the "could have been asked" list.
import { codeLabel } from '../eforms/codelists';
import { translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/format';
import { pick, type Lang } from '../i18n/languages';
import type { CategoryFigures, Figures, NoticeStats } from './stats';
import type { ObservatoryService, Scope } from './service';
import type { NoticeFilter } from './stats';

export const FIGURE_COLUMNS = [
  'category',
  'procedures',
  'env_imp',
  'soc_obj',
  'inn_pur',
  'gpp',
  'reserved',
  'non_price_weight',
  'without_aspect',
] as const;

const share = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

function row(label: string, f: Figures): (string | number | null)[] {
  return [
    label,
    f.procedures,
    share(f.strategic['env-imp'], f.procedures),
    share(f.strategic['soc-obj'], f.procedures),
    share(f.strategic['inn-pur'], f.procedures),
    share(f.gpp, f.procedures),
    share(f.reserved, f.procedures),
    f.averageNonPriceWeight,
    f.withoutAspect,
  ];
}

export function figureHeaders(lang: Lang): string[] {
  return FIGURE_COLUMNS.map((c) => translate(lang, `observatory.columns.${c}`));
}

/** Rows with raw numbers (CSV): the total first, then each category of the scope. */
export function figureRows(stats: NoticeStats, names: Map<string, Record<Lang, string>>, lang: Lang) {
  const name = (c: CategoryFigures) => (names.has(c.category) ? pick(names.get(c.category)!, lang) : c.category);
  return [row(translate(lang, 'observatory.all_categories'), stats), ...stats.byCategory.map((c) => row(name(c), c))];
}

/** The same rows for the page: numbers in the language's format, a dash where a share cannot be computed. */
export function displayRows(rows: (string | number | null)[][], lang: Lang): string[][] {
  return rows.map((r) =>
    r.map((v, i) =>
      v === null ? '–' : typeof v === 'number' ? formatNumber(lang, v, 1) + (i >= 2 && i <= 6 ? ' %' : '') : v,
    ),
  );
}

export async function pageModel(observatory: ObservatoryService, filter: NoticeFilter, scope: Scope, lang: Lang) {
  const stats = await observatory.stats(filter, scope);
  const categories = await observatory.categories(scope);
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const asked = await observatory.couldHaveBeenAsked(filter, scope, stats);
  return {
    stats,
    regionName: codeLabel('nuts', filter.region, lang),
    headers: figureHeaders(lang),
    rows: displayRows(figureRows(stats, names, lang), lang),
    asked: asked.map((a) => ({
      category: a.category,
      name: pick(a.name, lang),
      count: a.count,
      more: a.count > a.procedures.length,
      procedures: a.procedures.map((p) => ({
        noticeId: p.record.noticeId,
        buyer: p.record.buyer.name,
        issueDate: p.record.issueDate,
        type: codeLabel('noticeSubtype', p.record.subtype, lang),
        cpv: p.record.mainCpv,
      })),
      clauses: a.clauses.map((c) => ({ id: c.id, title: pick(c.title, lang) })),
      tenderLink: `/${lang}/tender/new?category=${encodeURIComponent(a.category)}&level=basis`,
    })),
  };
}
