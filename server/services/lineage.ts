/**
 * A faction's merger lineage: who merged into it or joined it and when they left (or were absorbed by a
 * merger), and what it merged into or joined, with every dated change listed in time order so the client
 * can draw it top-down.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, LineageResponse, NodeData } from '../../contract/api.ts';
import { compareChronologically } from '../../contract/validTime.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { notFound } from '../errors.ts';
import { knownUntilOf } from './graph.ts';

type LineageEvent = LineageResponse['events'][number];

/** A member's merger into some faction: who merged, from when (a partial date). */
export interface MemberMerger {
  node: string;
  from: string;
}

/**
 * The genealogy of the faction `id`, `depth` MERGED_INTO/MEMBER_OF steps each way, optionally only
 * through links that hold on `asOf` and were known on `knownOn`; 404 unless `id` is a faction (known then).
 */
export async function mergerLineage(
  db: Database,
  id: string,
  query: { asOf?: string; knownOn?: string; depth: number },
): Promise<LineageResponse> {
  return db.read('lineage', async (tx) => {
    const knownUntil = knownUntilOf(query.knownOn);
    const root = await tx.run('factionById', { id, knownUntil });
    const rootRecord = root.records[0];
    if (!rootRecord) throw notFound(`Faction "${id}"`);

    const result = await tx.run('mergerLineage', {
      id,
      depth: int(query.depth),
      asOf: query.asOf ?? null,
      knownUntil,
    });
    const nodes = new Map<string, NodeData>([[id, nodeData(rootRecord.get('root') as Node)]]);
    const edges = new Map<string, EdgeData>();
    let memberMergers: MemberMerger[] = [];
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
      memberMergers = record.get('memberMergers') as MemberMerger[];
    }
    return {
      root: id,
      nodes: [...nodes.values()].map((data) => ({ data })),
      edges: [...edges.values()].map((data) => ({ data })),
      truncated: false,
      events: lineageEvents([...nodes.values()], [...edges.values()], memberMergers),
    };
  });
}

/** Where two changes fall on one date, the order a genealogy reads in: a faction exists before it joins. */
const KIND_ORDER: Record<LineageEvent['kind'], number> = {
  founded: 0,
  joined: 1,
  merged: 2,
  absorbed: 3,
  left: 4,
  split: 5,
  dissolved: 6,
};

/**
 * Every dated change: joins and mergers at `from`; the end of a membership at `to`, as `absorbed` when
 * the member merged into a faction then (a MERGED_INTO of the same member, among `edges` or
 * `memberMergers`, whose `from` agrees with the `to` at the precision of the less precise of the two:
 * "2015-10" agrees with "2015-10-28"), else `left`; the end of a merger as `split`; foundings and
 * dissolutions. In time order by contract/validTime.ts's compareChronologically ("2015" never before
 * "August 2015"), then by kind, then by node.
 */
export function lineageEvents(
  nodes: NodeData[],
  edges: EdgeData[],
  memberMergers: readonly MemberMerger[] = [],
): LineageEvent[] {
  const mergedOn = new Map<string, string[]>();
  const addMerger = (node: string, from: string) => mergedOn.set(node, [...(mergedOn.get(node) ?? []), from]);
  for (const e of edges) if (e.type === 'MERGED_INTO' && e.from) addMerger(e.source, e.from);
  for (const m of memberMergers) addMerger(m.node, m.from);
  const absorbed = (member: string, end: string) =>
    (mergedOn.get(member) ?? []).some((from) => agreeAtPrecision(from, end));

  const events: LineageEvent[] = [];
  for (const e of edges) {
    const merged = e.type === 'MERGED_INTO';
    if (e.from) events.push({ date: e.from, kind: merged ? 'merged' : 'joined', edge: e.id, node: e.source });
    if (e.to) {
      const kind = merged ? 'split' : absorbed(e.source, e.to) ? 'absorbed' : 'left';
      events.push({ date: e.to, kind, edge: e.id, node: e.source });
    }
  }
  for (const n of nodes) {
    if (typeof n.founded === 'string') events.push({ date: n.founded, kind: 'founded', edge: null, node: n.id });
    if (typeof n.dissolved === 'string') events.push({ date: n.dissolved, kind: 'dissolved', edge: null, node: n.id });
  }
  return events.sort(
    (a, b) =>
      compareChronologically(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.node.localeCompare(b.node),
  );
}

/** Two partial dates name the same time at the precision of the less precise one ("2015-10", "2015-10-28"). */
function agreeAtPrecision(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
