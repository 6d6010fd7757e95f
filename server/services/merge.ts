/**
 * Merging a duplicate node into the node kept (issue 12), in ONE write transaction under the import
 * lock, so it never interleaves with an import or another curation write:
 *   - every name and alias of the duplicate becomes an alias of the kept node, and the duplicate's
 *     citations join the kept node's `sources` (the kept node is edited in place: its history holds
 *     the values before);
 *   - every current claim of the duplicate moves to the kept node as a correction: the old version
 *     ends (REMOVE id, claimId kept, supersededAt/supersededBy, endReason "merged into X") and a copy
 *     with the same id, claimId, type and properties, freshly stamped, joins the kept node; a claim
 *     between the two nodes themselves is retracted instead of becoming a self-loop;
 *   - the duplicate ends (supersededAt, mergedInto) and stays, so "as known on" an earlier day still
 *     shows it and its claims where they were.
 * History (history.ts recordChange) for both nodes and each claim, and an audit entry, in the same
 * transaction.
 */
import type { MergeResponse } from '../../contract/curation.ts';
import { relationshipValidTime } from '../../contract/validTime.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Tx } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { recordChange } from './history.ts';
import { checkLease } from './importJobs.ts';
import { type LifetimeProperties, storedLifetime } from './importValidTime.ts';
import { searchKeys } from './nameFolding.ts';

/** Properties a claim version carries about its own life, never copied onto the next version. */
const VERSION_PROPERTIES = ['supersededAt', 'supersededBy', 'endReason', 'recordedAt', 'recordedBy'];

