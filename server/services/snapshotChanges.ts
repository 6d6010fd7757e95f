/**
 * Snapshots of investigations: what the analyst saw at a save (the elements as drawn, plus the sources
 * they cite as those read then), and what changed in the database since: elements removed, edited
 * field by field, relationships added among the snapshot's nodes, and cited sources edited or removed.
 * Values are compared as exploration answers them (db/values.ts nodeData/edgeData), so a snapshot the
 * client drew from exploration compares equal to an unchanged database.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, NodeData, SourceData } from '../../contract/api.ts';
import type { SnapshotChanges, SnapshotOut, ViewRecipe } from '../../contract/investigation.ts';
import { RELATIONSHIP_TYPES } from '../../contract/model.ts';
import type { Tx } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { sourceData } from './graph.ts';

type Elements = Pick<SnapshotOut, 'nodes' | 'edges'>;
type Change = SnapshotChanges['edited'][number];

/** The ids of the sources the elements cite (their `sources` lists), once each. */
export function citedSourceIds(elements: Elements): string[] {
  const ids = new Set<string>();
  for (const element of [...elements.nodes, ...elements.edges]) {
    const sources = element.sources;
    if (Array.isArray(sources)) for (const s of sources) if (typeof s === 'string') ids.add(s);
  }
  return [...ids];
}

/** The Source nodes of `ids` as they read now, in citation order; ids that are no Source are left out. */
export async function sourcesNow(tx: Tx, ids: readonly string[]): Promise<SourceData[]> {
  if (ids.length === 0) return [];
  const result = await tx.run('investigationSources', { ids });
  return result.records.map((r) => sourceData(r.get('source') as Node));
}

/** The snapshot a save keeps: the elements as the client drew them, their cited sources as they read now, and when. */
export async function takeSnapshot(tx: Tx, elements: Elements, takenAt: string): Promise<SnapshotOut> {
  return {
    nodes: elements.nodes,
    edges: elements.edges,
    sources: await sourcesNow(tx, citedSourceIds(elements)),
    takenAt,
  };
}

/**
 * What changed in the database since `snapshot` was taken, inside one read transaction. `added` are
 * the relationships among the snapshot's nodes that it lacks, filtered as the view was (its hidden
 * types and its date, `recipe`), leaving out those the analyst removed or hid. An edge is looked up
 * from the start node the snapshot drew it from, so one re-attached to another node reads as removed.
 */
export async function changesSince(tx: Tx, snapshot: SnapshotOut, recipe: ViewRecipe): Promise<SnapshotChanges> {
  const nodeIds = snapshot.nodes.map((n) => n.id);
  const nodesNow = new Map<string, NodeData>();
  if (nodeIds.length > 0) {
    for (const r of (await tx.run('investigationNodesNow', { ids: nodeIds, knownUntil: null })).records) {
      const d = nodeData(r.get('node') as Node);
      nodesNow.set(d.id, d);
    }
  }
  const edgesNow = new Map<string, EdgeData>();
  if (snapshot.edges.length > 0) {
    const wanted = snapshot.edges.map((e) => ({ id: e.id, source: e.source }));
    for (const r of (await tx.run('investigationEdgesNow', { edges: wanted, knownUntil: null })).records) {
      const d = edgeData(r.get('relationship') as Relationship, r.get('source'), r.get('target'));
      edgesNow.set(d.id, d);
    }
  }
  const sourcesThen = snapshot.sources ?? [];
  const sourcesAt = new Map(
    (
      await sourcesNow(
        tx,
        sourcesThen.map((s) => s.id),
      )
    ).map((s) => [s.id, s]),
  );

  const removed: SnapshotChanges['removed'] = [];
  const edited: Change[] = [];
  const compare = (kind: Change['kind'], then: readonly Record<string, unknown>[], now: Map<string, object>) => {
    for (const before of then) {
      const id = String(before.id);
      const after = now.get(id);
      if (!after) removed.push({ id, kind });
      else {
        const fields = fieldChanges(before, after as Record<string, unknown>);
        if (fields.length > 0) edited.push({ id, kind, fields });
      }
    }
  };
  compare('node', snapshot.nodes, nodesNow);
  compare('edge', snapshot.edges, edgesNow);
  compare('source', sourcesThen, sourcesAt);

  return { takenAt: snapshot.takenAt, added: { edges: await addedEdges(tx, snapshot, recipe) }, removed, edited };
}

/** Relationships among the snapshot's nodes that it lacks, through the exploration's own query (relationshipsAmong.cypher). */
async function addedEdges(tx: Tx, snapshot: SnapshotOut, recipe: ViewRecipe): Promise<EdgeData[]> {
  if (snapshot.nodes.length === 0) return [];
  const hiddenTypes = new Set<string>(recipe.hiddenTypes);
  const types = hiddenTypes.size > 0 ? RELATIONSHIP_TYPES.filter((t) => !hiddenTypes.has(t)) : null;
  const result = await tx.run('relationshipsAmong', {
    ids: [...new Set(snapshot.nodes.map((n) => n.id))],
    types,
    asOf: recipe.asOf,
    // Compared with the network as it is now: current facts only.
    knownUntil: null,
  });
  const known = new Set([...snapshot.edges.map((e) => e.id), ...recipe.removed, ...recipe.hidden]);
  const added = new Map<string, EdgeData>();
  for (const r of result.records) {
    const edge = edgeData(r.get('relationship') as Relationship, r.get('source'), r.get('target'));
    if (!known.has(edge.id)) added.set(edge.id, edge);
  }
  return [...added.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Every field whose value differs, sorted by name; a field absent on one side counts as null. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): Change['fields'] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: Change['fields'] = [];
  for (const field of fields) {
    const [a, b] = [before[field] ?? null, after[field] ?? null];
    if (canonical(a) !== canonical(b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** JSON with object keys sorted, so that equal values compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
