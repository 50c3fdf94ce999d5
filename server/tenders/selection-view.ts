// What every page shows of the buyer's selection: the header counter, the "added" state of the add buttons,
// and the confirmation of the last add or remove, shown beside the clause the buyer returns to.
import type { RequestHandler } from 'express';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { selection, type SelectionNotice } from './selection';

const NOTICE_MESSAGE: Record<SelectionNotice['change'], string> = {
  added: 'tender.added',
  removed: 'tender.removed',
  already_added: 'tender.already_added',
  full: 'experience.selection.full',
};

export interface SelectionNoticeView {
  id: string;
  selected: boolean;
  kind: 'ok' | 'warn';
  message: string;
  count: number;
  countText: string;
  templateHref: string;
  templateLink: string;
}

/** The confirmation in the page's language, with the link to the template (also the JSON answer to a script). */
export function selectionNoticeView(notice: SelectionNotice, count: number, lang: Lang): SelectionNoticeView {
  const selected = notice.change !== 'removed' && notice.change !== 'full';
  return {
    id: notice.id,
    selected,
    kind: notice.change === 'added' || notice.change === 'removed' ? 'ok' : 'warn',
    message: translate(lang, NOTICE_MESSAGE[notice.change], { id: notice.id }),
    count,
    countText: translate(lang, 'experience.selection.count', { count }),
    templateHref: `/${lang}/tender`,
    templateLink: translate(lang, 'experience.selection.to_template', { count }),
  };
}

/** Puts the selection (count and ids) and the one-time notice in res.locals for the header and the add buttons. */
export const exposeSelection: RequestHandler = (req, res, next) => {
  const chosen = selection(req);
  res.locals.tenderSelection = { count: chosen.length, ids: chosen.map((c) => c.id) };
  const notice = req.session?.selectionNotice;
  if (notice) {
    delete req.session.selectionNotice;
    res.locals.selectionNotice = selectionNoticeView(notice, chosen.length, res.locals.lang as Lang);
  }
  next();
};

/** `/nl/clauses?q=x` and `clause-ID` give `/nl/clauses?q=x#clause-ID`: the buyer lands back at the clause. */
export function withClauseFragment(path: string, id: string): string {
  return `${path.split('#')[0]}#clause-${encodeURIComponent(id)}`;
}
