/**
 * SAME_AS (issue 12): the analyst's claim that two held nodes are one entity, where merging them would
 * lose what each source says under which name. A claim like any other: cited (at least one source),
 * graded (credibility), stamped (recordedAt, recordedBy, claimId), in history and in the audit trail,
 * written in one write transaction under the import lock. Both nodes keep their claims.
 */
import type { z } from 'zod';
import type { CurationResponse, sameAsRequest } from '../../contract/curation.ts';
import { relationshipValidTime } from '../../contract/validTime.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { AppError, notFound } from '../errors.ts';
import { type Clock, curationWrite, recordCreated, systemClock } from './curationWrite.ts';
import { storedLifetime } from './importValidTime.ts';

export type SameAsInput = z.infer<typeof sameAsRequest> & { node: string };

/** The id of the SAME_AS claim between `a` and `b` (a slug, as every claim id). */
export const sameAsId = (a: string, b: string) => `${a}-same-as-${b}`.slice(0, 120).replace(/-+$/, '');

/**
 * Records `input.node` SAME_AS `input.other`, citing `input.sources`, for `actor` at `now()`.
 * Returns the claim's id and recordedAt. Errors: 400 SAME_AS_INVALID for a node linked to itself,
 * nodes of different labels or a source; 400 UNKNOWN_SOURCE for a citation that is not a held source;
 * 404 NOT_FOUND for a node that is not current; 409 SAME_AS_EXISTS when the two are already linked;
 * 409 IMPORT_RUNNING while a batched import holds the lease; the database's.
 */
export async function recordSameAs(
  db: Database,
  actor: Actor,
  input: SameAsInput,
  now: Clock = systemClock,
): Promise<CurationResponse> {
  const { node, other } = input;
  if (node === other) throw new AppError(400, 'SAME_AS_INVALID', `"${node}" cannot be the same as itself`);
  return curationWrite(db, 'same-as', actor, now, async (tx, at) => {
    const ids = [node, other, ...input.sources];
    const held = new Map(
      (await tx.run('labelsOfIds', { ids })).records.map((r) => [r.get('id') as string, r.toObject()]),
    );
    const current = (await tx.run('mergeRead', { keep: node, duplicate: other })).records.map((r) => r.get('id'));
    for (const id of [node, other]) if (!current.includes(id)) throw notFound(`Node "${id}"`);
    const labelOf = (id: string) => modelLabel(held.get(id)!.labels as string[]);
    const [a, b] = [labelOf(node), labelOf(other)];
    if (a === 'Source' || b === 'Source' || a !== b) {
      throw new AppError(400, 'SAME_AS_INVALID', `SAME_AS joins two nodes of one label, not a ${a} and a ${b}`);
    }
    for (const s of input.sources) {
      if (!held.has(s) || labelOf(s) !== 'Source') {
        throw new AppError(400, 'UNKNOWN_SOURCE', `sources: "${s}" is not a held source`);
      }
    }
    if ((await tx.run('sameAsExisting', { a: node, b: other })).records.length > 0) {
      throw new AppError(409, 'SAME_AS_EXISTS', `"${node}" and "${other}" are already linked as the same entity`);
    }
    const lifetime = (id: string) => storedLifetime(held.get(id)!.labels as string[], held.get(id)!.time as never);
    const id = sameAsId(node, other);
    const props = {
      id,
      claimId: id,
      sources: input.sources,
      ...(input.credibility === undefined ? {} : { credibility: input.credibility }),
      ...relationshipValidTime({}, lifetime(node), lifetime(other)),
      recordedAt: at,
      recordedBy: actor.username,
    };
    await tx.run('claimCreateVersions', { rows: [{ start: node, end: other, type: 'SAME_AS', props }] });
    return recordCreated(
      tx,
      actor,
      at,
      {
        subject: id,
        subjectKind: 'relationship',
        sources: input.sources,
        after: { ...props, type: 'SAME_AS', source: node, target: other },
      },
      {
        action: 'node.sameAs',
        ids: [id, node, other],
        detail: `"${node}" SAME_AS "${other}", citing ${input.sources.join(', ')}`,
      },
    );
  });
}
