// "Add to tender template" (and "remove") from search results, category pages and clause pages. Without
// JavaScript the buyer is sent back to the same place in the list (#clause-ID); a script gets JSON instead.
import { Router, type Request, type Response } from 'express';
import type { ClauseService } from '../clauses/service';
import { wantsJson } from '../http/error-handler';
import { bodyString, safeLocalPath } from '../http/forms';
import type { Lang } from '../i18n/languages';
import type { UsageRecorder } from '../audit/usage-log';
import { addToSelection, removeFromSelection, selection, type SelectionNotice } from './selection';
import { selectionNoticeView, withClauseFragment } from './selection-view';

const lang = (res: Response) => res.locals.lang as Lang;

export function selectionRoutes(clauses: ClauseService, usage: UsageRecorder): Router {
  const router = Router();

  const change = async (req: Request, id: string): Promise<SelectionNotice> => {
    if (bodyString(req, 'action') === 'remove') {
      removeFromSelection(req, id);
      return { id, change: 'removed' };
    }
    const { record } = await clauses.published(id);
    const outcome = addToSelection(req, { id: record.id, version: record.publishedVersion! });
    if (outcome === 'added')
      await usage.record({ kind: 'clause_added', clauseId: record.id, theme: record.theme, level: record.level });
    return { id: record.id, change: outcome };
  };

  router.post('/tender/selection', async (req, res) => {
    const l = lang(res);
    const notice = await change(req, bodyString(req, 'clause', 30).toUpperCase());
    if (wantsJson(req)) return res.json(selectionNoticeView(notice, selection(req).length, l));
    req.session.selectionNotice = notice;
    const back = safeLocalPath(bodyString(req, 'return', 2000), l, `/${l}/tender`);
    res.redirect(303, withClauseFragment(back, notice.id));
  });

  return router;
}
