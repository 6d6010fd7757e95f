/**
 * A faction's merger lineage: who merged into it or joined it and when they left, and what it merged
 * into or joined, with every dated change listed in time order so the client can draw it top-down.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, LineageResponse, NodeData } from '../../contract/api.ts';
import { compareChronologically } from '../../contract/validTime.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { notFound } from '../errors.ts';

type LineageEvent = LineageResponse['events'][number];

export async function mergerLineage(
  db: Database,
  id: string,
  query: { asOf?: string; depth: number },
): Promise<LineageResponse> {
  return db.read('lineage', async (tx) => {
    const root = await tx.run('factionById', { id });
    const rootRecord = root.records[0];
    if (!rootRecord) throw notFound(`Faction "${id}"`);

    const result = await tx.run('mergerLineage', { id, depth: int(query.depth), asOf: query.asOf ?? null });
    const nodes = new Map<string, NodeData>([[id, nodeData(rootRecord.get('root') as Node)]]);
    const edges = new Map<string, EdgeData>();
    const record = result.records[0];
    if (record) {
      for (const node of record.get('nodes') as Node[]) {
        const data = nodeData(node);
        nodes.set(data.id, data);
      }
      const rels = record.get('relationships') as Array<{ relationship: Relationship; source: string; target: string }>;
      for (const r of rels) {
        const data = edgeData(r.relationship, r.source, r.target);
        edges.set(data.id, data);
      }
    }
    return {
      root: id,
      nodes: [...nodes.values()].map((data) => ({ data })),
      edges: [...edges.values()].map((data) => ({ data })),
      truncated: false,
      events: lineageEvents([...nodes.values()], [...edges.values()]),
    };
  });
}

/** Every dated change: joins and mergers at `from`, departures at `to`, foundings and dissolutions. */
export function lineageEvents(nodes: NodeData[], edges: EdgeData[]): LineageEvent[] {
  const events: LineageEvent[] = [];
  for (const e of edges) {
    const merged = e.type === 'MERGED_INTO';
    if (e.from) events.push({ date: e.from, kind: merged ? 'merged' : 'joined', edge: e.id, node: e.source });
    if (e.to) events.push({ date: e.to, kind: merged ? 'split' : 'left', edge: e.id, node: e.source });
  }
  for (const n of nodes) {
    if (typeof n.founded === 'string') events.push({ date: n.founded, kind: 'founded', edge: null, node: n.id });
    if (typeof n.dissolved === 'string') events.push({ date: n.dissolved, kind: 'dissolved', edge: null, node: n.id });
  }
  return events.sort((a, b) => compareChronologically(a.date, b.date) || a.node.localeCompare(b.node));
}
