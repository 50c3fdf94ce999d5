// The market's monitoring figures, beside the helpdesk's: announcements per category and quarter with the
// share that plans a market consultation, confirmed subscribers per category (counts only), registrations per event.
import type { CategoryRecord } from '../clauses/repository';
import { translate } from '../i18n/catalog';
import { formatDate, formatNumber } from '../i18n/format';
import { pick, type Lang } from '../i18n/languages';
import type { Market } from './service';

export interface MarketFigure {
  key: string;
  title: string;
  headers: string[];
  rows: string[][];
}

export async function marketFigureData(market: Market) {
  const [announcements, subscribers, events, seats] = await Promise.all([
    market.announcements.figures(),
    market.subscriptions.countsByCategory(),
    market.agenda.upcoming(),
    market.agenda.seatsTaken(),
  ]);
  return {
    announcements: announcements.map((a) => ({
      ...a,
      consultationShare: a.total === 0 ? 0 : a.withConsultation / a.total,
    })),
    subscribers,
    registrations: events.map((e) => ({
      eventId: e.id,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      capacity: e.capacity,
      registered: seats.get(e.id)?.registered ?? 0,
      waiting: seats.get(e.id)?.waiting ?? 0,
    })),
  };
}

export async function marketFigures(
  market: Market,
  lang: Lang,
  categories: Map<string, CategoryRecord>,
): Promise<MarketFigure[]> {
  const data = await marketFigureData(market);
  const t = (key: string) => translate(lang, `market.figures.${key}`);
  const name = (code: string) => (categories.get(code) ? pick(categories.get(code)!.name, lang) : code);
  return [
    {
      key: 'announcements',
      title: t('announcements'),
      headers: [t('category'), t('quarter'), t('count'), t('with_consultation'), t('share')],
      rows: data.announcements.map((a) => [
        name(a.category),
        a.quarter,
        formatNumber(lang, a.total),
        formatNumber(lang, a.withConsultation),
        `${formatNumber(lang, a.consultationShare * 100, 0)} %`,
      ]),
    },
    {
      key: 'subscribers',
      title: t('subscribers'),
      headers: [t('category'), t('count')],
      rows: data.subscribers.map((s) => [name(s.category), formatNumber(lang, s.subscribers)]),
    },
    {
      key: 'registrations',
      title: t('registrations'),
      headers: [t('event'), t('date'), t('capacity'), t('registered'), t('waiting')],
      rows: data.registrations.map((r) => [
        pick(r.title, lang),
        formatDate(lang, new Date(r.startsAt)),
        formatNumber(lang, r.capacity),
        formatNumber(lang, r.registered),
        formatNumber(lang, r.waiting),
      ]),
    },
  ];
}
