/**
 * The investigation calls of the client's server module (api.ts does the HTTP; this module only names
 * the routes of server/routes/investigations.ts and parses every answer with contract/investigation.ts).
 * Failures are api.ts's ApiErrors; a save or restore refused because someone saved meanwhile is a
 * VersionConflictError, which carries the current version so the UI can offer to reload or compare.
 * A 401 (the session ended) is api.ts's UnauthenticatedError, which the page answers with the sign-in
 * screen; 403 (a read-only share, a viewer) and 404 (not shared with you) carry the server's words.
 */
import {
  type Investigation,
  type InvestigationDocumentInput,
  type InvestigationFile,
  type InvestigationSummary,
  investigation,
  investigationFile,
  investigationList,
  investigationSummary,
  type Revision,
  type RevisionSummary,
  revision,
  revisionList,
  type SaveInvestigationRequest,
  type SnapshotChanges,
  snapshotChanges,
} from '../../contract/investigation.ts';
import { z } from 'zod';
import type { Share } from '../../contract/auth.ts';
import { ApiError, requestJson } from './api.ts';

/**
 * 409 VERSION_CONFLICT: the investigation was saved (or restored) by someone else since `sentVersion`;
 * nothing was written. `currentVersion` is the version now stored (null when it could not be read), and
 * `current` that investigation in full when it could be fetched.
 */
export class VersionConflictError extends ApiError {
  constructor(
    message: string,
    readonly sentVersion: number | undefined,
    readonly currentVersion: number | null,
    readonly current: Investigation | null,
  ) {
    super(409, 'VERSION_CONFLICT', message);
    this.name = 'VersionConflictError';
  }
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/investigations/${enc(id)}`;

/** A 409 VERSION_CONFLICT as a VersionConflictError with the current version (fetched; else read from the message). */
async function conflictOf(error: unknown, id: string, sent: number | undefined): Promise<unknown> {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return error;
  const current = await investigationsApi.get(id).catch(() => null);
  const named = /current version is (\d+)/.exec(error.message);
  const version = current?.version ?? (named ? Number(named[1]) : null);
  return new VersionConflictError(error.message, sent, version, current);
}

export const investigationsApi = {
  /** The investigations in use (or the bin, `deleted`), optionally those whose title or description has `q`. */
  async list(options: { q?: string; deleted?: boolean } = {}, signal?: AbortSignal): Promise<InvestigationSummary[]> {
    const query = new URLSearchParams();
    if (options.q) query.set('q', options.q);
    if (options.deleted) query.set('deleted', 'true');
    const text = query.toString();
    const body = await requestJson(`/api/investigations${text ? `?${text}` : ''}`, investigationList, { signal });
    return body.investigations;
  },

  /** The current revision in full; ApiError 404 INVESTIGATION_NOT_FOUND when there is none or it is in the bin. */
  get(id: string, signal?: AbortSignal): Promise<Investigation> {
    return requestJson(base(id), investigation, { signal });
  },

  /** A new investigation (version 1); `view` and `snapshot` may be left out for an empty one. */
  create(document: Partial<InvestigationDocumentInput> & { title: string }): Promise<Investigation> {
    return requestJson('/api/investigations', investigation, { payload: document, method: 'POST' });
  },

  /**
   * Saves the whole document over `request.version`, the version it started from, and answers the new
   * revision. Throws VersionConflictError when someone saved meanwhile (nothing was written).
   */
  async save(id: string, request: SaveInvestigationRequest): Promise<Investigation> {
    try {
      return await requestJson(base(id), investigation, { payload: request, method: 'PUT' });
    } catch (error) {
      throw await conflictOf(error, id, request.version);
    }
  },

  /** Puts it in the bin (undeletable for 30 days); answers its summary with `deletedAt`. */
  remove(id: string): Promise<InvestigationSummary> {
    return requestJson(base(id), investigationSummary, { method: 'DELETE' });
  },

  /** Takes it out of the bin, as it was. */
  undelete(id: string): Promise<InvestigationSummary> {
    return requestJson(`${base(id)}/undelete`, investigationSummary, { method: 'POST' });
  },

  /** Every revision, newest first. */
  async revisions(id: string, signal?: AbortSignal): Promise<RevisionSummary[]> {
    return (await requestJson(`${base(id)}/revisions`, revisionList, { signal })).revisions;
  },

  /** Revision `n` in full, read-only; ApiError 404 REVISION_NOT_FOUND when there is none. */
  revision(id: string, n: number, signal?: AbortSignal): Promise<Revision> {
    return requestJson(`${base(id)}/revisions/${n}`, revision, { signal });
  },

  /**
   * Restores revision `n` as a new revision and answers the investigation. With `version` (the one the
   * client shows), a stale one throws VersionConflictError and nothing is written.
   */
  async restore(id: string, n: number, version?: number): Promise<Investigation> {
    try {
      const payload = version === undefined ? {} : { version };
      return await requestJson(`${base(id)}/restore/${n}`, investigation, { payload, method: 'POST' });
    } catch (error) {
      throw await conflictOf(error, id, version);
    }
  },

  /** The investigation as a file (to download), checked against the file format. */
  exportFile(id: string): Promise<InvestigationFile> {
    return requestJson(`${base(id)}/export`, investigationFile);
  },

  /** A new investigation from a file's parsed JSON; ApiError 400 naming the field when it is broken. */
  importFile(file: unknown): Promise<Investigation> {
    return requestJson('/api/investigations/import', investigation, { payload: file, method: 'POST' });
  },

  /**
   * Replaces its shares (its owner only): each a username or `*` (everyone signed in) with `read` or
   * `edit`. Answers the summary read again, with the shares as stored. ApiError 400 names an unknown user.
   */
  async share(id: string, shares: Share[]): Promise<InvestigationSummary> {
    await requestJson(`${base(id)}/shares`, z.unknown(), { payload: { shares }, method: 'PUT' });
    return investigationsApi.get(id);
  },

  /** What changed in the database since the snapshot: removed, edited (field by field), added links. */
  changes(id: string, signal?: AbortSignal): Promise<SnapshotChanges> {
    return requestJson(`${base(id)}/changes`, snapshotChanges, { signal });
  },
};

export type InvestigationsApi = typeof investigationsApi;
