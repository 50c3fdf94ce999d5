// The Atom feed (RFC 4287) of a category: its published announcements and upcoming agenda items.
import type { CategoryRecord } from '../clauses/repository';
import { translate } from '../i18n/catalog';
import { pick, type Lang } from '../i18n/languages';
import type { Announcement, MarketEvent } from './model';

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function atomFeed(options: {
  lang: Lang;
  baseUrl: string;
  category: CategoryRecord;
  announcements: Announcement[];
  events: MarketEvent[];
}): string {
  const { lang, baseUrl, category } = options;
  const host = new URL(baseUrl).host;
  const selfUrl = `${baseUrl}/${lang}/market/feed/${category.code}.atom`;
  const entries = [
    ...options.announcements.map((a) => ({
      id: `tag:${host},2026:market-announcement-${a.id}`,
      title: `${a.title} (${a.authority})`,
      link: `${baseUrl}/${lang}/market/${a.id}`,
      updated: (a.publishedAt ?? a.createdAt).toISOString(),
      summary: `${translate(lang, 'market.fields.quarter')}: ${a.quarter}. ${a.description[lang] ?? Object.values(a.description)[0] ?? ''}`,
    })),
    ...options.events.map((e) => ({
      id: `tag:${host},2026:market-event-${e.id}`,
      title: pick(e.title, lang),
      link: `${baseUrl}/${lang}/agenda/${e.id}`,
      updated: e.startsAt.toISOString(),
      summary: pick(e.description, lang),
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${escapeXml(selfUrl)}</id>`,
    `  <title>${escapeXml(`${translate(lang, 'market.title')}: ${pick(category.name, lang)}`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" href="${escapeXml(`${baseUrl}/${lang}/market?category=${category.code}`)}"/>`,
    `  <author><name>${escapeXml(translate(lang, 'site.name'))}</name></author>`,
    ...entries.map((e) =>
      [
        '  <entry>',
        `    <id>${escapeXml(e.id)}</id>`,
        `    <title>${escapeXml(e.title)}</title>`,
        `    <link href="${escapeXml(e.link)}"/>`,
        `    <updated>${e.updated}</updated>`,
        `    <summary>${escapeXml(e.summary)}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
