// The start page and the information pages every public-sector site owes its visitors.
import { Router } from 'express';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';

export function homeRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('home', { section: 'home' });
  });
  router.get('/accessibility', (_req, res) => {
    res.render('accessibility', { title: translate(res.locals.lang as Lang, 'accessibility.title') });
  });
  router.get('/privacy', (_req, res) => {
    res.render('privacy', { title: translate(res.locals.lang as Lang, 'privacy.title') });
  });
  return router;
}
