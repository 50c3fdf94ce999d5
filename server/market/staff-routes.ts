// Staff pages of the market: the review queue of announcements (facilitators of the announcement's
// organisation and coordinators), the market figures, and export/erasure of a person's market data.
import { Router, type Request, type Response } from 'express';
import { requireRole } from '../accounts/roles';
import type { ClauseRepository } from '../clauses/repository';
import { NotFound, ValidationFailed } from '../http/errors';
import { bodyString, EMAIL_PATTERN, errorSummary, setFlash } from '../http/forms';
import { orRerender } from '../http/validation';
import { translate } from '../i18n/catalog';
import { pick, type Lang } from '../i18n/languages';
import { csrfToken } from '../security/csrf';
import type { ReviewAction } from './announcements';
import { marketFigures } from './figures';
import type { AnnouncementStatus } from './model';
import type { Market } from './service';
import { announcementView } from './view-models';

const lang = (res: Response) => res.locals.lang as Lang;
const ACTIONS: ReviewAction[] = ['publish', 'request_change', 'refuse', 'withdraw', 'mark_noticed'];
const QUEUES: Record<string, AnnouncementStatus[]> = {
  review: ['pending_review'],
  changes: ['changes_requested'],
  published: ['published'],
  closed: ['refused', 'withdrawn', 'noticed'],
};

export function marketStaffRoutes(market: Market, clauseRepo: ClauseRepository): Router {
  const router = Router();
  router.use('/staff/market', ...requireRole('facilitator', 'coordinator'));
  const categoryMap = async () => new Map((await clauseRepo.categories()).map((c) => [c.code, c]));

  router.get('/staff/market', async (req, res) => {
    const l = lang(res);
    const queue = typeof req.query.queue === 'string' && QUEUES[req.query.queue] ? req.query.queue : 'review';
    const categories = await categoryMap();
    const found = await market.announcements.forStaff(req.currentUser!, QUEUES[queue]);
    res.render('market/staff-queue', {
      section: 'staff',
      title: translate(l, 'market.staff.title'),
      queue,
      queues: Object.keys(QUEUES),
      announcements: found.map((a) => ({
        id: a.id,
        title: a.title,
        authority: a.authority,
        status: a.status,
        quarter: a.quarter,
        category: categories.get(a.category) ? pick(categories.get(a.category)!.name, l) : a.category,
      })),
    });
  });

  router.get('/staff/market/figures', async (req, res) => {
    const l = lang(res);
    res.render('market/figures', {
      section: 'staff',
      title: translate(l, 'market.figures.title'),
      figures: await marketFigures(market, l, await categoryMap()),
    });
  });

  const renderPrivacy = (req: Request, res: Response, status = 200, errors: Record<string, string> = {}) =>
    res.status(status).render('market/privacy', {
      section: 'staff',
      title: translate(lang(res), 'market.privacy.title'),
      errors,
      errorSummary: errorSummary(errors),
      email: bodyString(req, 'email', 254),
      csrfToken: csrfToken(req),
    });
  router.get('/staff/market/privacy', ...requireRole('coordinator'), (req, res) => renderPrivacy(req, res));

  router.post('/staff/market/privacy', ...requireRole('coordinator'), async (req, res) => {
    const email = bodyString(req, 'email', 254).trim();
    if (!EMAIL_PATTERN.test(email))
      return renderPrivacy(req, res, 422, { email: translate(lang(res), 'validation.email') });
    if (bodyString(req, 'action') === 'erase') {
      const counts = await market.privacy.erase(email);
      await market.audit('data_subject.erased', req.currentUser!.id, req.ip, { market: counts });
      setFlash(req, 'ok', 'market.privacy.erased', counts);
      return res.redirect(303, `/${lang(res)}/staff/market/privacy`);
    }
    const data = await market.privacy.export(email);
    await market.audit('data_subject.exported', req.currentUser!.id, req.ip, { market: true });
    res.attachment('market-data.json').json({ email: email.toLowerCase(), ...data });
  });

  const renderReview = async (
    req: Parameters<Parameters<typeof router.get>[1]>[0],
    res: Response,
    status: number,
    errors: Record<string, string> = {},
  ) => {
    const l = lang(res);
    const a = await market.announcements.forReview(req.currentUser!, Number(req.params.id));
    const view = announcementView(a, l, await categoryMap(), await market.clauses.basisClausesByCategory());
    res.status(status).render('market/staff-review', {
      section: 'staff',
      title: a.title,
      announcement: {
        ...view,
        descriptions: Object.entries(a.description).map(([lang, text]) => ({ lang, text })),
        reviewReason: a.reviewReason,
        theme: a.theme,
      },
      actions: ACTIONS,
      errors,
      errorSummary: errorSummary(errors),
      csrfToken: csrfToken(req),
    });
  };

  router.get('/staff/market/:id', async (req, res) => {
    if (!/^\d+$/.test(String(req.params.id))) throw new NotFound();
    await renderReview(req, res, 200);
  });

  router.post('/staff/market/:id/review', async (req, res) => {
    const l = lang(res);
    const action = bodyString(req, 'action') as ReviewAction;
    await orRerender(
      l,
      async () => {
        if (!ACTIONS.includes(action))
          throw new ValidationFailed([{ field: 'reason', messageKey: 'validation.one_of' }]);
        await market.announcements.review(
          req.currentUser!,
          Number(req.params.id),
          action,
          bodyString(req, 'reason', 2000),
        );
        setFlash(req, 'ok', `market.staff.done_${action}`);
        res.redirect(303, `/${l}/staff/market`);
      },
      (errors) => renderReview(req, res, 422, errors),
    );
  });

  return router;
}
