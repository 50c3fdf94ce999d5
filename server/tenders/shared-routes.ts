// A shared selection link (/tender/shared?c=…): the GET only shows what the link holds, with a button; the
// selection enters the buyer's session when they press it (POST), so following a link writes nothing.
import { Router, type Request, type Response } from 'express';
import type { ClauseService } from '../clauses/service';
import { setFlash } from '../http/forms';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import { emptyForm, parseShared } from './form';
import { replaceSelection, type SelectedClause } from './selection';

const lang = (res: Response) => res.locals.lang as Lang;

interface SharedLink {
  c: string;
  category: string;
  level: string;
  /** Clauses whose chosen (older) version the link keeps. */
  keep: string;
}

function linkFrom(source: Record<string, unknown> | undefined): SharedLink {
  const text = (key: string, max: number) =>
    typeof source?.[key] === 'string' ? String(source[key]).slice(0, max) : '';
  return { c: text('c', 4000), category: text('category', 40), level: text('level', 20), keep: text('keep', 4000) };
}

export function sharedSelectionRoutes(clauses: ClauseService): Router {
  const router = Router();

  /**
   * The published clauses of the link; a clause retired in favour of another (replaced_by) stands for its successor,
   * at the successor's published version; unknown clauses, and retired ones without a successor, are left out.
   */
  const resolve = async (link: SharedLink) => {
    const chosen: (SelectedClause & { title: Record<Lang, string> })[] = [];
    for (const item of parseShared(link.c)) {
      try {
        const { record, version } = await clauses.publishedOrReplacement(item.id);
        if (chosen.some((c) => c.id === record.id)) continue;
        const replaced = record.id !== item.id.toUpperCase();
        chosen.push({
          id: record.id,
          version: replaced ? record.publishedVersion! : item.version || record.publishedVersion!,
          title: version.document.title,
        });
      } catch {
        // left out
      }
    }
    return chosen;
  };

  router.get('/tender/shared', async (req: Request, res) => {
    const l = lang(res);
    const link = linkFrom(req.query as Record<string, unknown>);
    const chosen = await resolve(link);
    res.render('tenders/shared', {
      section: 'tender',
      title: translate(l, 'security.shared_tender.title'),
      link,
      items: chosen.map((c) => ({ id: c.id, title: c.title[l] })),
      csrfToken: csrfToken(req),
    });
  });

  router.post('/tender/shared', async (req, res) => {
    const l = lang(res);
    const link = linkFrom(req.body as Record<string, unknown>);
    const chosen = await resolve(link);
    replaceSelection(
      req,
      chosen.map(({ id, version }) => ({ id, version })),
    );
    const keep = new Set(link.keep.toUpperCase().split(','));
    req.session.tenderForm = {
      ...(req.session.tenderForm ?? emptyForm(l)),
      category: link.category,
      level: link.level,
      keepVersions: chosen.filter((c) => keep.has(c.id)).map((c) => c.id),
    };
    setFlash(
      req,
      chosen.length > 0 ? 'ok' : 'warn',
      chosen.length > 0 ? 'tender.shared_loaded' : 'tender.errors.none_selected',
      { count: chosen.length },
    );
    res.redirect(303, `/${l}/tender/form`);
  });

  return router;
}
