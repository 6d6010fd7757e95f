/**
 * Neo4j values to JSON, in one place: integers become numbers when they are safe (strings beyond 2^53),
 * temporal values ISO strings, nodes and relationships the Cytoscape.js elements format.
 */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import { NODE_LABELS, type NodeLabel } from '../../contract/model.ts';
import { intervalBounds } from '../../contract/validTime.ts';

/** Properties kept in the database for its own use, never sent to clients. */
const INTERNAL_PROPERTIES = new Set(['searchKeys']);

/**
 * `endpointId` names a relationship's end nodes, which it knows only by elementId; by default the
 * elementId itself, while the console passes the ids of the nodes it has seen (db/consoleResult.ts).
 */
export function toJson(value: unknown, endpointId: (elementId: string) => string = (elementId) => elementId): unknown {
  // Strings and booleans are most of what is stored (names, ids, dates, lists of them): returned before
  // the dozen type tests below, which cost a third of the API's CPU on large answers (issue 11).
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value === null || value === undefined) return null;
  const recurse = (v: unknown) => toJson(v, endpointId);
  // JSON has no NaN or Infinity (JSON.stringify would silently write null).
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value)
  ) {
    return value.toString();
  }
  // The driver writes a duration without a time part with a dangling "T" ("P1Y2MT"); ISO 8601 has none.
  if (neo4j.isDuration(value)) return value.toString().replace(/T$/, '');
  if (neo4j.isPoint(value)) {
    const p = value;
    return { srid: toJson(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (neo4j.isNode(value)) return { data: nodeData(value) };
  if (neo4j.isRelationship(value)) {
    return { data: edgeData(value, endpointId(value.startNodeElementId), endpointId(value.endNodeElementId)) };
  }
  if (neo4j.isPath(value)) {
    // Nodes in the order the path walks them; each edge from its relationship's own start node to its
    // end node, also where the path walks it backwards (a segment's start and end are the walk's).
    const nodes = [value.start, ...value.segments.map((s) => s.end)];
    const ids = new Map(nodes.map((n) => [n.elementId, idOf(n)]));
    const end = (elementId: string) => ids.get(elementId) ?? endpointId(elementId);
    return {
      nodes: nodes.map((n) => ({ data: nodeData(n) })),
      edges: value.segments.map(({ relationship: r }) => ({
        data: edgeData(r, end(r.startNodeElementId), end(r.endNodeElementId)),
      })),
    };
  }
  if (Array.isArray(value)) return value.map(recurse);
  // Byte arrays: a list of numbers, not an object keyed by index.
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, recurse(v)]));
  }
  return value;
}

function properties(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in props) {
    if (INTERNAL_PROPERTIES.has(k)) continue;
    const v = props[k];
    out[k] = typeof v === 'string' ? v : Array.isArray(v) && v.every(isString) ? v : toJson(v);
  }
  return out;
}

const isString = (v: unknown) => typeof v === 'string';

/** The model label of a node: its first label that the model knows (every node is also :Entity). */
/**
 * Whether a node is part of the model (Faction, Person, Event, Place, Source) rather than the app's own
 * bookkeeping (the import lock, and later investigations), which the canvas must never draw as a faction.
 */
export function isModelNode(node: Node): boolean {
  return node.labels.some((l) => (NODE_LABELS as readonly string[]).includes(l));
}

export function modelLabel(labels: readonly string[]): NodeLabel {
  return (labels.find((l) => (NODE_LABELS as readonly string[]).includes(l)) as NodeLabel | undefined) ?? 'Faction';
}

export function idOf(node: Node): string {
  return typeof node.properties.id === 'string' ? node.properties.id : node.elementId;
}

export function nodeData(node: Node): NodeData {
  const props = properties(node.properties);
  return {
    ...props,
    id: idOf(node),
    label: modelLabel(node.labels),
    name: typeof props.name === 'string' ? props.name : idOf(node),
  };
}

/** `source` and `target` are the endpoint ids the client knows (our `id` property, not elementIds). */
export function edgeData(rel: Relationship, source: string, target: string): EdgeData {
  const props = properties(rel.properties);
  return {
    ...props,
    // A claim's ended versions keep only `claimId` (issue 12): one claim, one id on the canvas.
    id: typeof props.id === 'string' ? props.id : typeof props.claimId === 'string' ? props.claimId : rel.elementId,
    source,
    target,
    type: rel.type as EdgeData['type'],
    from: typeof props.from === 'string' ? props.from : null,
    to: typeof props.to === 'string' ? props.to : null,
    // Stored by every import since valid time was introduced; derived from the stated dates otherwise.
    ...(typeof props.validFrom === 'string' && typeof props.validTo === 'string'
      ? { validFrom: props.validFrom, validTo: props.validTo }
      : intervalBounds(props.from as string | undefined, props.to as string | undefined)),
    sources: Array.isArray(props.sources) ? (props.sources as string[]) : [],
  };
}
