/**
 * The client's curation calls (issue 12): add and correct nodes, claims and sources, retract a claim,
 * list the held nodes a new one may duplicate, merge two nodes, link two as the same entity. Requests
 * and answers are contract/curation.ts's shapes; answers are parsed with its zod schemas, and every
 * failure is api.ts's ApiError (400 VALIDATION_ERROR with `details` [{path, message}], 403 for a viewer,
 * 404 for an unknown id, 409 EDIT_CONFLICT for an edit based on a replaced version, 409
 * POSSIBLE_DUPLICATES for a node added without `keepBoth` while it has possible duplicates).
 */
import { z } from 'zod';
import {
  type ClaimInput,
  type CurationResponse,
  curationResponse,
  type MatchRequest,
  type MergeResponse,
  matchResponse,
  mergeResponse,
  type Match,
  type NodeInput,
  type SourceInput,
} from '../../../contract/curation.ts';
import type { Credibility } from '../../../contract/grades.ts';
import { requestJson } from '../api.ts';

const enc = encodeURIComponent;
/** The same-as answer is not in the contract: anything JSON is taken (its id when it gives one). */
const sameAsAnswer = z.object({ id: z.string().optional() }).loose();

export interface EditOf<T> {
  record: T;
  /** The version the form was filled from (basedOnOf). */
  basedOn: string;
  reason?: string;
}

/** The `basedOn` of an edit made from what was read: contract/curation.ts's one rule. */
export { basedOnOf } from '../../../contract/curation.ts';

const reasonPart = (reason?: string) => (reason?.trim() ? { reason: reason.trim() } : {});

export const curationApi = {
  /** POST /api/sources: a new source; answers its id and recordedAt. */
  addSource(source: SourceInput): Promise<CurationResponse> {
    return requestJson('/api/sources', curationResponse, { payload: { source } });
  },

  /** PATCH /api/sources/:id: the source as corrected (a changed reliability is recorded as regraded). */
  editSource(id: string, edit: EditOf<SourceInput>): Promise<CurationResponse> {
    const payload = { source: edit.record, basedOn: edit.basedOn, ...reasonPart(edit.reason) };
    return requestJson(`/api/sources/${enc(id)}`, curationResponse, { payload, method: 'PATCH' });
  },

  /** POST /api/nodes; `keepBoth` once the analyst has seen its possible duplicates and keeps both. */
  addNode(node: NodeInput, keepBoth = false): Promise<CurationResponse> {
    return requestJson('/api/nodes', curationResponse, { payload: { node, keepBoth } });
  },

  /** PATCH /api/nodes/:id: the node as corrected (its label cannot change). */
  editNode(id: string, edit: EditOf<NodeInput>): Promise<CurationResponse> {
    const payload = { node: edit.record, basedOn: edit.basedOn, ...reasonPart(edit.reason) };
    return requestJson(`/api/nodes/${enc(id)}`, curationResponse, { payload, method: 'PATCH' });
  },

  /** POST /api/relationships: a new claim, citing at least one source. */
  addClaim(claim: ClaimInput): Promise<CurationResponse> {
    return requestJson('/api/relationships', curationResponse, { payload: { claim } });
  },

  /** PATCH /api/relationships/:id: a correction (the old version ends, kept in history; type and ends as held). */
  correctClaim(id: string, edit: EditOf<ClaimInput>): Promise<CurationResponse> {
    const payload = { claim: edit.record, basedOn: edit.basedOn, ...reasonPart(edit.reason) };
    return requestJson(`/api/relationships/${enc(id)}`, curationResponse, { payload, method: 'PATCH' });
  },

  /** POST /api/relationships/:id/retraction: ends the claim, with the reason (required). */
  retractClaim(id: string, reason: string, basedOn?: string): Promise<CurationResponse> {
    const payload = basedOn ? { reason, basedOn } : { reason };
    return requestJson(`/api/relationships/${enc(id)}/retraction`, curationResponse, { payload });
  },

  /** POST /api/nodes/matches: the held nodes a new node (its names and future neighbours) may duplicate. */
  async matches(request: Partial<MatchRequest> & Pick<MatchRequest, 'name'>): Promise<Match[]> {
    return (await requestJson('/api/nodes/matches', matchResponse, { payload: request })).matches;
  },

  /** POST /api/nodes/:id/merge: `duplicate` merged into :id (its names as aliases, its claims moved). */
  merge(id: string, duplicate: string, reason?: string): Promise<MergeResponse> {
    return requestJson(`/api/nodes/${enc(id)}/merge`, mergeResponse, {
      payload: { duplicate, ...reasonPart(reason) },
    });
  },

  /** POST /api/nodes/:id/same-as: a SAME_AS claim between two held nodes, citing `sources`. */
  sameAs(id: string, other: string, sources: string[], credibility?: Credibility): Promise<{ id?: string }> {
    const payload = credibility === undefined ? { other, sources } : { other, sources, credibility };
    return requestJson(`/api/nodes/${enc(id)}/same-as`, sameAsAnswer, { payload });
  },
};

export type CurationApi = typeof curationApi;
