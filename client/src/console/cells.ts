/**
 * The cells of a console result as an analyst reads them: a node by its name, a relationship by its
 * type (and dates), a path step by step, anything else as JSON; and the order of rows sorted by one
 * column (numbers by value, text by the locale, empty cells last). Pure: the table and the CSV
 * export both use these, so what is exported is what was shown.
 */

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

function relationshipText(r: RelationshipValue): string {
  const { type, from, to } = r.data;
  if (from && to) return `${type} (${from} – ${to})`;
  if (from) return `${type} (from ${from})`;
  return to ? `${type} (until ${to})` : type;
}

/** "A -[MERGED_INTO]-> B <-[LED_BY]- C", each step in the direction of its relationship. */
function pathText(p: PathValue): string {
  let text = p.nodes[0]?.data.name ?? '';
  p.edges.forEach((edge, i) => {
    const here = p.nodes[i]?.data.id;
    const next = p.nodes[i + 1]?.data.name ?? '?';
    text += edge.data.source === here ? ` -[${edge.data.type}]-> ${next}` : ` <-[${edge.data.type}]- ${next}`;
  });
  return text;
}

/** Graph values inside lists and maps become their text; the rest stays as it is for JSON. */
function readable(_key: string, v: unknown): unknown {
  if (isNode(v)) return v.data.name;
  if (isRelationship(v)) return relationshipText(v);
  if (isPath(v)) return pathText(v);
  return v;
}

/** A cell as text: what the table shows and the CSV holds. Null is the empty string. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return value.data.name;
  if (isRelationship(value)) return relationshipText(value);
  if (isPath(value)) return pathText(value);
  return JSON.stringify(value, readable);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Ascending order of two cells: numbers by value and before text; empty cells are left to sortRows. */
export function compareCells(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(cellText(a), cellText(b));
}

export interface SortOrder {
  column: number;
  descending: boolean;
}

/**
 * The indexes of `rows` in the order to show them: as the query returned them when `order` is null,
 * else by the column, ties kept in the query's order, empty cells last either way.
 */
export function sortRows(rows: readonly (readonly unknown[])[], order: SortOrder | null): number[] {
  const indexes = rows.map((_, i) => i);
  if (!order) return indexes;
  const sign = order.descending ? -1 : 1;
  const empty = (v: unknown) => v === null || v === undefined;
  return indexes.sort((i, j) => {
    const a = rows[i]![order.column];
    const b = rows[j]![order.column];
    if (empty(a) || empty(b)) return Number(empty(a)) - Number(empty(b));
    return sign * compareCells(a, b);
  });
}
