/**
 * Sources as something to navigate from: what a source states, as the nodes and relationships that
 * cite it (with their end nodes), in the Cytoscape.js elements format the canvas adds.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, Elements, NodeData, SourceClaimsQuery } from '../../contract/api.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { notFound } from '../errors.ts';

/**
 * The nodes citing source `id` and the relationships citing it with both their ends, at most
 * `limit` of each (`truncated` says when more cite it). Errors: 404 NOT_FOUND when no source has
 * this id (a node that is not a Source included); the database's, as db/database.ts translates them.
 */
export async function sourceClaims(db: Database, id: string, query: SourceClaimsQuery): Promise<Elements> {
  const result = await db.read('source-claims', (tx) =>
    tx.run('sourceClaims', { id, limit: int(query.limit + 1), knownUntil: null }),
  );
  const record = result.records[0];
  if (!record) throw notFound(`Source "${id}"`);
  const citing = record.get('nodes') as Node[];
  const claims = record.get('claims') as { relationship: Relationship; start: Node; end: Node }[];
  const truncated = citing.length > query.limit || claims.length > query.limit;

  const nodes = new Map<string, NodeData>();
  const edges = new Map<string, EdgeData>();
  for (const n of citing.slice(0, query.limit)) {
    const d = nodeData(n);
    nodes.set(d.id, d);
  }
  for (const { relationship, start, end } of claims.slice(0, query.limit)) {
    const [a, b] = [nodeData(start), nodeData(end)];
    nodes.set(a.id, a);
    nodes.set(b.id, b);
    const e = edgeData(relationship, a.id, b.id);
    edges.set(e.id, e);
  }
  return {
    nodes: [...nodes.values()].map((data) => ({ data })),
    edges: [...edges.values()].map((data) => ({ data })),
    truncated,
  };
}
