/**
 * Investigations as files (contract/investigation.ts `investigationFile`): an export holds the current
 * revision's document and snapshot (with its sources and time, the picture as it was); an import
 * checks the file whole and creates a new investigation from it, its snapshot kept as it was taken.
 */
import { INVESTIGATION_FORMAT, type Investigation, type InvestigationFile } from '../../contract/investigation.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { runFor } from './investigationRecords.ts';
import { createInvestigation, currentInvestigation } from './investigations.ts';

/**
 * The current revision of investigation `id` as a file. Throws 404 INVESTIGATION_NOT_FOUND (none, in
 * the bin, or not `actor`'s to see). Its owner and shares stay out of the file: an import is its
 * importer's, shared with nobody.
 */
export async function exportInvestigation(db: Database, actor: Actor, id: string): Promise<InvestigationFile> {
  const current = await db.read('investigation-export', (tx) => currentInvestigation(tx, actor, id), runFor(actor));
  return {
    format: INVESTIGATION_FORMAT,
    formatVersion: 1,
    exported: new Date().toISOString(),
    investigation: {
      title: current.title,
      description: current.description,
      view: current.view,
      annotations: current.annotations,
      queries: current.queries,
      snapshot: current.snapshot,
    },
  };
}

/**
 * A new investigation (version 1, a new id, owned by `actor`) from a file already checked against
 * `investigationFile`. Throws 403 FORBIDDEN for a viewer.
 */
export async function importInvestigation(db: Database, actor: Actor, file: InvestigationFile): Promise<Investigation> {
  const { snapshot, ...document } = file.investigation;
  return createInvestigation(db, actor, { ...document, snapshot }, snapshot);
}
