/**
 * How investigations are kept in Neo4j, in one place: the (:Investigation) node's properties as a
 * summary, a (:InvestigationRevision)'s JSON strings as a document and snapshot, the write lock and
 * version check every save starts with, and the writing of one revision. The services
 * (investigations.ts, investigationRevisions.ts, investigationFiles.ts) compose these inside one
 * transaction each.
 */
import type { Node } from 'neo4j-driver';
import {
  emptyRecipe,
  type Investigation,
  type InvestigationDocument,
  type InvestigationSummary,
  type InvestigationView,
  type SnapshotOut,
} from '../../contract/investigation.ts';
import { int, type Tx } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import { AppError } from '../errors.ts';

/** The document as a revision keeps it: everything a client saves but the snapshot. */
export type StoredDocument = Omit<InvestigationDocument, 'snapshot'>;

/** One revision read back: its document and snapshot parsed from their JSON strings. */
export interface StoredRevision {
  n: number;
  savedAt: string;
  restoredFrom: number | null;
  document: StoredDocument;
  snapshot: SnapshotOut;
}

/** 404 INVESTIGATION_NOT_FOUND: no investigation has this id, or it is in the bin. */
export const investigationNotFound = (id: string) =>
  new AppError(404, 'INVESTIGATION_NOT_FOUND', `Investigation "${id}" not found (or it is in the bin)`);

/** 404 REVISION_NOT_FOUND: the investigation has no revision `n`. */
export const revisionNotFound = (id: string, n: number) =>
  new AppError(404, 'REVISION_NOT_FOUND', `Investigation "${id}" has no revision ${n}`);

/** The summary of an (:Investigation) node (times are ISO strings as stored, counts of its current revision). */
export function summaryOf(node: Node): InvestigationSummary {
  const p = toJson(node.properties) as Record<string, unknown>;
  return {
    id: String(p.id),
    title: String(p.title),
    description: String(p.description ?? ''),
    version: Number(p.version),
    createdAt: String(p.createdAt),
    updatedAt: String(p.updatedAt),
    deletedAt: typeof p.deletedAt === 'string' ? p.deletedAt : null,
    nodes: Number(p.nodes ?? 0),
    edges: Number(p.edges ?? 0),
    notes: Number(p.notes ?? 0),
  };
}

/** An (:InvestigationRevision) node, its JSON strings parsed (they were validated before they were written). */
export function revisionOf(node: Node): StoredRevision {
  const p = toJson(node.properties) as Record<string, unknown>;
  return {
    n: Number(p.n),
    savedAt: String(p.savedAt),
    restoredFrom: typeof p.restoredFrom === 'number' ? p.restoredFrom : null,
    document: JSON.parse(String(p.document)) as StoredDocument,
    snapshot: JSON.parse(String(p.snapshot)) as SnapshotOut,
  };
}

/** The full answer for an investigation: its summary and one revision's content. */
export function investigationOf(summary: InvestigationSummary, revision: StoredRevision): Investigation {
  const { document, snapshot } = revision;
  return {
    ...summary,
    view: document.view,
    annotations: document.annotations,
    queries: document.queries,
    snapshot,
  };
}

/** An investigation's node inside a transaction, or null when there is none. */
export async function findInvestigation(tx: Tx, id: string): Promise<InvestigationSummary | null> {
  const result = await tx.run('investigationById', { id });
  const node = result.records[0]?.get('i') as Node | undefined;
  return node ? summaryOf(node) : null;
}

/** One revision inside a transaction, or null when the investigation has no revision `n`. */
export async function findRevision(tx: Tx, id: string, n: number): Promise<StoredRevision | null> {
  const result = await tx.run('investigationRevision', { id, n: int(n) });
  const node = result.records[0]?.get('r') as Node | undefined;
  return node ? revisionOf(node) : null;
}

/**
 * The first step of every save or restore: takes the investigation's write lock (investigationLock.cypher),
 * then reads it, so a concurrent save of the same investigation has either committed (and is seen) or
 * waits for this transaction. Throws 404 INVESTIGATION_NOT_FOUND (none, or in the bin) and, when
 * `expected` is given and is not the current version, 409 VERSION_CONFLICT naming the current version.
 */
export async function lockForSave(tx: Tx, id: string, expected: number | undefined): Promise<InvestigationSummary> {
  const locked = await tx.run('investigationLock', { id });
  if (locked.records.length === 0) throw investigationNotFound(id);
  const current = await findInvestigation(tx, id);
  if (!current || current.deletedAt !== null) throw investigationNotFound(id);
  if (expected !== undefined && expected !== current.version) {
    throw new AppError(
      409,
      'VERSION_CONFLICT',
      `Investigation "${id}" was saved meanwhile: the current version is ${current.version}, this save started ` +
        `from version ${expected}. Nothing was written; open version ${current.version} and save again.`,
    );
  }
  return current;
}

/** What one revision holds. */
export interface RevisionContent {
  document: StoredDocument;
  snapshot: SnapshotOut;
  restoredFrom: number | null;
}

/**
 * Writes revision `n` of investigation `id` and makes it the current version, at `now` (ISO instant).
 * Answers the investigation as it now is. Run after lockForSave (or a create) in the same transaction.
 */
export async function addRevision(
  tx: Tx,
  id: string,
  n: number,
  content: RevisionContent,
  now: string,
): Promise<Investigation> {
  const { document, snapshot, restoredFrom } = content;
  const result = await tx.run('investigationAddRevision', {
    id,
    n: int(n),
    now,
    restoredFrom: restoredFrom === null ? null : int(restoredFrom),
    title: document.title,
    description: document.description,
    nodes: int(snapshot.nodes.length),
    edges: int(snapshot.edges.length),
    notes: int(document.annotations.length),
    document: JSON.stringify(storedDocument(document)),
    snapshot: JSON.stringify(snapshot),
  });
  const node = result.records[0]?.get('i') as Node | undefined;
  if (!node) throw investigationNotFound(id);
  return investigationOf(summaryOf(node), { n, savedAt: now, restoredFrom, document, snapshot });
}

/** Only the fields a revision keeps, whatever else the caller's object carries (the snapshot, a version). */
function storedDocument(d: StoredDocument): StoredDocument {
  return { title: d.title, description: d.description, view: d.view, annotations: d.annotations, queries: d.queries };
}

/** The view of a new investigation created without one: nothing drawn, the client's defaults. */
export function emptyView(): InvestigationView {
  return {
    recipe: emptyRecipe(),
    positions: {},
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    selection: [],
    compare: null,
    base: { nodes: [], edges: [] },
    steps: [],
    provenance: {},
  };
}
