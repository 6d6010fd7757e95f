/** HTTP for exploring: health, search, a node, its neighbourhood, the relationships among drawn nodes. */
import { Router } from 'express';
import { neighboursQuery, nodeIdParam, nodeQuery, relationshipsAmongRequest, searchQuery } from '../../contract/api.ts';
import type { SessionLocals } from '../auth/sessions.ts';
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
    // A stranger (sign-in on, no session) learns the database's state, not its address or version.
    const locals = res.locals as SessionLocals;
    const body = health.up && locals.authOn && !locals.actor ? { ...health.body, neo4j: undefined } : health.body;
    // Not an error of the request: the status a load balancer or the client's banner reads.
    res.status(health.up ? 200 : 503).json(body);
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parse(searchQuery, req.query);
    res.json({ results: await searchByName(db, q, limit) });
  });

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const { knownOn } = parse(nodeQuery, req.query);
    res.json(await nodeWithSources(db, id, knownOn));
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
