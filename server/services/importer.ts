/**
 * The import pipeline: check a whole file, then write it in ONE write transaction as UNWIND batches, so
 * that either everything lands or nothing does. The schema is checked first, without the database; the
 * checks against the database (importChecks.ts) run inside the write transaction after it has taken the
 * import lock, so two imports at once (in one process or several) run one after the other and neither
 * can leave an id with two labels or on two relationships. MERGE on id, and SET only where something
 * differs, make a second import of the same file a no-op. Every graph node and relationship is stored
 * with its valid time (importValidTime.ts), and a node's new lifetime moves its stored relationships.
 */
import type { ImportFile } from '../../contract/importFile.ts';
import type { ImportResponse } from '../../contract/api.ts';
import type { ValidTime } from '../../contract/validTime.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, type Tx, withIntegers } from '../db/database.ts';
import { recordAudit } from './audit.ts';
import { ImportConflict, ImportRejected, planImport } from './importChecks.ts';
import { validImportJson } from './importStream.ts';
import { validImportFile } from './importValidation.ts';
import { searchKeys, sourceSearchKeys } from './nameFolding.ts';

export { ImportConflict, ImportRejected };

/** Rows per UNWIND statement: large enough to be fast, small enough to keep each statement's memory flat. */
export const BATCH_SIZE = 2_000;

/** An import is one transaction however large the file, so it gets far longer than a read's timeout. */
export const IMPORT_TIMEOUT_MS = 30 * 60_000;

/** Called after each batch with the items written so far and the file's total (sources + nodes + relationships). */
export type ProgressListener = (done: number, total: number) => void;

/**
 * Checks `input` whole and writes it in one transaction. `input` is a parsed JSON value, or the bytes
 * of a JSON text (an upload), which are parsed as they are checked (importStream.ts). Returns what the
 * file held and what changed (counters summed over the batches; all zero when the database already held
 * exactly this).
 * Errors: ImportRejected (400 INVALID_IMPORT) for a file with problems, ImportConflict (409
 * IMPORT_CONFLICT) for one that conflicts with the database, both with the first 100 problems and their
 * paths in `details` (`detailsTruncated` when there are more; importValidation.ts), and nothing written;
 * the database's own failures as db/database.ts translates them.
 * With an `actor` (an import through the API or the command line), its transaction carries their
 * username in its metadata, and its audit entry is written in that same transaction (importAudit): a
 * refused import leaves none.
 * Without one (the seed), neither.
 */
export async function importGraph(
  db: Database,
  input: unknown | Uint8Array,
  onProgress?: ProgressListener,
  actor?: Actor,
): Promise<ImportResponse> {
  const file = input instanceof Uint8Array ? await validImportJson(input) : await validImportFile(input);
  const total = file.sources.length + file.nodes.length + file.relationships.length;
  const changes = await db.write(
    'import',
    async (tx) => {
      // Counted afresh in every attempt: after a transient error the driver runs this function again.
      const counted = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
      const count = (result: Awaited<ReturnType<Tx['run']>>) => {
        const c = result.summary.counters.updates();
        counted.nodesCreated += c.nodesCreated;
        counted.relationshipsCreated += c.relationshipsCreated;
        counted.propertiesSet += c.propertiesSet;
        counted.labelsAdded += c.labelsAdded;
      };
      await tx.run('importLock');
      const plan = await planImport(tx, file);
      let done = 0;
      const batches: Array<[Parameters<Tx['run']>[0], Record<string, unknown>[]]> = [
        ['importSources', file.sources.map(sourceRow)],
        ['importNodes', file.nodes.map((n) => nodeRow(n, plan.nodeTimes.get(n.id)!))],
        ['importRelationships', file.relationships.map((r, i) => relationshipRow(r, plan.relationshipTimes[i]!))],
      ];
      for (const [query, rows] of batches) {
        for (let i = 0; i < rows.length; i += BATCH_SIZE) {
          const batch = rows.slice(i, i + BATCH_SIZE);
          count(await tx.run(query, { rows: batch }));
          done += batch.length;
          onProgress?.(done, total);
        }
      }
      for (let i = 0; i < plan.retimed.length; i += BATCH_SIZE) {
        count(await tx.run('importRelationshipTimes', { rows: plan.retimed.slice(i, i + BATCH_SIZE) }));
      }
      await tx.run('importUnlock');
      if (actor) await recordAudit(tx, actor, importAudit(file, counted));
      return counted;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS, wholeForReaders: true, ...(actor ? { user: actor.username } : {}) },
  );

  return { sources: file.sources.length, nodes: file.nodes.length, relationships: file.relationships.length, changes };
}

/** An audit entry lists at most this many ids of an import; `detail` gives the totals. */
export const AUDIT_IDS_CAP = 1_000;

/**
 * An import's audit entry: the ids of the file's nodes, relationships and sources, in that order, the
 * first AUDIT_IDS_CAP of them, and an account of the file and of what changed.
 */
export function importAudit(
  file: ImportFile,
  changes: { nodesCreated: number; relationshipsCreated: number; propertiesSet: number },
) {
  const all = [...file.nodes, ...file.relationships, ...file.sources].map((x) => x.id);
  const ids = all.slice(0, AUDIT_IDS_CAP);
  const capped = all.length > ids.length ? `; ids: the first ${ids.length} of ${all.length}` : '';
  return {
    action: 'import' as const,
    ids,
    detail:
      `${file.nodes.length} nodes, ${file.relationships.length} relationships, ${file.sources.length} sources; ` +
      `${changes.nodesCreated} nodes and ${changes.relationshipsCreated} relationships created, ` +
      `${changes.propertiesSet} properties set${capped}`,
  };
}

/** A source is searched by its title, author and publisher, folded like names (nameFolding.ts). */
function sourceRow(source: ImportFile['sources'][number]) {
  const props = withoutUndefined({ ...source, searchKeys: sourceSearchKeys(source) });
  return { id: source.id, props: withIntegers(props) };
}

function nodeRow(node: ImportFile['nodes'][number], lifetime: ValidTime) {
  const { label, ...rest } = node;
  const props = withoutUndefined({ ...rest, searchKeys: searchKeys([node.name, ...node.aliases]), ...lifetime });
  return { id: node.id, label, props: withIntegers(props) };
}

function relationshipRow(rel: ImportFile['relationships'][number], time: ValidTime) {
  const { source, target, type, ...rest } = rel;
  return { id: rel.id, source, target, type, props: withIntegers(withoutUndefined({ ...rest, ...time })) };
}

/** Neo4j stores no nulls, so absent optional fields are left out rather than written as null. */
function withoutUndefined<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}
