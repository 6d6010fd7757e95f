/**
 * Curation on the wire (issue 12): adding, correcting and retracting facts through the UI, grading
 * sources and claims, matching what is held before anything is written, merging duplicates, and each
 * fact's history. Field rules reuse the import file's schemas (contract/importFile.ts), so a form and a
 * file are checked by one rule: dates partial, figures with bounds and qualifiers, kinds from the model,
 * at least one cited source for every node and claim.
 *
 * Concurrency: every edit names the version it was made from (`basedOn`: basedOnOf of what the
 * client read); an edit based on a version another analyst has since replaced gets 409 EDIT_CONFLICT and
 * writes nothing.
 */
import { z } from 'zod';
import { credibility, reliability } from './grades.ts';
import {
  eventRecord,
  factionRecord,
  personRecord,
  placeRecord,
  relationshipRecord,
  slug,
  sourceRecord,
} from './importFile.ts';
import { knownOn } from './knownTime.ts';
import { GRAPH_LABELS, NODE_LABELS } from './model.ts';

const reason = z.string().trim().min(1, 'say why').max(2000);
const basedOn = z.string().min(1).max(40);

/**
 * The `basedOn` an edit names for the fact it was made from: the fact's `changedAt` (a node or source
 * edited in place through curation), else its `recordedAt` (a claim's version, or a fact never edited),
 * else "imported" (a fact imported before the graph recorded when). 409 EDIT_CONFLICT when it is not
 * the current one's. A curation write answers the next one (`curationResponse.recordedAt`).
 */
export function basedOnOf(props: Record<string, unknown>): string {
  const version = props.changedAt ?? props.recordedAt;
  return typeof version === 'string' ? version : 'imported';
}

/** A source as a form adds it: the import file's source, id optional (made from the name), graded. */
export const sourceInput = sourceRecord.extend({ id: slug.optional() });
export type SourceInput = z.infer<typeof sourceInput>;

/** A node as a form adds it: the import file's node of its label, id optional (made from the name). */
export const nodeInput = z.discriminatedUnion('label', [
  factionRecord.extend({ id: slug.optional() }),
  personRecord.extend({ id: slug.optional() }),
  eventRecord.extend({ id: slug.optional() }),
  placeRecord.extend({ id: slug.optional() }),
]);
export type NodeInput = z.infer<typeof nodeInput>;

/**
 * A claim as a form adds it: the import file's relationship, id optional, with the analyst's
 * credibility grade. `sources` must name at least one source (400 otherwise).
 */
export const claimInput = relationshipRecord.extend({ id: slug.optional() });
export type ClaimInput = z.infer<typeof claimInput>;

/**
 * POST /api/nodes. `keepBoth`: the analyst saw the possible duplicates (POST /api/nodes/matches) and
 * adds the node anyway; without it, a node with possible duplicates is refused with 409
 * POSSIBLE_DUPLICATES, whose `details` list them.
 */
export const addNodeRequest = z.strictObject({ node: nodeInput, keepBoth: z.boolean().default(false) });
export const addClaimRequest = z.strictObject({ claim: claimInput });
export const addSourceRequest = z.strictObject({ source: sourceInput });

/**
 * PATCH /api/nodes/:id, /api/relationships/:id, /api/sources/:id: the whole new record (what the form
 * holds, id and label/type/ends as stored), the version it was based on, and why. For a claim the
 * correction ends the old version and records the new one; for a node or source the record changes and
 * the old values stay in its history. `sources` on a node or claim are its citations as corrected.
 */
export const editNodeRequest = z.strictObject({ node: nodeInput, basedOn, reason: reason.optional() });
export const editClaimRequest = z.strictObject({ claim: claimInput, basedOn, reason: reason.optional() });
export const editSourceRequest = z.strictObject({ source: sourceInput, basedOn, reason: reason.optional() });

/** POST /api/relationships/:id/retraction: ends the claim, keeps it in history. */
export const retractClaimRequest = z.strictObject({ reason, basedOn: basedOn.optional() });

/**
 * What a write answers: the fact's id and the `recordedAt` of the version it wrote (for a node or source
 * edited in place, the instant of the edit, its `changedAt`): the next `basedOn` (basedOnOf).
 */
export const curationResponse = z.object({ id: z.string(), recordedAt: z.string() });
export type CurationResponse = z.infer<typeof curationResponse>;

