/** HTTP for the import pipeline: the body is an import file (contract/importFile.ts). */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { importGraph } from '../services/importer.ts';

export function importRoutes(db: Database): Router {
  const router = Router();
  router.post('/import', async (req, res) => {
    const summary = await importGraph(db, req.body);
    req.log.info({ import: summary }, 'import done');
    res.json(summary);
  });
  return router;
}
