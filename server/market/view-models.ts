// What the market pages show: the category and value names in the page's language, the basis clauses.
import type { ClauseDocument } from '../clauses/schema';
import type { CategoryRecord } from '../clauses/repository';
import { pick, type Lang } from '../i18n/languages';
import { publicAnnouncement } from './announcements';
import type { Announcement, MarketEvent } from './model';

export function announcementView(
  a: Announcement,
  lang: Lang,
  categories: Map<string, CategoryRecord>,
  basis: Map<string, ClauseDocument[]>,
) {
  const category = categories.get(a.category);
  return {
    ...publicAnnouncement(a, lang),
    categoryName: category ? pick(category.name, lang) : a.category,
    basisClauses: (basis.get(a.category) ?? []).map((c) => ({ id: c.id, title: pick(c.title, lang), theme: c.theme })),
  };
}

export function eventView(e: MarketEvent, lang: Lang, seats?: { registered: number; waiting: number }) {
  return {
    id: e.id,
    type: e.type,
    title: pick(e.title, lang),
    description: pick(e.description, lang),
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: e.place,
    onlineUrl: e.onlineUrl,
    language: e.language,
    category: e.category,
    capacity: e.capacity,
    seatsLeft: seats ? Math.max(0, e.capacity - seats.registered) : e.capacity,
    registered: seats?.registered ?? 0,
    waiting: seats?.waiting ?? 0,
  };
}

export function categoryOptions(categories: CategoryRecord[], lang: Lang, selected: string[] = []) {
  return categories.map((c) => ({ code: c.code, name: pick(c.name, lang), selected: selected.includes(c.code) }));
}