export interface MergeInput {
  /** The node kept. */
  keep: string;
  /** The node merged into it. */
  duplicate: string;
  reason?: string | undefined;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `a` then every entry of `b` not in it, and none equal to `except`. */
function union(a: readonly string[], b: readonly string[], except?: string): string[] {
  const out = [...new Set(a)];
  for (const x of b) if (!out.includes(x) && x !== except) out.push(x);
  return out.filter((x) => x !== except);
}

/**
 * Merges `input.duplicate` into `input.keep` as the module comment says, for `actor`, stamped with
 * `now()`. Returns the kept id, how many claims moved (retracted ones not counted) and how many
 * aliases it gained. Errors: 400 MERGE_INVALID for a node merged into itself, for two nodes of
 * different labels, or for a source; 404 NOT_FOUND when either is not a current node; 409
 * IMPORT_RUNNING (importJobs.ts) while a batched import holds the lease; the database's.
 */
export async function mergeNodes(
  db: Database,
  actor: Actor,
  input: MergeInput,
  now: () => Date = () => new Date(),
): Promise<MergeResponse> {
  if (input.keep === input.duplicate) {
    throw new AppError(400, 'MERGE_INVALID', `"${input.keep}" cannot be merged into itself`);
  }
  return db.write('merge-nodes', async (tx) => {
    await tx.run('importLock');
    await checkLease(tx);
    const at = now().toISOString();
    const result = await mergeIn(tx, actor, input, at);
    await tx.run('importUnlock');
    return result;
  });
}

async function mergeIn(tx: Tx, actor: Actor, input: MergeInput, at: string): Promise<MergeResponse> {
  const { keep, duplicate } = input;
  const nodes = new Map(
    (await tx.run('mergeRead', { keep, duplicate })).records.map((r) => [
      r.get('id') as string,
      { label: modelLabel(r.get('labels') as string[]), props: r.get('props') as Record<string, unknown> },
    ]),
  );
  const kept = nodes.get(keep);
  const dup = nodes.get(duplicate);
  if (!kept) throw notFound(`Node "${keep}"`);
  if (!dup) throw notFound(`Node "${duplicate}"`);
  if (kept.label === 'Source' || dup.label === 'Source') {
    throw new AppError(400, 'MERGE_INVALID', 'Sources are not merged: merge nodes of the graph');
  }
  if (kept.label !== dup.label) {
    throw new AppError(
      400,
      'MERGE_INVALID',
      `"${duplicate}" is a ${dup.label} and "${keep}" a ${kept.label}: only nodes of one label merge`,
    );
  }
  const username = actor.username;
  const endReason = `merged into ${keep}`;
  const reason = input.reason ?? null;
  const keptName = String(kept.props.name);
  const keptAliases = stringList(kept.props.aliases);
  const dupNames = [String(dup.props.name), ...stringList(dup.props.aliases)];
  const aliases = union(keptAliases, dupNames, keptName);
  const sources = union(stringList(kept.props.sources), stringList(dup.props.sources));
  const dupSources = stringList(dup.props.sources);

  // Claims first: ending a version frees its id before the copy on the kept node takes it.
  const claims = (await tx.run('mergeClaimsOf', { duplicate })).records.map((r) => ({
    elementId: r.get('elementId') as string,
    type: r.get('type') as string,
    outgoing: r.get('outgoing') as boolean,
    other: r.get('other') as string,
    props: r.get('props') as Record<string, unknown>,
  }));
  const claimIdOf = (c: (typeof claims)[number]) => String(c.props.id ?? c.props.claimId);
  await tx.run('claimEndVersions', {
    rows: claims.map((c) => ({ elementId: c.elementId, claimId: claimIdOf(c) })),
    at,
    username,
    endReason,
  });
  const moved = claims.filter((c) => c.other !== keep && c.other !== duplicate);
  // A moved claim's valid time is bounded by its ends' lifetimes, now the kept node's (contract/validTime.ts).
  const lifetimes = new Map(
    (await tx.run('labelsOfIds', { ids: [keep, ...moved.map((c) => c.other)] })).records.map((r) => [
      r.get('id') as string,
      storedLifetime(r.get('labels') as string[], r.get('time') as LifetimeProperties),
    ]),
  );
  const timeOf = (c: (typeof claims)[number]) => {
    const stated = { from: c.props.from as string | undefined, to: c.props.to as string | undefined };
    const [k, o] = [lifetimes.get(keep)!, lifetimes.get(c.other)!];
    return c.outgoing ? relationshipValidTime(stated, k, o) : relationshipValidTime(stated, o, k);
  };
  await tx.run('claimCreateVersions', {
    rows: moved.map((c) => {
      const props = Object.fromEntries(Object.entries(c.props).filter(([k]) => !VERSION_PROPERTIES.includes(k)));
      const claimId = claimIdOf(c);
      return {
        start: c.outgoing ? keep : c.other,
        end: c.outgoing ? c.other : keep,
        type: c.type,
        props: { ...props, ...timeOf(c), id: claimId, claimId, recordedAt: at, recordedBy: username },
      };
    }),
  });
  await tx.run('mergeNodesWrite', {
    keep,
    duplicate,
    aliases,
    sources,
    searchKeys: searchKeys([keptName, ...aliases]),
    at,
    username,
    endReason,
  });

  for (const c of claims) {
    const ends = (start: string, end: string) => ({ type: c.type, source: start, target: end });
    const before = { ...c.props, ...ends(c.outgoing ? duplicate : c.other, c.outgoing ? c.other : duplicate) };
    const isMoved = moved.includes(c);
    await recordChange(tx, {
      at,
      username,
      action: isMoved ? 'corrected' : 'retracted',
      subject: claimIdOf(c),
      subjectKind: 'relationship',
      sources: stringList(c.props.sources),
      reason: isMoved
        ? `moved to "${keep}": "${duplicate}" was merged into it${reason ? ` (${reason})` : ''}`
        : `between "${duplicate}" and "${keep}", merged into one node${reason ? ` (${reason})` : ''}`,
      before,
      after: isMoved
        ? { ...before, ...ends(c.outgoing ? keep : c.other, c.outgoing ? c.other : keep), recordedAt: at }
        : null,
    });
  }
  await recordChange(tx, {
    at,
    username,
    action: 'merged',
    subject: keep,
    subjectKind: 'node',
    sources: dupSources,
    reason: `"${duplicate}" merged into it${reason ? `: ${reason}` : ''}`,
    before: { aliases: keptAliases, sources: stringList(kept.props.sources) },
    after: { aliases, sources, mergedFrom: duplicate },
  });
  const { searchKeys: _keys, ...dupShown } = dup.props;
  await recordChange(tx, {
    at,
    username,
    action: 'merged',
    subject: duplicate,
    subjectKind: 'node',
    sources: dupSources,
    reason: `merged into "${keep}"${reason ? `: ${reason}` : ''}`,
    before: dupShown,
    after: { ...dupShown, mergedInto: keep, supersededAt: at },
  });
  await recordAudit(tx, actor, {
    action: 'node.merge',
    ids: [keep, duplicate, ...claims.map(claimIdOf)].slice(0, 1000),
    detail: `"${duplicate}" merged into "${keep}": ${moved.length} claims moved, ${claims.length - moved.length} retracted, ${aliases.length - keptAliases.length} aliases added`,
  });
  return { id: keep, movedClaims: moved.length, aliasesAdded: aliases.length - keptAliases.length };
}
