/**
 * The columns of the CSV files neo4j-admin's importer reads, derived from the import format's own zod
 * schemas (contract/importFile.ts), so a field added there is carried here without a second list. Each
 * column is typed in its header the way the importer stores it: arrays of strings `:string[]`, the
 * integers the normal import stores as INTEGER (withIntegers) `:long`, everything else a string
 * (partial dates stay strings, as the normal import stores them). Beside the file's fields, the derived
 * ones the normal import stores (importRows.ts): searchKeys on every node and source, validFrom and
 * validTo on graph nodes and relationships.
 *
 * Header syntax: Neo4j Operations Manual, "Import > CSV header format" (`:ID`, `:LABEL`, `:START_ID`,
 * `:END_ID`, `:TYPE`, `name:type`).
 */
import type { z } from 'zod';
import {
  eventRecord,
  factionRecord,
  personRecord,
  placeRecord,
  relationshipRecord,
  sourceRecord,
} from '../../contract/importFile.ts';
import type { GraphLabel } from '../../contract/model.ts';

export type ColumnType = 'string' | 'long' | 'string[]';

export interface Column {
  key: string;
  type: ColumnType;
}

/** The stored type of a field of a record schema (optional, default and nullable unwrapped). */
function typeOf(schema: z.ZodType): ColumnType {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType };
  while (def.innerType) def = def.innerType._zod.def as typeof def;
  if (def.type === 'array') return 'string[]';
  if (def.type === 'number') return 'long';
  return 'string';
}

function columnsOf(shape: Record<string, z.ZodType>, omit: readonly string[], derived: readonly Column[]): Column[] {
  const fields = Object.entries(shape)
    .filter(([key]) => !omit.includes(key))
    .map(([key, schema]) => ({ key, type: typeOf(schema) }));
  return [...fields, ...derived];
}

const SEARCH_KEYS: Column = { key: 'searchKeys', type: 'string[]' };
const VALID_TIME: Column[] = [
  { key: 'validFrom', type: 'string' },
  { key: 'validTo', type: 'string' },
];

/** Property columns of each kind of node file, `id` first (it is also the file's `:ID`). */
export const NODE_COLUMNS: Record<GraphLabel | 'Source', Column[]> = {
  Source: columnsOf(sourceRecord.shape, [], [SEARCH_KEYS]),
  Faction: columnsOf(factionRecord.shape, ['label'], [SEARCH_KEYS, ...VALID_TIME]),
  Person: columnsOf(personRecord.shape, ['label'], [SEARCH_KEYS, ...VALID_TIME]),
  Event: columnsOf(eventRecord.shape, ['label'], [SEARCH_KEYS, ...VALID_TIME]),
  Place: columnsOf(placeRecord.shape, ['label'], [SEARCH_KEYS, ...VALID_TIME]),
};

/** Property columns of every relationship file (its ends and type are the `:START_ID`, `:END_ID`, `:TYPE`). */
export const RELATIONSHIP_COLUMNS: Column[] = columnsOf(
  relationshipRecord.shape,
  ['source', 'target', 'type'],
  VALID_TIME,
);

/** A header cell: `name`, or `name:long` / `name:string[]`; the id column is `id:ID`. */
export function headerCell({ key, type }: Column, isNodeId = false): string {
  if (isNodeId) return `${key}:ID`;
  return type === 'string' ? key : `${key}:${type}`;
}
