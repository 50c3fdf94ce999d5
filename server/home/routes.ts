// The start page of each language.
import { Router } from 'express';

export function homeRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('home', { section: 'home' });
  });
  return router;
}
