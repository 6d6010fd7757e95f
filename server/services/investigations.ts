/**
 * Investigations: an analyst's saved work (contract/investigation.ts), kept in Neo4j as the analysts'
 * workspace, never as part of the network: one (:Investigation) node and one (:InvestigationRevision)
 * per save, neither :Entity and never linked to anything (investigationRecords.ts). This module
 * creates, reads, saves, lists and bins them; revisions and restore are in investigationRevisions.ts,
 * files in investigationFiles.ts, snapshots and their changes in snapshotChanges.ts.
 *
 * Optimistic concurrency: a save carries the `version` it started from; inside one write transaction
 * the investigation's write lock is taken first and only then is the version compared, so of two saves
 * from the same version exactly one is written and the other gets 409 VERSION_CONFLICT.
 *
 * Every function acts for an Actor (server/auth/actor.ts): new investigations are theirs, and they see
 * only their own and those shared with them (investigationVisible.cypher); any other answers 404, as if
 * there were none. Each write leaves its audit entry in its own transaction (services/audit.ts), so a
 * refused write leaves none; each transaction carries the actor's username in its metadata.
 */
import { randomUUID } from 'node:crypto';
import type { Node } from 'neo4j-driver';
import type { z } from 'zod';
import type {
  createInvestigationRequest,
  saveInvestigationRequest,
  Investigation,
  InvestigationSummary,
  SnapshotChanges,
  SnapshotOut,
} from '../../contract/investigation.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Tx } from '../db/database.ts';
import { recordAudit } from './audit.ts';
import {
  type Access,
  addRevision,
  emptyView,
  findInvestigation,
  findRevision,
  investigationNotFound,
  investigationOf,
  lockForSave,
  requireAccess,
  requireWriter,
  runFor,
  type StoredDocument,
  summaryOf,
  viewerOf,
  visibilityFor,
} from './investigationRecords.ts';
import { changesSince, takeSnapshot } from './snapshotChanges.ts';

/** How long a deleted investigation stays in the bin before it is purged: 30 days, in milliseconds. */
export const BIN_DAYS = 30;
const BIN_MS = BIN_DAYS * 24 * 60 * 60 * 1000;

export type CreateRequest = z.output<typeof createInvestigationRequest>;
export type SaveRequest = z.output<typeof saveInvestigationRequest>;

const nowIso = () => new Date().toISOString();

/**
 * Creates an investigation at version 1, owned by `actor` and shared with nobody (an empty view and
 * snapshot when the request has none) and answers it. `snapshot` may be a full one already (an
 * imported file, `imported` true: its sources and time are kept, and the audit entry says import);
 * otherwise its sources are read now. Throws 403 FORBIDDEN for a viewer.
 */
export async function createInvestigation(
  db: Database,
  actor: Actor,
  request: CreateRequest,
  snapshot?: SnapshotOut,
): Promise<Investigation> {
  requireWriter(actor);
  const id = randomUUID();
  const now = nowIso();
  const document: StoredDocument = {
    title: request.title,
    description: request.description,
    view: request.view ?? emptyView(),
    annotations: request.annotations,
    queries: request.queries,
  };
  return db.write(
    'investigation-create',
    async (tx) => {
      await tx.run('investigationCreate', {
        id,
        title: document.title,
        description: document.description,
        now,
        owner: actor.username,
      });
      const kept = snapshot ?? (await takeSnapshot(tx, request.snapshot ?? { nodes: [], edges: [] }, now));
      const created = await addRevision(tx, id, 1, { document, snapshot: kept, restoredFrom: null }, now, {
        user: viewerOf(actor),
        access: 'owner',
      });
      await recordAudit(tx, actor, {
        action: snapshot ? 'investigation.import' : 'investigation.create',
        ids: [id],
        detail: `${snapshot ? 'imported from a file' : 'created'}: ${JSON.stringify(document.title)}`,
      });
      return created;
    },
    runFor(actor),
  );
}

/** The current revision of an investigation in full. Throws 404 INVESTIGATION_NOT_FOUND (none, in the bin, or not `actor`'s to see). */
export async function getInvestigation(db: Database, actor: Actor, id: string): Promise<Investigation> {
  return db.read('investigation-get', (tx) => currentInvestigation(tx, actor, id), runFor(actor));
}

/** The current revision in full inside a transaction; 404 when there is none, it is in the bin, or `actor` may not see it. */
export async function currentInvestigation(tx: Tx, actor: Actor, id: string): Promise<Investigation> {
  const summary = await findInvestigation(tx, actor, id);
  if (!summary || summary.deletedAt !== null) throw investigationNotFound(id);
  const revision = await findRevision(tx, id, summary.version);
  if (!revision) throw investigationNotFound(id);
  return investigationOf(summary, revision);
}

/**
 * Saves a new revision from `request` (the whole document and the version it started from): its
 * snapshot gets the sources its elements cite, as they read now. Its owner or an edit share may save.
 * Throws 404 INVESTIGATION_NOT_FOUND, 403 FORBIDDEN (a viewer, or shared read-only), 409
 * VERSION_CONFLICT when `request.version` is not the current version; nothing is written on any of them.
 */
