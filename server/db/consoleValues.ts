/**
 * The values of a console result as the console's rows carry them (contract/console.ts): plain JSON
 * where JSON holds the value exactly, else a one-key object naming its Cypher type ({"$integer": …},
 * {"$float": "1.0"}, {"$date": …} …), so the table can show, sort and export every value as what it is.
 * Nodes, relationships and paths are the Cytoscape.js elements of values.ts's toJson.
 */
import neo4j from 'neo4j-driver';
import { isModelNode, toJson } from './values.ts';

type EndpointId = (elementId: string) => string;

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);

/** A Cypher FLOAT: a JSON number when it has a fraction, else its text ("1.0", "NaN", "-Infinity"). */
function float(value: number): unknown {
  if (!Number.isFinite(value)) return { $float: String(value) };
  if (!Number.isInteger(value)) return value;
  if (Object.is(value, -0)) return { $float: '-0.0' };
  return { $float: Math.abs(value) < 1e21 ? value.toFixed(1) : String(value) };
}

/** A map that would read as a typed value, an element ({data}) or a path ({nodes, edges}) is wrapped. */
function map(entries: Record<string, unknown>): unknown {
  const keys = Object.keys(entries).sort();
  const ambiguous =
    (keys.length === 1 && (keys[0]!.startsWith('$') || keys[0] === 'data')) ||
    (keys.length === 2 && keys[0] === 'edges' && keys[1] === 'nodes');
  return ambiguous ? { $map: entries } : entries;
}

/** One value of a console record as JSON, typed where JSON alone would lose its kind. */
export function consoleValue(value: unknown, endpointId: EndpointId): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return float(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : { $integer: value.toString() };
  if (typeof value === 'bigint') {
    return value <= SAFE_MAX && value >= SAFE_MIN ? Number(value) : { $integer: value.toString() };
  }
  if (neo4j.isDate(value)) return { $date: value.toString() };
  if (neo4j.isLocalTime(value)) return { $localtime: value.toString() };
  if (neo4j.isTime(value)) return { $time: value.toString() };
  if (neo4j.isLocalDateTime(value)) return { $localdatetime: value.toString() };
  if (neo4j.isDateTime(value)) return { $datetime: value.toString() };
  if (neo4j.isDuration(value)) return { $duration: toJson(value) };
  if (neo4j.isPoint(value)) return { $point: toJson(value) };
  // A node of the app's own bookkeeping is no Faction: it shows as a map of its labels and properties.
  if (neo4j.isNode(value) && !isModelNode(value)) {
    return consoleValue({ labels: value.labels, ...value.properties }, endpointId);
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isPath(value)) return toJson(value, endpointId);
  if (Array.isArray(value)) return value.map((v) => consoleValue(v, endpointId));
  // The driver's byte arrays are Int8Arrays; bytes go out unsigned, 0 to 255.
  if (ArrayBuffer.isView(value)) return { $bytes: Array.from(value as unknown as ArrayLike<number>, (b) => b & 0xff) };
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return map(Object.fromEntries(entries.map(([k, v]) => [k, consoleValue(v, endpointId)])));
  }
  return value;
}
