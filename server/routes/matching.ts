/**
 * HTTP for matching what is held and resolving duplicates (issue 12): POST /api/nodes/matches (the held
 * nodes a node about to be added may duplicate), POST /api/nodes/:id/merge (merge a duplicate into
 * :id) and POST /api/nodes/:id/same-as (a cited SAME_AS claim between two held nodes). Matching only
 * reads, so any role may ask; merging and SAME_AS take the analyst role (auth/policy.ts).
 */
import { Router } from 'express';
import { nodeIdParam } from '../../contract/api.ts';
import { matchRequest, mergeRequest, sameAsRequest } from '../../contract/curation.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { possibleDuplicatesOf } from '../services/matching.ts';
import { mergeNodes } from '../services/merge.ts';
import { recordSameAs } from '../services/sameAs.ts';
import { parse } from './validate.ts';

/** Routes for matching, merging and SAME_AS, under /api; `now` is the clock the writes stamp with. */
export function matchingRoutes(db: Database, now: () => Date = () => new Date()): Router {
  const router = Router();

  router.post('/nodes/matches', async (req, res) => {
    const request = parse(matchRequest, req.body, 'body');
    res.json({ matches: await possibleDuplicatesOf(db, request) });
  });

  router.post('/nodes/:id/merge', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(mergeRequest, req.body, 'body');
    res.json(await mergeNodes(db, actorOf(req, res), { keep: id, ...body }, now));
  });

  router.post('/nodes/:id/same-as', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(sameAsRequest, req.body, 'body');
    res.status(201).json(await recordSameAs(db, actorOf(req, res), { node: id, ...body }, now));
  });

  return router;
}
