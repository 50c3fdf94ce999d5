// The observatory's rules: who sees which categories, the figures, the notice list with the clauses that could
// have been asked (the library's basis clauses of the notice's categories, for the aspects it lacks).
import type { Knex } from 'knex';
import { hasRole, type CurrentUser } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import type { Theme } from '../clauses/vocabulary';
import type { Clock } from '../db/time';
import { THEME_ORGANISATION } from '../helpdesk/routing';
import { DEFAULT_LANG, everyLanguage, type Lang } from '../i18n/languages';
import type { SearchService } from '../search/service';
import { NoticeImporter } from './importer';
import { listNotices, proceduresWithoutAspect, type ListedNotice } from './listing';
import { aspectsOf } from './mapping';
import type { NoticeRecord } from './model';
import { ObservatoryRepository } from './repository';
import { noticeStats, type NoticeFilter, type NoticeStats } from './stats';

export const BRUSSELS_NUTS = 'BE100';

/** The themes a sustainability aspect of a notice covers; a clause of such a theme is not suggested again. */
const ASPECT_THEMES: { aspect: 'envImp' | 'socObj' | 'innPur'; theme: Theme }[] = [
  { aspect: 'envImp', theme: 'environmental' },
  { aspect: 'socObj', theme: 'social' },
  { aspect: 'innPur', theme: 'innovation' },
];

export interface BasisClause {
  id: string;
  title: Record<Lang, string>;
  theme: string | null;
}

/** What a user sees: every category (null) or those where the library has clauses of their themes. */
export interface Scope {
  themes: Theme[] | null;
}

export class ObservatoryService {
  readonly repo: ObservatoryRepository;
  readonly importer: NoticeImporter;

  constructor(
    private readonly db: Knex,
    private readonly clauseRepo: ClauseRepository,
    private readonly search: SearchService,
    clock: Clock,
  ) {
    this.repo = new ObservatoryRepository(db);
    this.importer = new NoticeImporter(this.repo, () => clauseRepo.categories(), clock);
  }

  scopeOf(user: CurrentUser): Scope {
    if (hasRole(user, 'coordinator')) return { themes: null };
    const themes = (Object.entries(THEME_ORGANISATION) as [Theme, string][])
      .filter(([, org]) => org === user.orgCode)
      .map(([theme]) => theme);
    return { themes };
  }

  /** The published basis clauses of a category (optionally of some themes only), from the search index. */
  basisClauses(category: string, themes: Theme[] | null = null): BasisClause[] {
    const outcome = this.search.search({
      q: '',
      lang: DEFAULT_LANG, // the language does not matter here: only ids and titles in both languages are used
      filters: { category: [category], level: ['basis'], ...(themes ? { theme: themes } : {}) },
      type: 'clause',
      page: 1,
      pageSize: 1000,
    });
    return outcome.hits
      .map((h) => ({ id: h.doc.id, title: h.doc.title, theme: h.doc.theme }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The categories a scope covers, in the library's order. */
  async categories(scope: Scope): Promise<{ code: string; name: Record<Lang, string> }[]> {
    const all = await this.clauseRepo.categories();
    if (!scope.themes) return all;
    const themes = scope.themes;
    return all.filter((c) => this.basisClauses(c.code, themes).length > 0);
  }

  async stats(filter: NoticeFilter, scope: Scope = { themes: null }): Promise<NoticeStats> {
    const categories = await this.categories(scope);
    return noticeStats(
      this.db,
      filter,
      categories.map((c) => c.code),
    ).then((s) => ({
      ...s,
      byCategory: categories.map(
        (c) => s.byCategory.find((b) => b.category === c.code) ?? { ...emptyFigures(), category: c.code },
      ),
    }));
  }

  /** The basis clauses of the notice's categories whose theme the notice does not already pursue. */
  suggestedClauses(record: NoticeRecord, categories: string[], themes: Theme[] | null = null): string[] {
    const aspects = aspectsOf(record);
    const covered = new Set(ASPECT_THEMES.filter((a) => aspects[a.aspect]).map((a) => a.theme as string));
    const ids = categories.flatMap((c) => this.basisClauses(c, themes).filter((b) => !covered.has(b.theme ?? '')));
    return [...new Set(ids.map((b) => b.id))].sort();
  }

  async notices(filter: NoticeFilter, page: number, pageSize: number) {
    const { total, notices } = await listNotices(this.db, filter, page, pageSize);
    return {
      total,
      notices: notices.map((n) => ({ ...n, suggestedClauses: this.suggestedClauses(n.record, n.categories) })),
    };
  }

  /** Per category of the scope: the procedures without any aspect, with the basis clauses that could have been asked. */
  async couldHaveBeenAsked(filter: NoticeFilter, scope: Scope, stats: NoticeStats, limit = 10) {
    const names = new Map((await this.categories(scope)).map((c) => [c.code, c.name]));
    const out: {
      category: string;
      name: Record<Lang, string>;
      count: number;
      procedures: ListedNotice[];
      clauses: BasisClause[];
    }[] = [];
    for (const figures of stats.byCategory) {
      if (figures.withoutAspect === 0) continue;
      out.push({
        category: figures.category,
        name: names.get(figures.category) ?? everyLanguage(() => figures.category),
        count: figures.withoutAspect,
        procedures: await proceduresWithoutAspect(
          this.db,
          { ...filter, category: figures.category },
          figures.category,
          limit,
        ),
        clauses: this.basisClauses(figures.category, scope.themes),
      });
    }
    return out;
  }
}

function emptyFigures() {
  return {
    procedures: 0,
    withoutStrategic: 0,
    withoutAspect: 0,
    strategic: { 'env-imp': 0, 'soc-obj': 0, 'inn-pur': 0 },
    gpp: 0,
    reserved: 0,
    averageNonPriceWeight: null,
    withAwardWeights: 0,
    tendersReceived: 0,
    smeTenders: 0,
  };
}
