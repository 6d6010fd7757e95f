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
import type { Database, Tx } from '../db/database.ts';
import {
  addRevision,
  emptyView,
  findInvestigation,
  findRevision,
  investigationNotFound,
  investigationOf,
  lockForSave,
  type StoredDocument,
  summaryOf,
} from './investigationRecords.ts';
import { changesSince, takeSnapshot } from './snapshotChanges.ts';

/** How long a deleted investigation stays in the bin before it is purged: 30 days, in milliseconds. */
export const BIN_DAYS = 30;
const BIN_MS = BIN_DAYS * 24 * 60 * 60 * 1000;

export type CreateRequest = z.output<typeof createInvestigationRequest>;
export type SaveRequest = z.output<typeof saveInvestigationRequest>;

const nowIso = () => new Date().toISOString();

/**
 * Creates an investigation at version 1 (an empty view and snapshot when the request has none) and
 * answers it. `snapshot` may be a full one already (an imported file: its sources and time are kept);
 * otherwise its sources are read now.
 */
export async function createInvestigation(
  db: Database,
  request: CreateRequest,
  snapshot?: SnapshotOut,
): Promise<Investigation> {
  const id = randomUUID();
  const now = nowIso();
  const document: StoredDocument = {
    title: request.title,
    description: request.description,
    view: request.view ?? emptyView(),
    annotations: request.annotations,
    queries: request.queries,
  };
  return db.write('investigation-create', async (tx) => {
    await tx.run('investigationCreate', { id, title: document.title, description: document.description, now });
    const kept = snapshot ?? (await takeSnapshot(tx, request.snapshot ?? { nodes: [], edges: [] }, now));
    return addRevision(tx, id, 1, { document, snapshot: kept, restoredFrom: null }, now);
  });
}

/** The current revision of an investigation in full. Throws 404 INVESTIGATION_NOT_FOUND (none, or in the bin). */
export async function getInvestigation(db: Database, id: string): Promise<Investigation> {
  return db.read('investigation-get', (tx) => currentInvestigation(tx, id));
}

/** The current revision in full inside a transaction; 404 when there is none or it is in the bin. */
export async function currentInvestigation(tx: Tx, id: string): Promise<Investigation> {
  const summary = await findInvestigation(tx, id);
  if (!summary || summary.deletedAt !== null) throw investigationNotFound(id);
  const revision = await findRevision(tx, id, summary.version);
  if (!revision) throw investigationNotFound(id);
  return investigationOf(summary, revision);
}

/**
 * Saves a new revision from `request` (the whole document and the version it started from): its
 * snapshot gets the sources its elements cite, as they read now. Throws 404 INVESTIGATION_NOT_FOUND,
 * 409 VERSION_CONFLICT when `request.version` is not the current version (nothing is written).
 */
export async function saveInvestigation(db: Database, id: string, save: SaveRequest): Promise<Investigation> {
  return db.write('investigation-save', async (tx) => {
    const current = await lockForSave(tx, id, save.version);
    const now = nowIso();
    const snapshot = await takeSnapshot(tx, save.snapshot, now);
    return addRevision(tx, id, current.version + 1, { document: save, snapshot, restoredFrom: null }, now);
  });
}

/**
 * The investigations in use, or in the bin (`deleted`; the bin is purged of those deleted more than
 * 30 days ago first), whose title or description contains `q` (any case), most recent first.
 */
export async function listInvestigations(
  db: Database,
  query: { q?: string | undefined; deleted: boolean },
): Promise<{ investigations: InvestigationSummary[] }> {
  if (query.deleted) await purgeDeletedInvestigations(db);
  const q = query.q ? query.q.toLowerCase() : null;
  const result = await db.read('investigation-list', (tx) =>
    tx.run('investigationList', { q, deleted: query.deleted }),
  );
  return { investigations: result.records.map((r) => summaryOf(r.get('i') as Node)) };
}

/**
 * Puts an investigation in the bin (soft delete; purged 30 days later) and answers its summary, now
 * with `deletedAt`. Throws 404 INVESTIGATION_NOT_FOUND when there is none or it is in the bin already.
 */
export async function deleteInvestigation(db: Database, id: string): Promise<InvestigationSummary> {
  const result = await db.write('investigation-delete', (tx) => tx.run('investigationDelete', { id, now: nowIso() }));
  const node = result.records[0]?.get('i') as Node | undefined;
  if (!node) throw investigationNotFound(id);
  return summaryOf(node);
}

/** Takes an investigation out of the bin, as it was (one in use is answered unchanged). 404 when there is none. */
export async function undeleteInvestigation(db: Database, id: string): Promise<InvestigationSummary> {
  const result = await db.write('investigation-undelete', (tx) => tx.run('investigationUndelete', { id }));
  const node = result.records[0]?.get('i') as Node | undefined;
  if (!node) throw investigationNotFound(id);
  return summaryOf(node);
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
 * Throws 404 INVESTIGATION_NOT_FOUND.
 */
export async function investigationChanges(db: Database, id: string): Promise<SnapshotChanges> {
  return db.read('investigation-changes', async (tx) => {
    const investigation = await currentInvestigation(tx, id);
    return changesSince(tx, investigation.snapshot, investigation.view.recipe);
  });
}
