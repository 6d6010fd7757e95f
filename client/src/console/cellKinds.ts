/**
 * The Cypher kind of each value in a console result, read from the wire format of contract/console.ts
 * (plain JSON, typed values such as {"$integer": "…"} or {"$date": "…"}, elements and paths), and the
 * exact numeric value of numbers, so that integers beyond 2^53 compare as BigInts. Pure.
 */
import { type TypedValueKind, typedValueKind } from '../../../contract/console.ts';

interface ElementData {
  id: string;
  [key: string]: unknown;
}
interface GraphElement {
  data: ElementData;
}
export interface NodeValue extends GraphElement {
  data: ElementData & { label: string; name: string };
}
export interface RelationshipValue extends GraphElement {
  data: ElementData & { source: string; target: string; type: string; from?: string | null; to?: string | null };
}
export interface PathValue {
  nodes: NodeValue[];
  edges: RelationshipValue[];
}

export type CellKind =
  | Exclude<TypedValueKind, 'map'>
  | 'null'
  | 'boolean'
  | 'string'
  | 'list'
  | 'map'
  | 'node'
  | 'relationship'
  | 'path';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function elementData(v: unknown): Record<string, unknown> | null {
  if (!isObject(v) || Object.keys(v).length !== 1 || !isObject(v.data) || typeof v.data.id !== 'string') return null;
  return v.data;
}

export function isRelationship(v: unknown): v is RelationshipValue {
  const d = elementData(v);
  return !!d && typeof d.source === 'string' && typeof d.target === 'string' && typeof d.type === 'string';
}

export function isNode(v: unknown): v is NodeValue {
  const d = elementData(v);
  return !!d && !isRelationship(v) && typeof d.label === 'string' && typeof d.name === 'string';
}

export function isPath(v: unknown): v is PathValue {
  if (!isObject(v) || Object.keys(v).length !== 2 || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return false;
  return v.nodes.every(isNode) && v.edges.every(isRelationship);
}

/** What a value is in Cypher: a whole JSON number is an INTEGER, one with a fraction a FLOAT. */
export function kindOf(v: unknown): CellKind {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'float';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'list';
  const typed = typedValueKind(v);
  if (typed) return typed;
  if (isNode(v)) return 'node';
  if (isRelationship(v)) return 'relationship';
  if (isPath(v)) return 'path';
  return 'map';
}

/** The text inside a typed value ({"$date": "2018-02-09"} → "2018-02-09"), or the value itself. */
export function typedContent(v: unknown): unknown {
  const kind = typedValueKind(v);
  return kind ? (v as Record<string, unknown>)[`$${kind}`] : v;
}

/** A number's exact value: integers as BigInt, floats as numbers (NaN too); null when not a number. */
export function numericValue(v: unknown): bigint | number | null {
  const kind = kindOf(v);
  if (kind === 'integer') return BigInt(typeof v === 'number' ? v : String(typedContent(v)));
  if (kind === 'float') return typeof v === 'number' ? v : Number(typedContent(v));
  return null;
}

const sign = (d: bigint | number) => (d < 0 ? -1 : d > 0 ? 1 : 0);

/** Ascending order of two numbers exactly: BigInts with each other, NaN after every other number. */
export function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return sign(a - b);
  const [x, y] = [Number(a), Number(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
  if (x !== y) return x < y ? -1 : 1;
  // Equal as floats: a big integer may still differ from a whole float by less than a float can tell.
  if (typeof a === 'bigint' && Number.isInteger(y)) return sign(a - BigInt(y));
  if (typeof b === 'bigint' && Number.isInteger(x)) return sign(BigInt(x) - b);
  return 0;
}
