// The start page and the information pages every public-sector site owes its visitors.
import { Router } from 'express';
import type { ClauseRepository } from '../clauses/repository';
import { categoryCards } from '../clauses/category-cards';
import { translate } from '../i18n/catalog';
import type { Lang } from '../i18n/languages';

export function homeRoutes(clauseRepo: ClauseRepository): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const l = res.locals.lang as Lang;
    res.render('home', { section: 'home', categories: categoryCards(await clauseRepo.categoriesWithCounts(), l) });
  });
  router.get('/accessibility', (_req, res) => {
    res.render('accessibility', { title: translate(res.locals.lang as Lang, 'accessibility.title') });
  });
  router.get('/privacy', (_req, res) => {
    res.render('privacy', { title: translate(res.locals.lang as Lang, 'privacy.title') });
  });
  return router;
}
