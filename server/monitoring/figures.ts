// The dashboard's figures as titled tables (and the chart each gets): the same rows feed the page and the CSV.
import { organisationName, type Organisation } from '../accounts/organisations';
import type { CategoryRecord } from '../clauses/repository';
import { translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Stats } from './stats';

export interface Figure {
  key: string;
  title: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** A bar chart of one column, labelled by another (the first by default); or a line per row. */
  chart?: { kind: 'bar'; column: number; label?: number } | { kind: 'line' };
}

export interface FigureNames {
  organisations: Map<string, Organisation>;
  categories: Map<string, CategoryRecord>;
  /** The titles of the clauses the figures name. */
  clauseTitles: Map<string, Record<Lang, string>>;
}

/** The clause ids a figure of these stats names (their titles are looked up once for all figures). */
export function clauseIdsIn(stats: Stats): string[] {
  const { mostViewed, mostAdded, mostFeedback, mostProblemLinks, notReviewedForAYear } = stats.clauses;
  return [
    ...new Set(
      [...mostViewed, ...mostAdded, ...mostFeedback, ...mostProblemLinks, ...notReviewedForAYear].map((c) => c.id),
    ),
  ];
}

export function figures(stats: Stats, lang: Lang, names: FigureNames): Figure[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const none = t('monitoring.none');
  const theme = (k: string) => (k === 'none' ? t('helpdesk.theme_unknown') : t(`themes.${k}`));
  const org = (k: string) => {
    const o = names.organisations.get(k);
    return o ? organisationName(o, lang) : k;
  };
  const category = (k: string) => (k === 'none' ? none : (names.categories.get(k)?.name[lang] ?? k));
  const stage = (k: string) => (k === 'none' ? none : t(`helpdesk.stages.${k}`));
  const level = (k: string) => (k === 'none' ? none : t(`levels.${k}`));
  const counts = [t('monitoring.received'), t('monitoring.answered'), t('monitoring.open')];
  const breakdown = (
    key: string,
    title: string,
    first: string,
    rows: Stats['tickets']['byTheme'],
    label: (k: string) => string,
  ): Figure => ({
    key,
    title,
    headers: [first, ...counts],
    rows: rows.map((r) => [label(r.key), r.received, r.answered, r.open]),
    chart: { kind: 'bar', column: 1 },
  });
  const clauseTitle = (id: string) => names.clauseTitles.get(id)?.[lang] ?? '';
  const top = (key: string, title: string, rows: { id: string; count: number }[], header: string): Figure => ({
    key,
    title,
    headers: [t('clauses.reference'), t('polish.dashboard.clause_title'), header],
    rows: rows.map((r) => [r.id, clauseTitle(r.id), r.count]),
    chart: { kind: 'bar', column: 2, label: 1 },
  });
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

  return [
    {
      key: 'tickets_summary',
      title: t('monitoring.tickets_summary'),
      headers: [t('monitoring.group'), ...counts],
      rows: [
        [t('monitoring.all_tickets'), stats.tickets.received, stats.tickets.answered, stats.tickets.open],
        [t('monitoring.pilots'), stats.tickets.pilot.received, stats.tickets.pilot.answered, stats.tickets.pilot.open],
        [
          t('monitoring.non_pilots'),
          stats.tickets.nonPilot.received,
          stats.tickets.nonPilot.answered,
          stats.tickets.nonPilot.open,
        ],
      ],
    },
    breakdown('tickets_by_theme', t('monitoring.by_theme'), t('facets.theme'), stats.tickets.byTheme, theme),
    breakdown(
      'tickets_by_organisation',
      t('monitoring.by_organisation'),
      t('accounts.organisation'),
      stats.tickets.byOrganisation,
      org,
    ),
    breakdown(
      'tickets_by_category',
      t('monitoring.by_category'),
      t('facets.category'),
      stats.tickets.byCategory,
      category,
    ),
    breakdown('tickets_by_stage', t('monitoring.by_stage'), t('helpdesk.stage'), stats.tickets.byStage, stage),
    {
      key: 'tickets_by_obstacle',
      title: t('monitoring.by_obstacle'),
      headers: [t('helpdesk.staff.obstacles'), t('monitoring.received')],
      rows: stats.tickets.byObstacle.map((r) => [t(`helpdesk.obstacles.${r.key}`), r.received]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'response_times',
      title: t('monitoring.response_times'),
      // The service level first: it is what the table is read for.
      headers: [
        t('accounts.organisation'),
        t('monitoring.share_within_due'),
        t('monitoring.median_hours'),
        t('monitoring.p90_hours'),
        t('monitoring.answered'),
        t('monitoring.within_due'),
        t('monitoring.decided'),
      ],
      rows: stats.responseTimes.map((r) => [
        org(r.organisation),
        pct(r.shareWithinDue),
        r.medianHours,
        r.p90Hours,
        r.answered,
        r.withinDue,
        r.decided,
      ]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'satisfaction',
      title:
        stats.satisfaction.average === null
          ? t('helpdesk_misc.rating.figure_none')
          : t('helpdesk_misc.rating.figure', {
              count: stats.satisfaction.rated,
              average: formatNumber(lang, stats.satisfaction.average, 1),
            }),
      headers: [t('helpdesk_misc.rating.score'), t('helpdesk_misc.rating.ratings')],
      rows: stats.satisfaction.byScore.map((r) => [t(`helpdesk_misc.rating.scores.${r.score}`), r.count]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'obstacles_over_time',
      title: t('monitoring.obstacles_over_time'),
      headers: [t('helpdesk.staff.obstacles'), ...stats.obstaclesOverTime.buckets, t('monitoring.trend')],
      rows: stats.obstaclesOverTime.series.map((s) => [
        t(`helpdesk.obstacles.${s.obstacle}`),
        ...s.counts,
        t(`monitoring.trends.${s.trend}`),
      ]),
      chart: { kind: 'line' },
    },
    top('clauses_most_viewed', t('monitoring.most_viewed'), stats.clauses.mostViewed, t('monitoring.views')),
    top('clauses_most_added', t('monitoring.most_added'), stats.clauses.mostAdded, t('monitoring.additions')),
    top(
      'clauses_most_feedback',
      t('monitoring.most_feedback'),
      stats.clauses.mostFeedback,
      t('monitoring.feedback_count'),
    ),
    top('clauses_problem_links', t('monitoring.problem_links'), stats.clauses.mostProblemLinks, t('monitoring.links')),
    {
      key: 'clauses_not_reviewed',
      title: t('monitoring.not_reviewed'),
      headers: [t('clauses.reference'), t('polish.dashboard.clause_title'), t('clauses.reviewed')],
      rows: stats.clauses.notReviewedForAYear.map((r) => [r.id, clauseTitle(r.id), r.reviewedOn]),
    },
    {
      key: 'templates_by_category',
      title: t('monitoring.templates_by_category', { total: stats.documents.templates }),
      headers: [t('facets.category'), t('monitoring.documents')],
      rows: stats.documents.templatesByCategory.map((r) => [category(r.key), r.count]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'templates_by_theme',
      title: t('monitoring.templates_by_theme'),
      headers: [t('facets.theme'), t('monitoring.documents')],
      rows: stats.documents.templatesByTheme.map((r) => [theme(r.key), r.count]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'templates_by_level',
      title: t('monitoring.templates_by_level'),
      headers: [t('facets.level'), t('monitoring.documents')],
      rows: stats.documents.templatesByLevel.map((r) => [level(r.key), r.count]),
      chart: { kind: 'bar', column: 1 },
    },
    {
      key: 'action_plans_by_category',
      title: t('monitoring.action_plans_by_category', { total: stats.documents.actionPlans }),
      headers: [t('facets.category'), t('monitoring.documents')],
      rows: stats.documents.actionPlansByCategory.map((r) => [category(r.key), r.count]),
      chart: { kind: 'bar', column: 1 },
    },
  ];
}
