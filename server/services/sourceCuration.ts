/**
 * Sources through curation (issue 12): adding one, editing one in place (a changed reliability is
 * recorded as `regraded`), and the grades of many at once. A source that states no reliability is
 * graded F, "cannot be judged" (contract/grades.ts): the seed's sources are never given invented grades.
 */
import { type Reliability, reliabilityOf } from '../../contract/grades.ts';
import type { SourceInput } from '../../contract/curation.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, type Tx, withIntegers } from '../db/database.ts';
import { notFound } from '../errors.ts';
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
import { knownUntilOf } from './graph.ts';
import { changeValues } from './history.ts';
import { sourceSearchKeys } from './nameFolding.ts';
import { heldEntity } from './nodeCuration.ts';

/** Stamps a source keeps through an edit in place. */
const KEPT_STAMPS = ['recordedAt', 'recordedBy'];

/** The stored properties of `source` (id `id`), checked with the import's rules. */
async function sourceProps(tx: Tx, id: string, source: SourceInput) {
  const record = { ...source, id };
  await planOne(tx, { sources: [record], nodes: [], relationships: [] }, 'sources', 'source');
  return withoutAbsent({ ...record, searchKeys: sourceSearchKeys(source) });
}

/**
 * POST /api/sources: adds `source` (id made from its name when absent), recorded now. Errors: 409
 * ID_TAKEN, 409 IMPORT_RUNNING, the database's.
 */
export async function addSource(
  db: Database,
  actor: Actor,
  source: SourceInput,
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  return curationWrite(db, 'source-add', actor, now, async (tx, at) => {
    const id = await newId(tx, source.id, source.name);
    const props = { ...(await sourceProps(tx, id, source)), recordedAt: at, recordedBy: actor.username };
    await tx.run('entityCreate', { label: 'Source', props: withIntegers(props) });
    return recordCreated(
      tx,
      actor,
      at,
      { subject: id, subjectKind: 'source', sources: [id], after: shown(props) },
      { action: 'source.add', ids: [id], detail: source.name },
    );
  });
}

/**
 * PATCH /api/sources/:id: `source` becomes source `id`'s record; recorded as `regraded` when its
 * reliability changed, else `edited`. Errors: 404 when there is no source `id`; 400 BAD_REQUEST when
 * the id would change; 400 NO_CHANGE when the edit leaves every value as it was; 409 EDIT_CONFLICT for a stale `basedOn`; 409 IMPORT_RUNNING; the database's.
 */
export async function editSource(
  db: Database,
  actor: Actor,
  id: string,
  edit: { source: SourceInput; basedOn: string; reason?: string | undefined },
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  const { source } = edit;
  return curationWrite(db, 'source-edit', actor, now, async (tx, at) => {
    const held = await heldEntity(tx, id, 'Source');
    if (!held.isSource) throw notFound(`Source "${id}"`);
    if (source.id !== undefined && source.id !== id) throw fieldError('source.id', `the id stays "${id}"`);
    checkBasedOn(held.props, edit.basedOn, `Source "${id}"`);
    const next = editedInPlace(held.props, await sourceProps(tx, id, source), KEPT_STAMPS, at, actor.username);
    refuseNoChange(held.props, next);
    await tx.run('entityReplace', { id, props: withIntegers(next) });
    const regraded = (held.props.reliability ?? null) !== (source.reliability ?? null);
    return recordWrite(
      tx,
      actor,
      at,
      {
        action: regraded ? 'regraded' : 'edited',
        subject: id,
        subjectKind: 'source',
        sources: [id],
        reason: edit.reason ?? null,
        before: shown(held.props),
        after: shown(next),
      },
      { action: 'source.edit', ids: [id], detail: edit.reason ?? '' },
    );
  });
}

/**
 * POST /api/sources/grades: the reliability of each named source that is held, F where it states none
 * (contract/grades.ts reliabilityOf); unknown ids are left out. With `knownOn` (a day or an instant,
 * contract/knownTime.ts), each grade as known then: a source regraded since answers its old grade, one
 * recorded since is left out (it was not known).
 */
export async function sourceGrades(
  db: Database,
  ids: readonly string[],
  knownOn?: string,
): Promise<Record<string, Reliability>> {
  const result = await db.read('source-grades', (tx) =>
    tx.run('sourceGrades', { ids: [...new Set(ids)], knownUntil: knownUntilOf(knownOn) }),
  );
  const grades: Record<string, Reliability> = {};
  for (const r of result.records) {
    let stated: unknown = r.get('reliability');
    if (r.get('changedSince') === true) {
      const before = changeValues(r.get('before'));
      if (before === null) continue;
      stated = before.reliability;
    }
    grades[r.get('id') as string] = reliabilityOf(stated);
  }
  return grades;
}
