/**
 * The revisions of an investigation: every save keeps one, numbered from 1. They are listed, opened
 * read-only, and restored: a restore is itself a new revision (the old one's document and snapshot,
 * `restoredFrom` naming it), so nothing is ever overwritten.
 */
import type { Revision, RevisionSummary } from '../../contract/investigation.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import {
  addRevision,
  findInvestigation,
  findRevision,
  investigationNotFound,
  lockForSave,
  requireWriter,
  revisionNotFound,
  runFor,
  viewerOf,
} from './investigationRecords.ts';
import type { Investigation } from '../../contract/investigation.ts';
import { recordAudit } from './audit.ts';

/**
 * Every revision of investigation `id`, newest first. Throws 404 INVESTIGATION_NOT_FOUND (none, in the
 * bin, or not `actor`'s to see).
 */
export async function listRevisions(db: Database, actor: Actor, id: string): Promise<{ revisions: RevisionSummary[] }> {
  return db.read(
    'investigation-revisions',
    async (tx) => {
      const summary = await findInvestigation(tx, actor, id);
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
    },
    runFor(actor),
  );
}

/**
 * Revision `n` of investigation `id` in full, read-only. Throws 404 INVESTIGATION_NOT_FOUND (none, in
 * the bin, or not `actor`'s to see), 404 REVISION_NOT_FOUND.
 */
export async function getRevision(db: Database, actor: Actor, id: string, n: number): Promise<Revision> {
  return db.read(
    'investigation-revision',
    async (tx) => {
      const summary = await findInvestigation(tx, actor, id);
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
    },
    runFor(actor),
  );
}

/**
 * Restores revision `n` as a new revision (its document and its snapshot as taken then, so the changes
 * since are still told against that picture) and answers the investigation. With `version`, a stale
 * one is refused like a save: 409 VERSION_CONFLICT, nothing written. Only its owner restores. Throws
 * 404 INVESTIGATION_NOT_FOUND (none, in the bin, or not `actor`'s to see), 403 FORBIDDEN (not the
 * owner), 404 REVISION_NOT_FOUND.
 */
export async function restoreRevision(
  db: Database,
  actor: Actor,
  id: string,
  n: number,
  version: number | undefined,
): Promise<Investigation> {
  requireWriter(actor);
  return db.write(
    'investigation-restore',
    async (tx) => {
      const current = await lockForSave(tx, actor, id, version, 'owner');
      const old = await findRevision(tx, id, n);
      if (!old) throw revisionNotFound(id, n);
      const content = { document: old.document, snapshot: old.snapshot, restoredFrom: n };
      const next = current.version + 1;
      const restored = await addRevision(tx, id, next, content, new Date().toISOString(), {
        user: viewerOf(actor),
        access: current.access,
      });
      await recordAudit(tx, actor, {
        action: 'investigation.restore',
        ids: [id],
        detail: `revision ${next}, restored from revision ${n}`,
      });
      return restored;
    },
    runFor(actor),
  );
}
