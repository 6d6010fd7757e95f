/**
 * Nodes through curation (issue 12): adding one (after matching it against what is held) and editing
 * one in place; its old values live in its history (history.ts), its `recordedAt` stays the instant it
 * was first recorded (so "as known on" finds it from then), and `changedAt` names the version an edit
 * must be based on (contract/curation.ts basedOnOf). A node's lifetime is derived, and the valid time
 * of its stored claims moved with it, exactly as an import of the same record would (importChecks.ts).
 */
import type { FactChange, NodeInput } from '../../contract/curation.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, type Tx, withIntegers } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { AppError, notFound } from '../errors.ts';
import {
  type Clock,
  checkBasedOn,
  curationWrite,
  editedInPlace,
  fieldError,
  newId,
  planOne,
  recordCreated,
  recordWrite,
  refuseNoChange,
  shown,
  systemClock,
  withoutAbsent,
} from './curationWrite.ts';
import { citedSources, historyOf, withImportRecord } from './history.ts';
import { writeRetimed } from './importRows.ts';
import { possibleDuplicatesOf } from './matching.ts';
import { searchKeys } from './nameFolding.ts';

/** Stamps a node keeps through an edit in place (when and by whom it was first recorded, a merge's marks). */
const KEPT_STAMPS = ['recordedAt', 'recordedBy', 'supersededAt', 'supersededBy', 'endReason', 'mergedInto'];

/** A node or source as held: label and every property; 404 when there is none. */
export async function heldEntity(tx: Tx, id: string, what: string) {
  const record = (await tx.run('entityById', { id })).records[0];
  if (!record) throw notFound(`${what} "${id}"`);
  const labels = record.get('labels') as string[];
  return {
    isSource: labels.includes('Source'),
    label: modelLabel(labels),
    props: record.get('props') as Record<string, unknown>,
  };
}

/** The stored properties of `node` (id `id`): its fields, folded names for search, its lifetime. */
async function nodeProps(tx: Tx, id: string, node: NodeInput) {
  const record = { ...node, id };
  const plan = await planOne(tx, { sources: [], nodes: [record], relationships: [] }, 'nodes', 'node');
  const { label: _label, ...rest } = record;
  const props = withoutAbsent({
    ...rest,
    searchKeys: searchKeys([node.name, ...node.aliases]),
    ...plan.nodeTimes.get(id),
  });
  return { props, plan };
}

/**
 * POST /api/nodes: adds `node` (id made from its name when absent), recorded now. Unless `keepBoth`, a
 * node that may duplicate held ones (matching.ts) is refused with 409 POSSIBLE_DUPLICATES, whose
 * `details` list them (`path`: the held node's id; `message`: its name, score and reasons). Errors
 * besides: 400 BAD_REQUEST for a record the import would refuse (unknown source, dates out of order),
 * at `node.…`; 409 ID_TAKEN; 409 IMPORT_RUNNING; the database's.
 */
export async function addNode(
  db: Database,
  actor: Actor,
  request: { node: NodeInput; keepBoth: boolean },
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  const { node } = request;
  return curationWrite(db, 'node-add', actor, now, async (tx, at) => {
    if (!request.keepBoth) {
      const matches = await possibleDuplicatesOf(tx, { name: node.name, label: node.label, aliases: node.aliases });
      if (matches.length > 0) {
        throw new AppError(
          409,
          'POSSIBLE_DUPLICATES',
          `"${node.name}" may already be held as ${matches.map((m) => `"${m.existing.name}"`).join(', ')}: merge, link, or keep both`,
          {
            details: matches.map((m) => ({
              path: m.existing.id,
              message: `${m.existing.name} (score ${m.score.toFixed(2)}): ${m.reasons.join('; ')}`,
            })),
          },
        );
      }
    }
    const id = await newId(tx, node.id, node.name);
    const { props } = await nodeProps(tx, id, node);
    const stamped = { ...props, recordedAt: at, recordedBy: actor.username };
    await tx.run('entityCreate', { label: node.label, props: withIntegers(stamped) });
    return recordCreated(
      tx,
      actor,
      at,
      { subject: id, subjectKind: 'node', sources: node.sources, after: { label: node.label, ...shown(stamped) } },
      { action: 'node.add', ids: [id], detail: `${node.label} "${node.name}"` },
    );
  });
}

/**
 * PATCH /api/nodes/:id: `node` becomes node `id`'s record (edited in place), the valid time of its
 * claims moving with its lifetime. Errors: 404 when there is no node `id` (or it is a source, or was
 * merged away); 400 BAD_REQUEST when the label or id would change, or the import would refuse the
 * record; 400 NO_CHANGE when the edit leaves every value as it was; 409 EDIT_CONFLICT for a stale `basedOn`; 409 IMPORT_RUNNING; the database's.
 */
export async function editNode(
  db: Database,
  actor: Actor,
  id: string,
  edit: { node: NodeInput; basedOn: string; reason?: string | undefined },
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  const { node } = edit;
  return curationWrite(db, 'node-edit', actor, now, async (tx, at) => {
    const held = await heldEntity(tx, id, 'Node');
    if (held.isSource || typeof held.props.supersededAt === 'string') throw notFound(`Node "${id}"`);
    if (node.label !== held.label) throw fieldError('node.label', `a ${held.label} stays a ${held.label}`);
    if (node.id !== undefined && node.id !== id) throw fieldError('node.id', `the id stays "${id}"`);
    checkBasedOn(held.props, edit.basedOn, `Node "${id}"`);
    const { props, plan } = await nodeProps(tx, id, node);
    const next = editedInPlace(held.props, props, KEPT_STAMPS, at, actor.username);
    refuseNoChange(held.props, next);
    await tx.run('entityReplace', { id, props: withIntegers(next) });
    await writeRetimed(tx, plan.retimed);
    return recordWrite(
      tx,
      actor,
      at,
      {
        action: 'edited',
        subject: id,
        subjectKind: 'node',
        sources: node.sources,
        reason: edit.reason ?? null,
        before: { label: held.label, ...shown(held.props) },
        after: { label: node.label, ...shown(next) },
      },
      { action: 'node.edit', ids: [id], detail: edit.reason ?? '' },
    );
  });
}

/**
 * GET /api/nodes/:id/history (`kind` 'node') and /api/sources/:id/history ('source'): every change,
 * oldest first, a 'recorded' entry first for one an import stamped (history.ts withImportRecord); []
 * for one imported before the graph kept time; 404 when there is no such node or source.
 */
export async function entityHistory(db: Database, id: string, kind: 'node' | 'source'): Promise<FactChange[]> {
  const changes = await historyOf(db, id, kind);
  const what = kind === 'node' ? 'Node' : 'Source';
  const current = await db.read('fact-history', async (tx) => {
    try {
      const held = await heldEntity(tx, id, what);
      if (held.isSource !== (kind === 'source')) throw notFound(`${what} "${id}"`);
      return kind === 'node' ? { label: held.label, ...shown(held.props) } : shown(held.props);
    } catch (error) {
      if (changes.length > 0) return null;
      throw error;
    }
  });
  return withImportRecord(changes, current, kind === 'source' ? () => [id] : citedSources);
}
