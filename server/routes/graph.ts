/** HTTP for exploring: health, search, a node, its neighbourhood, the relationships among drawn nodes. */
import { Router } from 'express';
import { neighboursQuery, nodeIdParam, relationshipsAmongRequest, searchQuery } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { expandNeighbourhood, nodeWithSources, relationshipsAmong } from '../services/graph.ts';
import { checkHealth } from '../services/health.ts';
import { searchByName } from '../services/search.ts';
import { parse } from './validate.ts';

/** Routes for search, nodes, neighbourhoods and the relationships among drawn nodes, under /api. */
export function graphRoutes(db: Database): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const health = await checkHealth(db);
    // Not an error of the request: the status a load balancer or the client's banner reads.
    res.status(health.up ? 200 : 503).json(health.body);
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parse(searchQuery, req.query);
    res.json({ results: await searchByName(db, q, limit) });
  });

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json(await nodeWithSources(db, id));
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json(await expandNeighbourhood(db, id, parse(neighboursQuery, req.query)));
  });

  router.post('/relationships/among', async (req, res) => {
    res.json(await relationshipsAmong(db, parse(relationshipsAmongRequest, req.body, 'body')));
  });

  return router;
}