export async function saveInvestigation(
  db: Database,
  actor: Actor,
  id: string,
  save: SaveRequest,
): Promise<Investigation> {
  requireWriter(actor);
  return db.write(
    'investigation-save',
    async (tx) => {
      const current = await lockForSave(tx, actor, id, save.version, 'edit');
      const now = nowIso();
      const snapshot = await takeSnapshot(tx, save.snapshot, now);
      const n = current.version + 1;
      const saved = await addRevision(tx, id, n, { document: save, snapshot, restoredFrom: null }, now, {
        user: viewerOf(actor),
        access: current.access,
      });
      await recordAudit(tx, actor, { action: 'investigation.save', ids: [id], detail: `revision ${n}` });
      return saved;
    },
    runFor(actor),
  );
}

/**
 * The investigations `actor` may see, in use or in the bin (`deleted`; the bin is purged of those
 * deleted more than 30 days ago first), whose title or description contains `q` (any case), most
 * recent first.
 */
export async function listInvestigations(
  db: Database,
  actor: Actor,
  query: { q?: string | undefined; deleted: boolean },
): Promise<{ investigations: InvestigationSummary[] }> {
  if (query.deleted) await purgeDeletedInvestigations(db);
  const q = query.q ? query.q.toLowerCase() : null;
  const { user, readOnly } = visibilityFor(actor);
  const result = await db.read(
    'investigation-list',
    (tx) => tx.run('investigationVisible', { id: null, user, readOnly, q, deleted: query.deleted }),
    runFor(actor),
  );
  return {
    investigations: result.records.map((r) =>
      summaryOf(r.get('i') as Node, { user, access: r.get('access') as Access }),
    ),
  };
}

/**
 * Puts an investigation in the bin (soft delete; purged 30 days later) and answers its summary, now
 * with `deletedAt`. Only its owner may. Throws 404 INVESTIGATION_NOT_FOUND when there is none, it is in
 * the bin already, or `actor` may not see it; 403 FORBIDDEN when `actor` is not its owner.
 */
export async function deleteInvestigation(db: Database, actor: Actor, id: string): Promise<InvestigationSummary> {
  return ownerWrite(db, actor, id, 'delete', async (tx, current) => {
    if (current.deletedAt !== null) throw investigationNotFound(id);
    return { query: await tx.run('investigationDelete', { id, now: nowIso() }), detail: 'put in the bin' };
  });
}

/**
 * Takes an investigation out of the bin, as it was (one in use is answered unchanged, and no entry
 * is written). Only its owner may. 404 when there is none or `actor` may not see it, 403 when they
 * are not its owner.
 */
export async function undeleteInvestigation(db: Database, actor: Actor, id: string): Promise<InvestigationSummary> {
  return ownerWrite(db, actor, id, 'undelete', async (tx, current) => ({
    query: await tx.run('investigationUndelete', { id }),
    detail: current.deletedAt === null ? null : 'taken out of the bin',
  }));
}

/**
 * Runs an owner-only write on one investigation in one transaction: checks `actor` sees it (404) and
 * owns it (403), runs `work`, and records its audit entry unless `work` says it changed nothing.
 */
async function ownerWrite(
  db: Database,
  actor: Actor,
  id: string,
  action: 'delete' | 'undelete',
  work: (
    tx: Tx,
    current: InvestigationSummary,
  ) => Promise<{ query: Awaited<ReturnType<Tx['run']>>; detail: string | null }>,
): Promise<InvestigationSummary> {
  requireWriter(actor);
  return db.write(
    `investigation-${action}`,
    async (tx) => {
      const current = await findInvestigation(tx, actor, id);
      if (!current) throw investigationNotFound(id);
      requireAccess(current, 'owner');
      const { query, detail } = await work(tx, current);
      const node = query.records[0]?.get('i') as Node | undefined;
      if (!node) throw investigationNotFound(id);
      if (detail !== null) await recordAudit(tx, actor, { action: `investigation.${action}`, ids: [id], detail });
      return summaryOf(node, { user: viewerOf(actor), access: current.access });
    },
    runFor(actor),
  );
}

/**
 * Deletes for good, with all their revisions, the investigations put in the bin more than 30 days
 * before `now`; answers how many. Run at start and whenever the bin is listed.
 */
export async function purgeDeletedInvestigations(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - BIN_MS).toISOString();
  const result = await db.write('investigation-purge', (tx) => tx.run('investigationPurge', { before }));
  return Number(result.records[0]?.get('purged') ?? 0);
}

/**
 * What changed in the database since the current revision's snapshot was taken (snapshotChanges.ts).
 * Throws 404 INVESTIGATION_NOT_FOUND (none, in the bin, or not `actor`'s to see).
 */
export async function investigationChanges(db: Database, actor: Actor, id: string): Promise<SnapshotChanges> {
  return db.read(
    'investigation-changes',
    async (tx) => {
      const investigation = await currentInvestigation(tx, actor, id);
      return changesSince(tx, investigation.snapshot, investigation.view.recipe);
    },
    runFor(actor),
  );
}
