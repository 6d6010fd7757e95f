/** HTTP for sources as something to navigate from: GET /api/sources/:id/claims, what a source states. */
import { Router } from 'express';
import { nodeIdParam, sourceClaimsQuery } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { sourceClaims } from '../services/sources.ts';
import { parse } from './validate.ts';

/** Routes for sources, under /api. */
export function sourceRoutes(db: Database): Router {
  const router = Router();

  router.get('/sources/:id/claims', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json(await sourceClaims(db, id, parse(sourceClaimsQuery, req.query)));
  });

  return router;
}
