/**
 * HTTP for the audit trail, under /api/audit (admins only: auth/policy.ts): a page of entries, newest
 * first, filtered by user, action and [since, until), paged on with `before`; or, with `format=jsonl`,
 * every matching entry as JSON lines (application/x-ndjson, one entry per line), streamed a page at a
 * time so an export of a long trail never sits whole in memory.
 */
import { Router } from 'express';
import { auditQuery } from '../../contract/auth.ts';
import type { Database } from '../db/database.ts';
import { listAudit } from '../services/audit.ts';
import { parse } from './validate.ts';

/** Entries read per page of an export. */
const EXPORT_PAGE = 1000;

/** Routes for the audit trail, under /api. */
export function auditRoutes(db: Database): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    const query = parse(auditQuery, req.query);
    if (query.format === 'json') {
      res.json(await listAudit(db, query));
      return;
    }
    // The first page before the headers, so a failure still answers a proper error.
    let page = await listAudit(db, { ...query, limit: EXPORT_PAGE });
    res.status(200).attachment('audit.jsonl').type('application/x-ndjson');
    for (;;) {
      const lines = page.entries.map((e) => `${JSON.stringify(e)}\n`).join('');
      if (lines && !res.write(lines)) await new Promise((resolve) => res.once('drain', resolve));
      if (page.next === null || res.destroyed) break;
      try {
        page = await listAudit(db, { ...query, limit: EXPORT_PAGE, before: page.next });
      } catch (error) {
        // Headers are gone: cutting the response short is the only way left to say it is incomplete.
        req.log.error({ err: error }, 'audit export failed part way');
        res.destroy();
        return;
      }
    }
    res.end();
  });

  return router;
}
