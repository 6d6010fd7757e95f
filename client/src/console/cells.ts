/**
 * The cells of a console result as an analyst reads them: a node by its name, a relationship by its
 * type (and dates), a path step by step, numbers and dates as Cypher writes them (1.0 stays "1.0"),
 * lists and maps as Cypher literals whose values keep their kinds ([1, 2.0, date("2015-10-01")]); and
 * the order of rows sorted by one column (numbers by exact value, dates in time order, text by the
 * locale, empty cells last). Pure: the table and the CSV export both use these, so what is exported
 * is what was shown. Kinds come from cellKinds.ts.
 */
import {
  compareNumbers,
  kindOf,
  numericValue,
  type PathValue,
  type RelationshipValue,
  typedContent,
} from './cellKinds.ts';

export { isNode, isPath, isRelationship, type NodeValue, type PathValue, type RelationshipValue } from './cellKinds.ts';

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

function pointText(p: unknown): string {
  const { srid, x, y, z } = (p ?? {}) as Record<string, number | undefined>;
  return `point({srid: ${srid}, x: ${x}, y: ${y}${z === undefined ? '' : `, z: ${z}`}})`;
}

const key = (k: string) => (/^[A-Za-z_]\w*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``);

/** A value inside a list or map, as a Cypher literal: strings quoted, dates as date("…"). */
function literal(v: unknown): string {
  const kind = kindOf(v);
  switch (kind) {
    case 'null':
      return 'null';
    case 'string':
      return JSON.stringify(v);
    case 'node':
    case 'relationship':
    case 'path':
      return JSON.stringify(cellText(v));
    case 'list':
      return `[${(v as unknown[]).map(literal).join(', ')}]`;
    case 'map': {
      const entries = Object.entries(typedContent(v) as Record<string, unknown>);
      return `{${entries.map(([k, x]) => `${key(k)}: ${literal(x)}`).join(', ')}}`;
    }
    case 'date':
    case 'localtime':
    case 'time':
    case 'localdatetime':
    case 'datetime':
    case 'duration':
      return `${kind}(${JSON.stringify(typedContent(v))})`;
    default:
      return cellText(v);
  }
}

/** A cell as text: what the table shows and the CSV holds. Null is the empty string. */
export function cellText(value: unknown): string {
  const kind = kindOf(value);
  switch (kind) {
    case 'null':
      return '';
    case 'string':
      return value as string;
    case 'boolean':
    case 'integer':
    case 'float':
      return typeof value === 'object' ? String(typedContent(value)) : String(value);
    case 'node':
      return (value as { data: { name: string } }).data.name;
    case 'relationship':
      return relationshipText(value as RelationshipValue);
    case 'path':
      return pathText(value as PathValue);
    case 'point':
      return pointText(typedContent(value));
    case 'bytes':
      return `0x${(typedContent(value) as number[]).map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    case 'list':
    case 'map':
      return literal(value);
    default:
      return String(typedContent(value)); // temporal values and durations, in ISO 8601
  }
}

/** Kinds whose text the database writes (digits, ISO dates): never a formula in a CSV. */
export function isDatabaseText(value: unknown): boolean {
  return !['string', 'node', 'relationship', 'path', 'list', 'map'].includes(kindOf(value));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The instant of a datetime or time with an offset, in ms; NaN when it cannot be read. */
function instant(kind: string, text: string): number {
  const iso = text.replace(/\[.*\]$/, '').replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(kind === 'time' ? `1970-01-01T${iso}` : iso);
}

/** Two values of one temporal kind in time order; null when the kinds differ or are not temporal. */
function compareTemporal(a: unknown, b: unknown): number | null {
  const kind = kindOf(a);
  if (kind !== kindOf(b) || !['date', 'localtime', 'time', 'localdatetime', 'datetime'].includes(kind)) return null;
  const [x, y] = [String(typedContent(a)), String(typedContent(b))];
  if (kind === 'datetime' || kind === 'time') {
    const [ix, iy] = [instant(kind, x), instant(kind, y)];
    if (!Number.isNaN(ix) && !Number.isNaN(iy) && ix !== iy) return ix - iy;
  }
  return x < y ? -1 : x > y ? 1 : 0; // same-kind ISO texts of fixed form sort in time order
}

/** Ascending order of two cells: numbers by exact value and before everything else, then by text. */
export function compareCells(a: unknown, b: unknown): number {
  const [x, y] = [numericValue(a), numericValue(b)];
  if (x !== null && y !== null) return compareNumbers(x, y);
  if (x !== null) return -1;
  if (y !== null) return 1;
  return compareTemporal(a, b) ?? collator.compare(cellText(a), cellText(b));
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
