/**
 * The graph as an analyst explores it: one node with its citations, the neighbourhood of a node (by
 * depth, relationship type, neighbour label and date), and the relationships among nodes already drawn,
 * as Cytoscape.js elements.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type {
  EdgeData,
  Elements,
  NeighboursQuery,
  NodeDetail,
  RelationshipsAmongRequest,
  RelationshipsAmongResponse,
  SourceData,
} from '../../contract/api.ts';
import { knownUntil } from '../../contract/knownTime.ts';
import { type Database, int, type Tx } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { notFound } from '../errors.ts';

/**
 * The `knownUntil` parameter of the queries that read the network (server/db/cypher.ts `{{knownOn x}}`):
 * the instant `knownOn` stands for, or null for now (current facts only).
 */
export function knownUntilOf(knownOn: string | null | undefined): string | null {
  return knownOn ? knownUntil(knownOn) : null;
}

/**
 * One node with every property and the sources it cites, as known on `knownOn` (now if absent); 404
 * when there is no such node (or it was not known then, or has been merged away).
 */
export async function nodeWithSources(db: Database, id: string, knownOn?: string): Promise<NodeDetail> {
  const result = await db.read('node', (tx) => tx.run('nodeWithSources', { id, knownUntil: knownUntilOf(knownOn) }));
  const record = result.records[0];
  if (!record) throw notFound(`Node "${id}"`);
  const sources = (record.get('sources') as Node[]).map((s) => sourceData(s));
  return { node: nodeData(record.get('node') as Node), sources };
}

/** A Source node as the API answers it: its properties, with the citation fields null when absent. */
export function sourceData(node: Node): SourceData {
  const d = nodeData(node);
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  return {
    ...d,
    id: d.id,
    name: d.name,
    title: str('title'),
    number: typeof d.number === 'number' ? d.number : null,
    publisher: str('publisher'),
    author: str('author'),
    date: str('date'),
    url: str('url'),
  };
}

/**
 * Breadth-first, one query per depth step, then one query for every relationship among the nodes found
 * (not only those the search walked along: two neighbours that fought each other are linked too), all in
 * one read transaction. `limit` caps the nodes (the start node included); when more were reachable,
 * `truncated` says so. Relationships pass the same type and date filters as the search.
 */
export async function expandNeighbourhood(db: Database, id: string, query: NeighboursQuery): Promise<Elements> {
  return db.read('neighbourhood', async (tx) => {
    const knownUntil = knownUntilOf(query.knownOn);
    const start = await tx.run('nodeWithSources', { id, knownUntil });
    const startRecord = start.records[0];
    if (!startRecord) throw notFound(`Node "${id}"`);

    const nodes = new Map([[id, nodeData(startRecord.get('node') as Node)]]);
    let truncated = false;
    let frontier = [id];
    // Neighbours come back distinct, and at most nodes.size of them are known already; so if limit + 1
    // come back, more new ones than there is room for are among them, and the loop marks it truncated.
    const rowCap = query.limit + 1;

    for (let step = 0; step < query.depth && frontier.length > 0; step++) {
      const result = await tx.run('expandNeighbourhood', {
        frontier,
        types: query.types ?? null,
        labels: query.labels ?? null,
        asOf: query.asOf ?? null,
        knownUntil,
        rowCap: int(rowCap),
      });
      const next: string[] = [];
      for (const record of result.records) {
        const neighbour = nodeData(record.get('neighbour') as Node);
        if (nodes.has(neighbour.id)) continue;
        if (nodes.size >= query.limit) {
          truncated = true;
          break;
        }
        nodes.set(neighbour.id, neighbour);
        next.push(neighbour.id);
      }
      frontier = next;
      if (truncated) break;
    }
    const edges = await edgesAmong(tx, [...nodes.keys()], query);
    return { nodes: [...nodes.values()].map((data) => ({ data })), edges, truncated };
  });
}

/**
 * Every relationship whose both ends are among `ids` (the nodes an analyst has drawn), optionally only
 * of `types`, holding on `asOf` and known on `knownOn`: one query, however many ids.
 */
export async function relationshipsAmong(
  db: Database,
  request: RelationshipsAmongRequest,
): Promise<RelationshipsAmongResponse> {
  return db.read('relationshipsAmong', async (tx) => ({ edges: await edgesAmong(tx, request.ids, request) }));
}

/** The relationships among `ids` inside a running transaction, once each, in a stable order. */
async function edgesAmong(
  tx: Tx,
  ids: readonly string[],
  filters: { types?: readonly string[] | undefined; asOf?: string | undefined; knownOn?: string | undefined },
): Promise<Array<{ data: EdgeData }>> {
  const result = await tx.run('relationshipsAmong', {
    ids: [...new Set(ids)],
    types: filters.types ?? null,
    asOf: filters.asOf ?? null,
    knownUntil: knownUntilOf(filters.knownOn),
  });
  const edges = new Map<string, EdgeData>();
  for (const record of result.records) {
    const edge = edgeData(record.get('relationship') as Relationship, record.get('source'), record.get('target'));
    edges.set(edge.id, edge);
  }
  return [...edges.values()].sort((a, b) => a.id.localeCompare(b.id)).map((data) => ({ data }));
}
