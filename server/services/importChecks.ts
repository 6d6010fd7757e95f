/**
 * The checks of an import against what the database holds, and the valid time it will store. They run
 * INSIDE the import's write transaction, after it has taken the import lock (cypher/importLock.cypher),
 * so what they read cannot change before the import commits: two imports at once are checked and
 * written one after the other, in any API process.
 *
 * Two kinds of refusal, both with every problem and its path, both writing nothing:
 *   - 400 INVALID_IMPORT (ImportRejected): the file itself is wrong (schema, references, dates, an
 *     interval that holds on no day);
 *   - 409 IMPORT_CONFLICT (ImportConflict): the file is fine, but conflicts with the database's current
 *     state (an id held under another label, by another relationship type or ends, or by a relationship
 *     where the file has a node, and the reverse; a new lifetime that leaves a stored link on no day).
 */
import { checkImportFile, type ImportFile, ProblemList } from '../../contract/importFile.ts';
import type { GraphLabel, NodeLabel } from '../../contract/model.ts';
import { lastDay, firstDay, lifetimeOf, relationshipValidTime, type ValidTime } from '../../contract/validTime.ts';
import type { Tx } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { AppError } from '../errors.ts';
import {
  describeLifetime,
  holdsOnNoDay,
  type LifetimeProperties,
  sameTime,
  storedLifetime,
  type TimeRow,
} from './importValidTime.ts';

/**
 * 400 INVALID_IMPORT: the file has problems of its own; `details` lists each with its path, the first
 * MAX_REPORTED_PROBLEMS of them (`detailsTruncated` when there are more).
 */
export class ImportRejected extends AppError {
  constructor(problems: ProblemList) {
    super(400, 'INVALID_IMPORT', `Import rejected, nothing written: ${summary(problems, 'problems')}`, {
      details: problems.items,
      detailsTruncated: problems.truncated,
    });
  }
}

/** 409 IMPORT_CONFLICT: the file conflicts with what the database holds; `details` lists the conflicts, as above. */
export class ImportConflict extends AppError {
  constructor(conflicts: ProblemList) {
    super(409, 'IMPORT_CONFLICT', `Import refused, nothing written: ${summary(conflicts, 'conflicts')}`, {
      details: conflicts.items,
      detailsTruncated: conflicts.truncated,
    });
  }
}

function summary({ items, truncated }: ProblemList, what: string): string {
  const first = items[0];
  const more = truncated
    ? ` (the first ${items.length} ${what} are listed; there are more)`
    : items.length > 1
      ? ` (and ${items.length - 1} more ${what})`
      : '';
  return `${first?.path || '(the file itself)'}: ${first?.message}${more}`;
}

/** What the import writes beyond the file's own fields, all derived under the lock. */
export interface ImportPlan {
  /** The lifetime of each graph node of the file, by id, stored as its validFrom/validTo. */
  nodeTimes: Map<string, ValidTime>;
  /** The valid time of each relationship of the file, in file order. */
  relationshipTimes: ValidTime[];
  /** Stored relationships outside the file whose valid time moves with a node's new lifetime. */
  retimed: TimeRow[];
}

interface HeldNode {
  label: NodeLabel;
  lifetime: ValidTime;
  /** validFrom/validTo as stored (absent on a database imported before valid time was stored). */
  stored: { validFrom?: unknown; validTo?: unknown };
}

interface HeldRelationship {
  type: string;
  source: string;
  target: string;
}

/**
 * Checks `file` (already valid against the schema) against the database through `tx`, which must hold
 * the import lock, and derives the valid time to store. Throws ImportRejected (400) when the file has
 * problems (listing the conflicts too), else ImportConflict (409) when it conflicts with the database.
 */
export async function planImport(tx: Tx, file: ImportFile): Promise<ImportPlan> {
  const ownIds = [...file.sources, ...file.nodes, ...file.relationships].map((item) => item.id);
  const referenced = new Set(ownIds);
  for (const r of file.relationships) for (const id of [r.source, r.target, ...r.sources]) referenced.add(id);
  for (const n of file.nodes) for (const id of n.sources) referenced.add(id);

  const heldNodes = new Map<string, HeldNode>();
  for (const r of (await tx.run('labelsOfIds', { ids: [...referenced] })).records) {
    const labels = r.get('labels') as string[];
    const time = r.get('time') as LifetimeProperties & HeldNode['stored'];
    heldNodes.set(r.get('id') as string, {
      label: modelLabel(labels),
      lifetime: storedLifetime(labels, time),
      stored: { validFrom: time.validFrom, validTo: time.validTo },
    });
  }
  const heldRelationships = new Map<string, HeldRelationship>();
  for (const r of (await tx.run('importKnownRelationships', { ids: ownIds })).records) {
    heldRelationships.set(r.get('id') as string, r.toObject() as unknown as HeldRelationship);
  }

  const problems = new ProblemList();
  checkImportFile(file, { labelOf: (id) => heldNodes.get(id)?.label as GraphLabel | 'Source' }, problems);
  const conflicts = idConflicts(file, heldNodes, heldRelationships);

  const nodeTimes = new Map(file.nodes.map((n) => [n.id, lifetimeOf(n)]));
  const lifetime = (id: string) => nodeTimes.get(id) ?? heldNodes.get(id)?.lifetime ?? lifetimeOf({});
  const relationshipTimes = file.relationships.map((r, i) => {
    const start = lifetime(r.source);
    const end = lifetime(r.target);
    const time = relationshipValidTime(r, start, end);
    if (holdsOnNoDay(time) && !problems.truncated) {
      const field =
        r.from && firstDay(r.from) === time.validFrom ? '.from' : r.to && lastDay(r.to) === time.validTo ? '.to' : '';
      problems.add(
        `relationships[${i}]${field}`,
        `holds on no day: it would start on ${time.validFrom} but end on ${time.validTo} ` +
          `(stated ${r.from ?? '…'} to ${r.to ?? '…'}; "${r.source}" ${describeLifetime(start)}, ` +
          `"${r.target}" ${describeLifetime(end)})`,
      );
    }
    return time;
  });

  const retimed = await retimeStoredRelationships(tx, file, nodeTimes, heldNodes, conflicts);
  if (problems.items.length) {
    problems.addAll(conflicts);
    throw new ImportRejected(problems);
  }
  if (conflicts.items.length) throw new ImportConflict(conflicts);
  return { nodeTimes, relationshipTimes, retimed };
}

