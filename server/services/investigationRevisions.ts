/**
 * The revisions of an investigation: every save keeps one, numbered from 1. They are listed, opened
 * read-only, and restored: a restore is itself a new revision (the old one's document and snapshot,
 * `restoredFrom` naming it), so nothing is ever overwritten.
 */
import type { Revision, RevisionSummary } from '../../contract/investigation.ts';
import type { Database } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import {
  addRevision,
  findInvestigation,
  findRevision,
  investigationNotFound,
  lockForSave,
  revisionNotFound,
} from './investigationRecords.ts';
import type { Investigation } from '../../contract/investigation.ts';

/** Every revision of investigation `id`, newest first. Throws 404 INVESTIGATION_NOT_FOUND (none, or in the bin). */
export async function listRevisions(db: Database, id: string): Promise<{ revisions: RevisionSummary[] }> {
  return db.read('investigation-revisions', async (tx) => {
    const summary = await findInvestigation(tx, id);
    if (!summary || summary.deletedAt !== null) throw investigationNotFound(id);
    const result = await tx.run('investigationRevisionList', { id });
    const revisions = result.records.map((r) => {
      const row = toJson(r.toObject()) as Record<string, unknown>;
      return {
        n: Number(row.n),
        savedAt: String(row.savedAt),
        title: String(row.title),
        nodes: Number(row.nodes),
        edges: Number(row.edges),
        notes: Number(row.notes),
        restoredFrom: typeof row.restoredFrom === 'number' ? row.restoredFrom : null,
      };
    });
    return { revisions };
  });
}

/**
 * Revision `n` of investigation `id` in full, read-only. Throws 404 INVESTIGATION_NOT_FOUND (none, or in
 * the bin), 404 REVISION_NOT_FOUND.
 */
export async function getRevision(db: Database, id: string, n: number): Promise<Revision> {
  return db.read('investigation-revision', async (tx) => {
    const summary = await findInvestigation(tx, id);
    if (!summary || summary.deletedAt !== null) throw investigationNotFound(id);
    const revision = await findRevision(tx, id, n);
    if (!revision) throw revisionNotFound(id, n);
    const { document, snapshot } = revision;
    return {
      id,
      title: document.title,
      description: document.description,
      nodes: snapshot.nodes.length,
      edges: snapshot.edges.length,
      notes: document.annotations.length,
      view: document.view,
      annotations: document.annotations,
      queries: document.queries,
      snapshot,
      n: revision.n,
      savedAt: revision.savedAt,
      restoredFrom: revision.restoredFrom,
    };
  });
}

/**
 * Restores revision `n` as a new revision (its document and its snapshot as taken then, so the changes
 * since are still told against that picture) and answers the investigation. With `version`, a stale
 * one is refused like a save: 409 VERSION_CONFLICT, nothing written. Throws 404 INVESTIGATION_NOT_FOUND,
 * 404 REVISION_NOT_FOUND.
 */
export async function restoreRevision(
  db: Database,
  id: string,
  n: number,
  version: number | undefined,
): Promise<Investigation> {
  return db.write('investigation-restore', async (tx) => {
    const current = await lockForSave(tx, id, version);
    const old = await findRevision(tx, id, n);
    if (!old) throw revisionNotFound(id, n);
    const content = { document: old.document, snapshot: old.snapshot, restoredFrom: n };
    return addRevision(tx, id, current.version + 1, content, new Date().toISOString());
  });
}
