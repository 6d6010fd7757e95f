/**
 * HTTP for curation (issue 12): adding and editing nodes and sources, adding, correcting and retracting
 * claims, sources' grades, and each fact's history. Parsing and answering only: the services do the
 * rest (claims.ts, nodeCuration.ts, sourceCuration.ts). Writes take the analyst role, reads any role
 * (auth/policy.ts).
 */
import { Router } from 'express';
import { nodeIdParam } from '../../contract/api.ts';
import {
  addClaimRequest,
  addNodeRequest,
  addSourceRequest,
  editClaimRequest,
  editNodeRequest,
  editSourceRequest,
  retractClaimRequest,
  sourceGradesRequest,
} from '../../contract/curation.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { addClaim, claimHistory, correctClaim, retractClaim } from '../services/claims.ts';
import { type Clock, systemClock } from '../services/curationWrite.ts';
import { addNode, editNode, entityHistory } from '../services/nodeCuration.ts';
import { addSource, editSource, sourceGrades } from '../services/sourceCuration.ts';
import { parse } from './validate.ts';

/** Routes for curation under /api; `now` is the clock the writes stamp with (tests order changes by it). */
export function curationRoutes(db: Database, now: Clock = systemClock): Router {
  const router = Router();

  router.post('/nodes', async (req, res) => {
    const body = parse(addNodeRequest, req.body, 'body');
    res.status(201).json(await addNode(db, actorOf(req, res), body, now));
  });

  router.patch('/nodes/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(editNodeRequest, req.body, 'body');
    res.json(await editNode(db, actorOf(req, res), id, body, now));
  });

  router.get('/nodes/:id/history', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json({ id, changes: await entityHistory(db, id, 'node') });
  });

  router.post('/relationships', async (req, res) => {
    const { claim } = parse(addClaimRequest, req.body, 'body');
    res.status(201).json(await addClaim(db, actorOf(req, res), claim, now));
  });

  router.patch('/relationships/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(editClaimRequest, req.body, 'body');
    res.json(await correctClaim(db, actorOf(req, res), id, body, now));
  });

  router.post('/relationships/:id/retraction', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(retractClaimRequest, req.body, 'body');
    res.json(await retractClaim(db, actorOf(req, res), id, body, now));
  });

  router.get('/relationships/:id/history', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json({ id, changes: await claimHistory(db, id) });
  });

  router.post('/sources/grades', async (req, res) => {
    const { ids, knownOn } = parse(sourceGradesRequest, req.body, 'body');
    res.json({ grades: await sourceGrades(db, ids, knownOn) });
  });

  router.post('/sources', async (req, res) => {
    const { source } = parse(addSourceRequest, req.body, 'body');
    res.status(201).json(await addSource(db, actorOf(req, res), source, now));
  });

  router.patch('/sources/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    const body = parse(editSourceRequest, req.body, 'body');
    res.json(await editSource(db, actorOf(req, res), id, body, now));
  });

  router.get('/sources/:id/history', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json({ id, changes: await entityHistory(db, id, 'source') });
  });

  return router;
}