/** One namespace for every id, across the file and the database: labels kept, relationships kept whole. */
function idConflicts(
  file: ImportFile,
  heldNodes: Map<string, HeldNode>,
  heldRelationships: Map<string, HeldRelationship>,
): ProblemList {
  const conflicts = new ProblemList();
  const asNode = (id: string, label: NodeLabel, path: string) => {
    const node = heldNodes.get(id);
    if (node && node.label !== label) conflicts.add(path, `id "${id}" is already a ${node.label} in the database`);
    const rel = heldRelationships.get(id);
    if (rel) conflicts.add(path, `id "${id}" is already the id of ${describeRelationship(rel)}`);
  };
  file.sources.forEach((s, i) => {
    asNode(s.id, 'Source', `sources[${i}].id`);
  });
  file.nodes.forEach((n, i) => {
    asNode(n.id, n.label, `nodes[${i}].id`);
  });
  // A relationship is updated in place only when it keeps its type and its ends; anything else would
  // leave two relationships under one id.
  file.relationships.forEach((r, i) => {
    const path = `relationships[${i}].id`;
    const node = heldNodes.get(r.id);
    if (node) conflicts.add(path, `id "${r.id}" is already the id of a ${node.label} in the database`);
    const held = heldRelationships.get(r.id);
    if (held && (held.type !== r.type || held.source !== r.source || held.target !== r.target)) {
      conflicts.add(path, `id "${r.id}" is already the id of ${describeRelationship(held)}`);
    }
  });
  return conflicts;
}

const describeRelationship = (rel: HeldRelationship) =>
  `a ${rel.type} relationship from "${rel.source}" to "${rel.target}" in the database`;

/**
 * The stored relationships (outside the file) touching a node whose lifetime the file changes, with
 * their bounds recomputed from the new lifetimes; those that would hold on no day are added to
 * `conflicts` at the node's path. Returns the rows whose stored bounds differ.
 */
async function retimeStoredRelationships(
  tx: Tx,
  file: ImportFile,
  nodeTimes: Map<string, ValidTime>,
  heldNodes: Map<string, HeldNode>,
  conflicts: ProblemList,
): Promise<TimeRow[]> {
  const changedAt = new Map<string, number>();
  file.nodes.forEach((n, i) => {
    const held = heldNodes.get(n.id);
    if (held && held.label === n.label && !sameTime(held.stored, nodeTimes.get(n.id)!)) changedAt.set(n.id, i);
  });
  if (changedAt.size === 0) return [];

  const inFile = new Set(file.relationships.map((r) => r.id));
  const rows: TimeRow[] = [];
  const touching = await tx.run('importTouchingRelationships', { ids: [...changedAt.keys()] });
  for (const r of touching.records) {
    const id = r.get('id') as string | null;
    if (id !== null && inFile.has(id)) continue;
    const [source, target] = [r.get('source') as string, r.get('target') as string];
    const start = nodeTimes.get(source) ?? storedLifetime(r.get('sourceLabels'), r.get('sourceTime'));
    const end = nodeTimes.get(target) ?? storedLifetime(r.get('targetLabels'), r.get('targetTime'));
    const stated = { from: r.get('from') as string | null, to: r.get('to') as string | null };
    const time = relationshipValidTime(stated, start, end);
    if (holdsOnNoDay(time)) {
      const changed = changedAt.has(source) ? source : target;
      conflicts.add(
        `nodes[${changedAt.get(changed)}]`,
        `its new lifetime (it ${describeLifetime(nodeTimes.get(changed)!)}) leaves the stored relationship ` +
          `"${id}" (stated ${stated.from ?? '…'} to ${stated.to ?? '…'}) holding on no day: it would start on ` +
          `${time.validFrom} but end on ${time.validTo}`,
      );
    } else if (!sameTime({ validFrom: r.get('validFrom'), validTo: r.get('validTo') }, time)) {
      rows.push({ elementId: r.get('elementId') as string, ...time });
    }
  }
  return rows;
}
