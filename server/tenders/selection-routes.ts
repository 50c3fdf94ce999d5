// "Add to tender template" from search results and clause pages.
import { Router, type Response } from 'express';
import type { ClauseService } from '../clauses/service';
import { bodyString, safeLocalPath, setFlash } from '../http/forms';
import type { Lang } from '../i18n/languages';
import type { UsageRecorder } from '../audit/usage-log';
import { addToSelection, removeFromSelection } from './selection';

const lang = (res: Response) => res.locals.lang as Lang;

export function selectionRoutes(clauses: ClauseService, usage: UsageRecorder): Router {
  const router = Router();

  router.post('/tender/selection', async (req, res) => {
    const id = bodyString(req, 'clause', 30).toUpperCase();
    const back = safeLocalPath(bodyString(req, 'return', 2000), lang(res), `/${lang(res)}/tender`);
    if (bodyString(req, 'action') === 'remove') {
      removeFromSelection(req, id);
      setFlash(req, 'ok', 'tender.removed', { id });
      return res.redirect(303, back);
    }
    const { record } = await clauses.published(id);
    if (addToSelection(req, { id: record.id, version: record.publishedVersion! })) {
      await usage.record({ kind: 'clause_added', clauseId: record.id, theme: record.theme, level: record.level });
      setFlash(req, 'ok', 'tender.added', { id: record.id });
    } else {
      setFlash(req, 'warn', 'tender.already_added', { id: record.id });
    }
    res.redirect(303, back);
  });

  return router;
}
