/**
 * Claims through curation (issue 12): adding one, correcting it, retracting it, and its history. A claim
 * is a relationship between two held nodes citing at least one source. Nothing is deleted: a
 * correction ends the current version (it gives up `id`, keeps `claimId`, gets supersededAt,
 * supersededBy and endReason) and creates the next with the same id, type and ends; a retraction only
 * ends it. So "as known on" an earlier day (server/db/cypher.ts `{{knownOn x}}`) still finds the old
 * version, and the claim keeps one id on the canvas through its versions (db/values.ts edgeData).
 *
 * Every write runs under the import lock (curationWrite.ts), with the import's own checks of the
 * record (ends that exist with labels the type allows, sources that exist, dates in order), its
 * history entry (history.ts) and audit entry in its transaction.
 */
import type { ClaimInput } from '../../contract/curation.ts';
import type { FactChange } from '../../contract/curation.ts';
import type { Actor } from '../auth/actor.ts';
import { type Tx, type Database, withIntegers } from '../db/database.ts';
import { AppError, notFound } from '../errors.ts';
import {
  type Clock,
  checkBasedOn,
  curationWrite,
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
import { citedSources, historyIn, historyOf, withImportRecord } from './history.ts';

/** A claim's current version as held. */
interface HeldClaim {
  elementId: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

/** The current version of claim `id`, or 404 (there is none, or it was retracted). */
async function heldClaim(tx: Tx, id: string): Promise<HeldClaim> {
  const record = (await tx.run('claimById', { id })).records[0];
  if (!record) {
    // No current version: one ended by a retraction is 409 (it exists, and cannot be changed again),
    // not 404 as for an id never held.
    const last = (await historyIn(tx, id, 'relationship')).at(-1);
    if (last?.action === 'retracted') {
      throw new AppError(409, 'ALREADY_RETRACTED', `Claim "${id}" was retracted on ${last.at} by ${last.username}`);
    }
    throw notFound(`Claim "${id}"`);
  }
  return {
    elementId: record.get('elementId') as string,
    type: record.get('type') as string,
    source: record.get('source') as string,
    target: record.get('target') as string,
    props: record.get('props') as Record<string, unknown>,
  };
}

/** A claim as its history shows it: type and ends beside its properties. */
const asRecorded = (c: { type: string; source: string; target: string; props: Record<string, unknown> }) => ({
  type: c.type,
  source: c.source,
  target: c.target,
  ...shown(c.props),
});

/**
 * Checks `claim` (id `id`) with the import's rules and writes it as the current version, stamped `at`
 * by `username`. Returns what was written, for the history.
 */
async function writeVersion(tx: Tx, id: string, claim: ClaimInput, at: string, username: string) {
  const record = { ...claim, id };
  const plan = await planOne(tx, { sources: [], nodes: [], relationships: [record] }, 'relationships', 'claim');
  const { source, target, type, id: _id, ...rest } = record;
  const props = withoutAbsent({
    ...rest,
    ...plan.relationshipTimes[0],
    id,
    claimId: id,
    recordedAt: at,
    recordedBy: username,
  });
  await tx.run('claimCreateVersions', { rows: [{ start: source, end: target, type, props: withIntegers(props) }] });
  return { type, source, target, props };
}

/**
 * Ends `held`, the current version of claim `id`, at `at` by `username` for `endReason` (it gives up
 * `id`, keeps `claimId`: module comment). Answers the claim's id, which its next version takes.
 */
async function endVersion(tx: Tx, held: HeldClaim, id: string, at: string, username: string, endReason: string) {
  const claimId = typeof held.props.claimId === 'string' ? held.props.claimId : id;
  await tx.run('claimEndVersions', { rows: [{ elementId: held.elementId, claimId }], at, username, endReason });
  return claimId;
}

/** 400 at `claim.source`/`claim.target` for an end merged away: its claims belong to the node it was merged into. */
async function refuseEndedEnds(tx: Tx, claim: ClaimInput): Promise<void> {
  for (const field of ['source', 'target'] as const) {
    const record = (await tx.run('entityById', { id: claim[field] })).records[0];
    const props = record?.get('props') as Record<string, unknown> | undefined;
    if (typeof props?.supersededAt === 'string') {
      const into = typeof props.mergedInto === 'string' ? `merged into "${props.mergedInto}"` : 'ended';
      throw fieldError(`claim.${field}`, `"${claim[field]}" was ${into}: link what it became`);
    }
  }
}

/**
 * POST /api/relationships: adds `claim` (its id made from its ends and type when absent), recorded now.
 * Errors: 400 BAD_REQUEST for a claim the import would refuse (details at `claim.…`: unknown source or
 * node, ends its type cannot join, dates out of order); 409 ID_TAKEN for an id held by any fact, ended
 * ones too; 409 IMPORT_RUNNING during a batched import; the database's. (No source at all is refused
 * by the request's schema, contract/curation.ts claimInput, before this runs.)
 */
export async function addClaim(
  db: Database,
  actor: Actor,
  claim: ClaimInput,
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  return curationWrite(db, 'claim-add', actor, now, async (tx, at) => {
    await refuseEndedEnds(tx, claim);
    const id = await newId(tx, claim.id, `${claim.source}-${claim.type.toLowerCase()}-${claim.target}`);
    const written = await writeVersion(tx, id, claim, at, actor.username);
    return recordCreated(
      tx,
      actor,
      at,
      { subject: id, subjectKind: 'relationship', sources: claim.sources, after: asRecorded(written) },
      { action: 'claim.add', ids: [id], detail: `${claim.type} ${claim.source} → ${claim.target}` },
    );
  });
}

/** What a correction says: the claim as corrected, the version it was made from, and why. */
export interface Correction {
  claim: ClaimInput;
  basedOn: string;
  reason?: string | undefined;
}

/**
 * PATCH /api/relationships/:id: ends the current version of claim `id` and records `claim` as its next
 * one. Errors: 404 when there is no current claim `id`; 409 ALREADY_RETRACTED when it was retracted;
 * 400 NO_CHANGE when the correction leaves every value as it was; 409 EDIT_CONFLICT when `basedOn` is not the
 * current version (contract/curation.ts basedOnOf); 400 BAD_REQUEST when the correction changes the
 * claim's type or ends (a different claim: retract this one and add that) or its id, or the import
 * would refuse it; the errors of addClaim.
 */
export async function correctClaim(
  db: Database,
  actor: Actor,
  id: string,
  correction: Correction,
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  return curationWrite(db, 'claim-correct', actor, now, async (tx, at) => {
    const held = await heldClaim(tx, id);
    checkBasedOn(held.props, correction.basedOn, `Claim "${id}"`);
    const { claim } = correction;
    const fixed = (field: string, wanted: string, stored: string) => {
      if (wanted !== stored) {
        throw fieldError(
          `claim.${field}`,
          `a correction keeps the claim's ${field} (${stored}); retract it and add the other claim`,
        );
      }
    };
    if (claim.id !== undefined) fixed('id', claim.id, id);
    fixed('type', claim.type, held.type);
    fixed('source', claim.source, held.source);
    fixed('target', claim.target, held.target);
    const reason = correction.reason ?? null;
    const claimId = await endVersion(tx, held, id, at, actor.username, reason ? `corrected: ${reason}` : 'corrected');
    const written = await writeVersion(tx, claimId, claim, at, actor.username);
    refuseNoChange(asRecorded(held), asRecorded(written));
    return recordWrite(
      tx,
      actor,
      at,
      {
        action: 'corrected',
        subject: claimId,
        subjectKind: 'relationship',
        sources: claim.sources,
        reason,
        before: asRecorded(held),
        after: asRecorded(written),
      },
      { action: 'claim.correct', ids: [claimId], detail: reason ?? '' },
    );
  });
}

/**
 * POST /api/relationships/:id/retraction: ends claim `id` (nothing is deleted: it stays known on the
 * days before). Errors: 404 when there is no claim `id`; 409 ALREADY_RETRACTED ("retracted on … by …")
 * when its last version was ended by a retraction; 409
 * EDIT_CONFLICT for a stale `basedOn` (optional: without it, whatever version is current is retracted);
 * 409 IMPORT_RUNNING; the database's. Answers the claim's id and the instant it ended.
 */
export async function retractClaim(
  db: Database,
  actor: Actor,
  id: string,
  retraction: { reason: string; basedOn?: string | undefined },
  now: Clock = systemClock,
): Promise<{ id: string; recordedAt: string }> {
  return curationWrite(db, 'claim-retract', actor, now, async (tx, at) => {
    const held = await heldClaim(tx, id);
    checkBasedOn(held.props, retraction.basedOn, `Claim "${id}"`);
    const claimId = await endVersion(tx, held, id, at, actor.username, `retracted: ${retraction.reason}`);
    const sources = Array.isArray(held.props.sources) ? (held.props.sources as string[]) : [];
    return recordWrite(
      tx,
      actor,
      at,
      {
        action: 'retracted',
        subject: claimId,
        subjectKind: 'relationship',
        sources,
        reason: retraction.reason,
        before: asRecorded(held),
        after: null,
      },
      { action: 'claim.retract', ids: [claimId], detail: retraction.reason },
    );
  });
}

/**
 * GET /api/relationships/:id/history: every change to claim `id`, all its versions, oldest first.
 * A claim an import stamped (recordedAt) starts with a 'recorded' entry made from it; one imported
 * before the graph kept time has none ([]); 404 when no claim has ever had this id.
 */
export async function claimHistory(db: Database, id: string): Promise<FactChange[]> {
  const changes = await historyOf(db, id, 'relationship');
  const record = await db.read('claim-history', async (tx) => (await tx.run('claimById', { id })).records[0]);
  if (!record && changes.length === 0) throw notFound(`Claim "${id}"`);
  const current = record
    ? asRecorded({
        type: record.get('type') as string,
        source: record.get('source') as string,
        target: record.get('target') as string,
        props: record.get('props') as Record<string, unknown>,
      })
    : null;
  return withImportRecord(changes, current, citedSources);
}
