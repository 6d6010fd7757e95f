/**
 * How investigations are kept in Neo4j, in one place: the (:Investigation) node's properties as a
 * summary, a (:InvestigationRevision)'s JSON strings as a document and snapshot, the write lock and
 * version check every save starts with, and the writing of one revision. The services
 * (investigations.ts, investigationRevisions.ts, investigationFiles.ts) compose these inside one
 * transaction each.
 */
import type { Node } from 'neo4j-driver';
import { type InvestigationAccess, roleAtLeast, type Share } from '../../contract/auth.ts';
import {
  emptyRecipe,
  type Investigation,
  type InvestigationDocument,
  type InvestigationSummary,
  type InvestigationView,
  type SnapshotOut,
} from '../../contract/investigation.ts';
import { type Actor, LOCAL_USERNAME } from '../auth/actor.ts';
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

/** What the asking user may do with an investigation: see investigationVisible.cypher. */
export type Access = InvestigationAccess['access'];

/**
 * Whom the access rule is asked about: the actor's username, or null for the one local user of a
 * server without sign-in (AUTH=off), who owns everything, as before investigations had owners.
 */
export const viewerOf = (actor: Actor): string | null => (actor.username === LOCAL_USERNAME ? null : actor.username);

/**
 * The parameters of the access rule (investigationVisible.cypher) for `actor`: who asks, and whether
 * their role only reads (a viewer's edit share gives read).
 */
export const visibilityFor = (actor: Actor) => ({
  user: viewerOf(actor),
  readOnly: !roleAtLeast(actor.role, 'analyst'),
});

/** The transaction options of an actor's work: their username in its metadata (db/database.ts). */
export const runFor = (actor: Actor) => ({ user: actor.username });

/** Who looks at an investigation, and what they may do with it: what its summary's access fields tell. */
export interface Viewer {
  user: string | null;
  access: Access;
}

/**
 * The summary of an (:Investigation) node (times are ISO strings as stored, counts of its current
 * revision), as `viewer` sees it: its owner sees every share, anyone else only their own and '*'.
 * Older nodes without an owner belong to the local user until they are adopted (investigationSharing.ts).
 */
export function summaryOf(node: Node, viewer: Viewer): InvestigationSummary {
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
    owner: typeof p.owner === 'string' ? p.owner : LOCAL_USERNAME,
    shares: sharesOf(p, viewer.access === 'owner' ? null : viewer.user),
    access: viewer.access,
  };
}

/** The shares stored as two username lists; `onlyFor` (a user who is not the owner) sees theirs and '*' only. */
function sharesOf(p: Record<string, unknown>, onlyFor: string | null): Share[] {
  const names = (list: unknown) => (Array.isArray(list) ? list.map(String) : []);
  const all: Share[] = [
    ...names(p.editors).map((username) => ({ username, access: 'edit' as const })),
    ...names(p.readers).map((username) => ({ username, access: 'read' as const })),
  ];
  return onlyFor === null ? all : all.filter((s) => s.username === onlyFor || s.username === '*');
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

/**
 * An investigation as `actor` may see it, in the bin or not, inside a transaction; null when there is
 * none or it is not theirs to see (investigationVisible.cypher: owner, shared with them, or with '*').
 */
export async function findInvestigation(tx: Tx, actor: Actor, id: string): Promise<InvestigationSummary | null> {
  const { user, readOnly } = visibilityFor(actor);
  const result = await tx.run('investigationVisible', { id, user, readOnly, deleted: null, q: null });
  const record = result.records[0];
  if (!record) return null;
  return summaryOf(record.get('i') as Node, { user, access: record.get('access') as Access });
}

/**
 * 403 FORBIDDEN unless `actor` may write investigations at all: viewers read the ones shared with
 * them, even those shared for edit; writing takes the analyst role (contract/auth.ts).
 */
export function requireWriter(actor: Actor): void {
  if (!roleAtLeast(actor.role, 'analyst')) {
    throw new AppError(403, 'FORBIDDEN', 'Viewers read investigations; writing them takes the analyst role');
  }
}

/**
 * 403 FORBIDDEN unless `summary.access` allows `need`: `edit` saves (owner or an edit share), `owner`
 * shares, bins, undeletes and restores.
 */
export function requireAccess(summary: InvestigationSummary, need: 'edit' | 'owner'): void {
  if (summary.access === 'read') {
    throw new AppError(403, 'FORBIDDEN', `Investigation "${summary.id}" is shared with you read-only`);
  }
  if (need === 'owner' && summary.access !== 'owner') {
    throw new AppError(
      403,
      'FORBIDDEN',
      `Only the owner of investigation "${summary.id}" (${summary.owner}) shares, bins, undeletes or restores it`,
    );
  }
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
 * waits for this transaction. Throws 404 INVESTIGATION_NOT_FOUND (none, in the bin, or not `actor`'s to
 * see), 403 FORBIDDEN when `actor` may see it but not do `need` with it, and, when `expected` is given
 * and is not the current version, 409 VERSION_CONFLICT naming the current version. Every refusal
 * throws, so the transaction (and its `held` mark) is rolled back: nothing is written.
 */
export async function lockForSave(
  tx: Tx,
  actor: Actor,
  id: string,
  expected: number | undefined,
  need: 'edit' | 'owner',
): Promise<InvestigationSummary> {
  const locked = await tx.run('investigationLock', { id });
  if (locked.records.length === 0) throw investigationNotFound(id);
  const current = await findInvestigation(tx, actor, id);
  if (!current || current.deletedAt !== null) throw investigationNotFound(id);
  requireAccess(current, need);
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
 * Answers the investigation as it now is, as `viewer` sees it. Run after lockForSave (or a create) in
 * the same transaction.
 */
export async function addRevision(
  tx: Tx,
  id: string,
  n: number,
  content: RevisionContent,
  now: string,
  viewer: Viewer,
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
  return investigationOf(summaryOf(node, viewer), { n, savedAt: now, restoredFrom, document, snapshot });
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
