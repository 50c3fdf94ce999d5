// Links the two halves of the monitoring: the categories where buyers ask the helpdesk most, beside the share of
// the region's published procedures in those categories with a sustainability aspect (same period).
import { pick, type Lang } from '../i18n/languages';
import { formatNumber } from '../i18n/format';
import { BRUSSELS_NUTS, type ObservatoryService } from './service';

export interface QuestionsByCategory {
  key: string;
  received: number;
}

export async function helpdeskBesideNotices(
  observatory: ObservatoryService,
  questions: QuestionsByCategory[],
  period: { fromDay: string; toDay: string },
  lang: Lang,
  limit = 10,
) {
  const stats = await observatory.stats({ region: BRUSSELS_NUTS, from: period.fromDay, to: period.toDay });
  const names = new Map((await observatory.categories({ themes: null })).map((c) => [c.code, c.name]));
  return [...questions]
    .filter((q) => names.has(q.key))
    .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((q) => {
      const figures = stats.byCategory.find((c) => c.category === q.key);
      const procedures = figures?.procedures ?? 0;
      const withAspect = procedures - (figures?.withoutAspect ?? 0);
      return [
        pick(names.get(q.key)!, lang),
        String(q.received),
        String(procedures),
        procedures > 0 ? `${formatNumber(lang, Math.round((1000 * withAspect) / procedures) / 10, 1)} %` : '–',
      ];
    });
}
