// What the dashboard shows at a glance: the headline strip in words, and the figures grouped under headings.
import { translate } from '../i18n/catalog';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/languages';
import type { Figure } from './figures';
import type { Headline } from './headline';
import type { PeriodKind } from './period';

export interface HeadlineCard {
  key: string;
  label: string;
  value: string;
  note: string;
}

export function headlineCards(h: Headline, lang: Lang): HeadlineCard[] {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(lang, `polish.dashboard.${key}`, params);
  const num = (v: number, digits = 0) => formatNumber(lang, v, digits);
  const { period, previous } = h.received;
  const change = period - previous;
  const trend =
    change > 0
      ? t('trend_up', { change: num(change), previous: num(previous) })
      : change < 0
        ? t('trend_down', { change: num(-change), previous: num(previous) })
        : t('trend_same', { previous: num(previous) });
  return [
    { key: 'open', label: t('open_now'), value: num(h.openNow), note: t('open_now_note') },
    { key: 'overdue', label: t('overdue_now'), value: num(h.overdueNow), note: t('overdue_now_note') },
    {
      key: 'on_time',
      label: t('on_time'),
      value: h.shareOnTime === null ? t('no_figure') : `${num(h.shareOnTime * 100)} %`,
      note: t('on_time_note'),
    },
    {
      key: 'median',
      label: t('median_first_response'),
      value:
        h.medianFirstResponseHours === null
          ? t('no_figure')
          : t('hours', { hours: num(h.medianFirstResponseHours, 1) }),
      note: t('median_first_response_note'),
    },
    { key: 'received', label: t('received'), value: num(period), note: trend },
  ];
}

/** The figures under their headings, in reading order: the helpdesk first, then what it reveals. */
const GROUPS: { key: string; figures: string[] }[] = [
  {
    key: 'helpdesk',
    figures: [
      'tickets_summary',
      'response_times',
      'tickets_by_theme',
      'tickets_by_organisation',
      'tickets_by_category',
      'tickets_by_stage',
    ],
  },
  { key: 'obstacles', figures: ['tickets_by_obstacle', 'obstacles_over_time'] },
  {
    key: 'clauses',
    figures: [
      'clauses_most_viewed',
      'clauses_most_added',
      'clauses_most_feedback',
      'clauses_problem_links',
      'clauses_not_reviewed',
    ],
  },
  {
    key: 'documents',
    figures: ['templates_by_category', 'templates_by_theme', 'templates_by_level', 'action_plans_by_category'],
  },
];

export function figureGroups<F extends Pick<Figure, 'key'>>(
  figures: F[],
  lang: Lang,
): { key: string; title: string; figures: F[] }[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const grouped = new Set(GROUPS.flatMap((g) => g.figures));
  const groups = GROUPS.map((g) => ({
    key: g.key,
    title: translate(lang, `polish.dashboard.groups.${g.key}`),
    figures: g.figures.flatMap((k) => byKey.get(k) ?? []),
  }));
  // A figure added later without a group still shows, at the end of the helpdesk's.
  groups[0].figures.push(...figures.filter((f) => !grouped.has(f.key)));
  return groups.filter((g) => g.figures.length > 0);
}

/** Which period fields each period type uses: only those are shown (and sent). */
export const PERIOD_FIELDS: Record<PeriodKind, string[]> = {
  month: ['year', 'month'],
  quarter: ['year', 'quarter'],
  year: ['year'],
  custom: ['from', 'to'],
};
