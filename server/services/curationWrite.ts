/**
 * What every curation write shares (issue 12; common12.md): it takes the import lock first, so no import,
 * rollback or other curation write interleaves with it (in any API process); it refuses while a batched
 * import holds its lease; it checks the version the analyst edited (`basedOn`) against the current one
 * under that lock; its record is checked by the import's own rules (importChecks.ts planImport), so a
 * form and a file are refused for the same reasons; and its history entry and audit entry are written
 * in its transaction.
 */
import { basedOnOf } from '../../contract/curation.ts';
import type { ImportFile, ImportProblem } from '../../contract/importFile.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Tx } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { type AuditRecord, recordAudit } from './audit.ts';
import { type ChangeRecord, recordChange } from './history.ts';
import { type ImportPlan, planImport } from './importChecks.ts';
import { checkLease } from './importJobs.ts';

/** The clock of a write: tests pass their own to order changes in time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * Runs `work` in one write transaction for `actor`, under the import lock, with the instant of the
 * change (`at`, ISO with milliseconds, from `now`). Errors: 409 IMPORT_RUNNING while a batched import
 * holds the lease (importJobs.ts), whatever `work` throws (nothing is written then), the database's.
 */
export function curationWrite<T>(
  db: Database,
  purpose: string,
  actor: Actor,
  now: Clock,
  work: (tx: Tx, at: string) => Promise<T>,
): Promise<T> {
  return db.write(
    purpose,
    async (tx) => {
      await tx.run('importLock');
      await checkLease(tx);
      const result = await work(tx, now().toISOString());
      await tx.run('importUnlock');
      return result;
    },
    { user: actor.username },
  );
}

/**
 * What every curation write ends with: its history entry (history.ts) and its audit entry, both in its
 * transaction, stamped `at` by `actor`. Answers what the write's route returns: the change's subject as
 * `id` and `at` as `recordedAt`.
 */
export async function recordWrite(
  tx: Tx,
  actor: Actor,
  at: string,
  change: Omit<ChangeRecord, 'at' | 'username'>,
  audit: AuditRecord,
): Promise<{ id: string; recordedAt: string }> {
  await recordChange(tx, { at, username: actor.username, ...change });
  await recordAudit(tx, actor, audit);
  return { id: change.subject, recordedAt: at };
}

/**
 * `recordWrite` for a fact that did not exist before: a 'recorded' change with no reason and no
 * `before`, its `after` the values first recorded, citing `sources` (a source cites itself).
 */
export function recordCreated(
  tx: Tx,
  actor: Actor,
  at: string,
  created: Pick<ChangeRecord, 'subject' | 'subjectKind' | 'sources' | 'after'>,
  audit: AuditRecord,
): Promise<{ id: string; recordedAt: string }> {
  return recordWrite(tx, actor, at, { action: 'recorded', reason: null, before: null, ...created }, audit);
}

/** 400 BAD_REQUEST about the form's field `path` (`claim.source`, `node.label`…), named in its details. */
export function fieldError(path: string, message: string): AppError {
  return new AppError(400, 'BAD_REQUEST', `${path}: ${message}`, { details: [{ path, message }] });
}

/**
 * The properties a node or source keeps through an edit in place: the new record `props`, then the
 * held version's `stamps` (when and by whom it was first recorded…), then who changed it and when
 * (`changedAt` names the version the next edit must be based on, contract/curation.ts basedOnOf).
 */
export function editedInPlace(
  held: Record<string, unknown>,
  props: Record<string, unknown>,
  stamps: readonly string[],
  at: string,
  username: string,
): Record<string, unknown> {
  const kept = Object.fromEntries(stamps.filter((k) => k in held).map((k) => [k, held[k]]));
  return { ...props, ...kept, changedAt: at, changedBy: username };
}

/**
 * 409 EDIT_CONFLICT unless `basedOn` names the version held now (contract/curation.ts basedOnOf): the
 * analyst edited a version another has since replaced, and the edit would silently undo theirs.
 */
