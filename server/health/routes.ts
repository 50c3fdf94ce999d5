// GET /healthz for load balancers: 200 when the database answers, 503 when it does not.
import { Router } from 'express';
import { databaseClient, pingDatabase, type Database } from '../db/database';

export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const database = databaseClient(db);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await pingDatabase(db);
      res.json({ status: 'ok', database });
    } catch {
      res.status(503).json({ status: 'unavailable', database });
    }
  });
  return router;
}
