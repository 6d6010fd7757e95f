/**
 * The rows an import writes, and the writing of them: one place for both the one-transaction import
 * (importer.ts) and each batch of a batched one (importBatched.ts). Items become rows with their
 * derived fields (search keys, nameFolding.ts; valid time from the plan, importChecks.ts) and are sent
 * as UNWIND statements of at most BATCH_SIZE rows.
 */
import type { ImportFile } from '../../contract/importFile.ts';
import type { ValidTime } from '../../contract/validTime.ts';
import { type Tx, withIntegers } from '../db/database.ts';
import type { ImportPlan } from './importChecks.ts';
import { searchKeys, sourceSearchKeys } from './nameFolding.ts';

/** Rows per UNWIND statement: large enough to be fast, small enough to keep each statement's memory flat. */
export const BATCH_SIZE = 2_000;

/** What an import changed, summed from the database's own counters. */
export interface Changes {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
}

export const noChanges = (): Changes => ({
  nodesCreated: 0,
  relationshipsCreated: 0,
  propertiesSet: 0,
  labelsAdded: 0,
});

/**
 * Writes `part` (a whole file, or a slice of one) through `tx`. `relationshipOffset` is the index in
 * the whole file of part.relationships[0], so each relationship gets its planned valid time.
 * Calls `onRows` after each statement with the rows it wrote. What it creates is stamped as recorded
 * now by `recordedBy` (transaction time, contract/knownTime.ts; none for the seed); what it updates
 * keeps its stamps.
 */
export async function writeRows(
  tx: Tx,
  part: ImportFile,
  plan: ImportPlan,
  relationshipOffset = 0,
  onRows?: (rows: number) => void,
  recordedBy: string | null = null,
): Promise<Changes> {
  const counted = noChanges();
  const stamp = { recordedAt: new Date().toISOString(), recordedBy };
  const statements: Array<[Parameters<Tx['run']>[0], () => Record<string, unknown>[]]> = [
    ['importSources', () => part.sources.map(sourceRow)],
    ['importNodes', () => part.nodes.map((n) => nodeRow(n, plan.nodeTimes.get(n.id)!))],
    [
      'importRelationships',
      () => part.relationships.map((r, i) => relationshipRow(r, plan.relationshipTimes[relationshipOffset + i]!)),
    ],
  ];
  for (const [query, rowsOf] of statements) await writeStatements(tx, query, rowsOf(), counted, onRows, stamp);
  return counted;
}

/** Stores the plan's new valid time on stored relationships outside the file (ImportPlan.retimed). */
export async function writeRetimed(tx: Tx, rows: ImportPlan['retimed']): Promise<Changes> {
  const counted = noChanges();
  await writeStatements(tx, 'importRelationshipTimes', rows, counted);
  return counted;
}

async function writeStatements(
  tx: Tx,
  query: Parameters<Tx['run']>[0],
  rows: object[],
  counted: Changes,
  onRows?: (rows: number) => void,
  stamp: { recordedAt: string; recordedBy: string | null } = { recordedAt: new Date().toISOString(), recordedBy: null },
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const c = (await tx.run(query, { rows: batch, ...stamp })).summary.counters.updates();
    counted.nodesCreated += c.nodesCreated;
    counted.relationshipsCreated += c.relationshipsCreated;
    counted.propertiesSet += c.propertiesSet;
    counted.labelsAdded += c.labelsAdded;
    onRows?.(batch.length);
  }
}

/** An audit entry lists at most this many ids of an import; `detail` gives the totals. */
export const AUDIT_IDS_CAP = 1_000;

/**
 * An import's audit entry: the ids of the file's nodes, relationships and sources, in that order, the
 * first AUDIT_IDS_CAP of them, and an account of the file and of what changed.
 */
export function importAudit(
  file: ImportFile,
  changes: { nodesCreated: number; relationshipsCreated: number; propertiesSet: number },
) {
  const all = [...file.nodes, ...file.relationships, ...file.sources].map((x) => x.id);
  const ids = all.slice(0, AUDIT_IDS_CAP);
  const capped = all.length > ids.length ? `; ids: the first ${ids.length} of ${all.length}` : '';
  return {
    action: 'import' as const,
    ids,
    detail:
      `${file.nodes.length} nodes, ${file.relationships.length} relationships, ${file.sources.length} sources; ` +
      `${changes.nodesCreated} nodes and ${changes.relationshipsCreated} relationships created, ` +
      `${changes.propertiesSet} properties set${capped}`,
  };
}

/** A source is searched by its title, author and publisher, folded like names (nameFolding.ts). */
export function sourceRow(source: ImportFile['sources'][number]) {
  const props = withoutUndefined({ ...source, searchKeys: sourceSearchKeys(source) });
  return { id: source.id, props: withIntegers(props) };
}

export function nodeRow(node: ImportFile['nodes'][number], lifetime: ValidTime) {
  const { label, ...rest } = node;
  const props = withoutUndefined({ ...rest, searchKeys: searchKeys([node.name, ...node.aliases]), ...lifetime });
  return { id: node.id, label, props: withIntegers(props) };
}

export function relationshipRow(rel: ImportFile['relationships'][number], time: ValidTime) {
  const { source, target, type, ...rest } = rel;
  return { id: rel.id, source, target, type, props: withIntegers(withoutUndefined({ ...rest, ...time })) };
}

/** Neo4j stores no nulls, so absent optional fields are left out rather than written as null. */
function withoutUndefined<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}