export function checkBasedOn(props: Record<string, unknown>, basedOn: string | undefined, what: string): void {
  if (basedOn === undefined) return;
  const held = basedOnOf(props);
  if (held !== basedOn) {
    throw new AppError(
      409,
      'EDIT_CONFLICT',
      `${what} was changed (version ${held}) after the version you edited (${basedOn}); reload it and edit again`,
    );
  }
}

/**
 * The import's checks (importChecks.ts) of one record, which stands at `fileKey`[0] of a one-record
 * file, with the problems' paths given as the form's (`relationships[0].sources[0]` ->
 * `claim.sources[0]`). 400 BAD_REQUEST for a record with problems (unknown sources or ends, ends the
 * type cannot join, dates out of order), 409 ID_CONFLICT for one that conflicts with what is held.
 */
export async function planOne(
  tx: Tx,
  file: ImportFile,
  fileKey: keyof ImportFile,
  formKey: string,
): Promise<ImportPlan> {
  try {
    return await planImport(tx, file);
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    const details = error.details.map((d: ImportProblem) => ({
      path: d.path.replace(new RegExp(`^${fileKey}\\[0\\]`), formKey),
      message: d.message,
    }));
    const first = details[0];
    const message = first ? `${first.path}: ${first.message}` : error.message;
    if (error.status === 400) throw new AppError(400, 'BAD_REQUEST', `Nothing written: ${message}`, { details });
    throw new AppError(409, 'ID_CONFLICT', `Nothing written: ${message}`, { details });
  }
}

/** A slug of `text`: lower-case ASCII letters and digits joined by single hyphens ("Jaysh al-Naṣr" -> "jaysh-al-nasr"). */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'fact';
}

/**
 * `wanted` when given (it must be free: 409 ID_TAKEN otherwise), else a slug of `base`, with "-2",
 * "-3"… when taken. Taken means held by a node, a source or any version of a claim, ended ones too
 * (cypher/claimIdTaken.cypher), so a new fact never joins another's history.
 */
export async function newId(tx: Tx, wanted: string | undefined, base: string): Promise<string> {
  const taken = async (id: string) => (await tx.run('claimIdTaken', { id })).records[0]?.get('taken') === true;
  if (wanted !== undefined) {
    if (await taken(wanted)) throw new AppError(409, 'ID_TAKEN', `The id "${wanted}" is already taken`);
    return wanted;
  }
  const slug = slugOf(base);
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? slug : `${slug}-${n}`;
    if (!(await taken(id))) return id;
  }
  throw new AppError(409, 'ID_TAKEN', `No free id near "${slug}"`);
}

/** Neo4j stores no nulls, so absent optional fields are left out rather than written as null. */
export function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}

/** A stored record as a history shows it: without the database's own fields (search keys). */
export function shown(props: Record<string, unknown>): Record<string, unknown> {
  const { searchKeys: _keys, ...rest } = props;
  return rest;
}

/** Stamps and derived keys a correction does not choose: left out when asking whether it changed anything. */
const NOT_CHOSEN = new Set([
  'id',
  'claimId',
  'recordedAt',
  'recordedBy',
  'supersededAt',
  'supersededBy',
  'endReason',
  'changedAt',
  'changedBy',
  'searchKeys',
]);

/** A fact's values as a correction sets them, keys sorted, as JSON: two that compare equal say the same. */
function chosenValues(values: Record<string, unknown>): string {
  const json = toJson(values) as Record<string, unknown>;
  const kept = Object.keys(json)
    .filter((k) => !NOT_CHOSEN.has(k) && json[k] !== null && json[k] !== undefined)
    .sort()
    .map((k) => [k, json[k]]);
  return JSON.stringify(kept);
}

/**
 * 400 NO_CHANGE when an edit or correction (of a claim, node or source) leaves every value as it was
 * (only a reason given): it would be a new version and a history entry saying nothing. Thrown inside the
 * write's transaction, so whatever it had begun is rolled back and nothing is written.
 */
export function refuseNoChange(before: Record<string, unknown>, after: Record<string, unknown>): void {
  if (chosenValues(before) === chosenValues(after)) {
    throw new AppError(400, 'NO_CHANGE', 'the correction changes nothing');
  }
}