/** POST /api/nodes/matches: the node about to be added (or any name), and the ids it will be linked to. */
export const matchRequest = z.strictObject({
  label: z.enum(GRAPH_LABELS).optional(),
  name: z.string().trim().min(1).max(500),
  aliases: z.array(z.string().trim().min(1).max(500)).max(200).default([]),
  /** Ids of held nodes the new node will be linked to: shared neighbours raise a match's score. */
  neighbours: z.array(z.string().min(1).max(200)).max(1000).default([]),
  limit: z.int().min(1).max(50).default(10),
});
export type MatchRequest = z.infer<typeof matchRequest>;

/** A held node the incoming one may duplicate; `score` in [0, 1]; `reasons` in words ("alias "Army of Victory" = name"). */
export const match = z.object({
  existing: z.object({
    id: z.string(),
    label: z.enum(NODE_LABELS),
    name: z.string(),
    aliases: z.array(z.string()),
  }),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type Match = z.infer<typeof match>;
export const matchResponse = z.object({ matches: z.array(match) });
export type MatchResponse = z.infer<typeof matchResponse>;

/** One entry of an import dry run's `possibleDuplicates`: the file's node id, a held node, why. */
export const possibleDuplicate = z.object({
  incoming: z.string(),
  existing: z.string(),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type PossibleDuplicate = z.infer<typeof possibleDuplicate>;

/** POST /api/import's query: `dryRun=true` checks and counts, writing nothing. */
export const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });

/**
 * POST /api/import?dryRun=true: what the import would change, item by item counts, and the held nodes
 * its new nodes may duplicate. Nothing is written.
 */
export const dryRunResponse = z.object({
  dryRun: z.literal(true),
  changes: z.object({
    sourcesCreated: z.number(),
    sourcesUpdated: z.number(),
    nodesCreated: z.number(),
    nodesUpdated: z.number(),
    relationshipsCreated: z.number(),
    relationshipsUpdated: z.number(),
  }),
  possibleDuplicates: z.array(possibleDuplicate),
  /** true when more than the first 1,000 possible duplicates were found. */
  possibleDuplicatesTruncated: z.boolean(),
});
export type DryRunResponse = z.infer<typeof dryRunResponse>;

/**
 * POST /api/nodes/:id/merge: merges `duplicate` into node :id. Every name of the duplicate becomes an
 * alias of the kept node, every claim of the duplicate moves to the kept node with its sources (a
 * correction of each, so history says where it came from), its citations join the kept node's, and the
 * duplicate ends (recorded as merged, kept in history).
 */
export const mergeRequest = z.strictObject({ duplicate: z.string().min(1).max(200), reason: reason.optional() });
export const mergeResponse = z.object({ id: z.string(), movedClaims: z.number(), aliasesAdded: z.number() });
export type MergeResponse = z.infer<typeof mergeResponse>;

/** POST /api/nodes/:id/same-as: a SAME_AS claim between two held nodes, cited like any claim. */
export const sameAsRequest = z.strictObject({
  other: z.string().min(1).max(200),
  sources: z.array(slug).min(1, 'must cite at least one source').max(1000),
  credibility: credibility.optional(),
});

/** What each change in a history did. */
export const CHANGE_ACTIONS = ['recorded', 'corrected', 'retracted', 'edited', 'merged', 'regraded'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * One change to a fact: who, when, what, citing which sources, why, and the values before and after
 * (null before a first record and after a retraction).
 */
export const factChange = z.object({
  at: z.string(),
  username: z.string(),
  action: z.enum(CHANGE_ACTIONS),
  sources: z.array(z.string()),
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type FactChange = z.infer<typeof factChange>;

/** GET /api/nodes/:id/history, /api/relationships/:id/history, /api/sources/:id/history: oldest first. */
export const historyResponse = z.object({ id: z.string(), changes: z.array(factChange) });
export type HistoryResponse = z.infer<typeof historyResponse>;

/** POST /api/sources/grades: the reliability of each of `ids` (F when none was stated), now or as known on a day or just before an instant. */
export const sourceGradesRequest = z.strictObject({
  ids: z.array(z.string().min(1).max(200)).max(20_000),
  knownOn: knownOn.optional(),
});
export const sourceGradesResponse = z.object({ grades: z.record(z.string(), reliability) });
export type SourceGradesResponse = z.infer<typeof sourceGradesResponse>;
