/**
 * The client's calls about data imports (issue 11): upload an import file (contract/importFile.ts) to
 * POST /api/import, and follow, list, resume and roll back the import jobs of server/routes/importJobs.ts.
 * Answers are parsed with contract/api.ts `importResponse` and contract/importJob.ts `importJob`, so a
 * server that drifts fails here, loudly. Failures are api.ts's ApiErrors (a 401 an UnauthenticatedError,
 * a 429 or 503 with `retryAfter` in seconds); a refused file is an ImportRefusedError with its problems.
 */
import { z } from 'zod';
import { errorBody, type ImportResponse, importResponse } from '../../../contract/api.ts';
import { type DryRunResponse, dryRunResponse } from '../../../contract/curation.ts';
import { type ImportJob, importJob } from '../../../contract/importJob.ts';
import { ApiError, requestJson, UnauthenticatedError } from '../api.ts';
import { noticed } from '../apiErrors.ts';

/** What an upload came to: written at once (a small file, one transaction), or a job to poll (a large one). */
export type UploadOutcome = { kind: 'written'; summary: ImportResponse } | { kind: 'job'; job: ImportJob };

/** One problem of a refused file: where in the file (`relationships[3].target`) and what is wrong. */
export interface ImportProblem {
  path: string;
  message: string;
}

/**
 * 400 INVALID_IMPORT (the file is wrong in itself) or 409 IMPORT_CONFLICT (it disagrees with what the
 * database holds): nothing was written. `problems` are the first ones the server names (100 at most),
 * `truncated` says it found more.
 */
export class ImportRefusedError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: ImportProblem[],
    readonly truncated: boolean,
  ) {
    super(status, code, message, { details: problems });
    this.name = 'ImportRefusedError';
  }
}

const jobList = z.object({ jobs: z.array(importJob) });
const enc = encodeURIComponent;

/**
 * Sends `file` as the body of POST /api/import?name=… with `Prefer: respond-async` (RFC 7240 §4.1): the
 * browser streams the file's bytes, nothing is parsed here. 200 answers the summary; 202 the job,
 * written in batches after the answer. Throws ImportRefusedError (400 INVALID_IMPORT, 409
 * IMPORT_CONFLICT with problems), or ApiError: 403 FORBIDDEN (viewers), 413 PAYLOAD_TOO_LARGE,
 * 415, 429 IMPORT_BUSY with `retryAfter`, 503, NETWORK; BAD_RESPONSE for an answer off the contract.
 */
async function upload(file: Blob, name: string): Promise<UploadOutcome> {
  try {
    return await exchangeUpload(file, name);
  } catch (error) {
    throw noticed(error);
  }
}

async function exchangeUpload(file: Blob, name: string): Promise<UploadOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/import?name=${enc(name)}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', prefer: 'respond-async' },
      body: file,
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw refusal(response, body);
  const parsed = response.status === 202 ? importJob.safeParse(body) : importResponse.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'BAD_RESPONSE', `Unexpected answer from /api/import: ${parsed.error.message}`);
  }
  return response.status === 202
    ? { kind: 'job', job: parsed.data as ImportJob }
    : { kind: 'written', summary: parsed.data as ImportResponse };
}

/**
 * Sends `file` to POST /api/import?dryRun=true (issue 12): the server checks it as an import would and
 * answers what it would change and the held nodes its new nodes may duplicate, writing nothing. The
 * same refusals as `upload` (ImportRefusedError with the file's problems, 403, 413, 429, 503, NETWORK).
 */
async function dryRun(file: Blob): Promise<DryRunResponse> {
  try {
    let response: Response;
    try {
      response = await fetch('/api/import?dryRun=true', {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: file,
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw refusal(response, body);
    const parsed = dryRunResponse.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        'BAD_RESPONSE',
        `Unexpected answer from the dry run: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  } catch (error) {
    throw noticed(error);
  }
}

/** The error a failed upload's answer stands for; the file's problems kept whole, with `detailsTruncated`. */
function refusal(response: Response, body: unknown): ApiError {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`);
  const { code, message, details, detailsTruncated } = parsed.data.error;
  if (response.status === 401) return new UnauthenticatedError(code, message);
  if (details && (response.status === 400 || response.status === 409)) {
    return new ImportRefusedError(response.status, code, message, details, detailsTruncated === true);
  }
  const wait = Number(response.headers.get('retry-after'));
  return new ApiError(response.status, code, message, wait > 0 ? { retryAfter: wait } : {});
}

export const importsApi = {
  upload,
  dryRun,

  /** The 50 most recent import jobs, newest first (GET /api/imports; analysts and admins). */
  async list(): Promise<ImportJob[]> {
    return (await requestJson('/api/imports', jobList)).jobs;
  },

  /** One job's progress (GET /api/imports/:id); 404 IMPORT_JOB_NOT_FOUND. */
  get(id: string): Promise<ImportJob> {
    return requestJson(`/api/imports/${enc(id)}`, importJob);
  },

  /**
   * Resumes a job cut off by a crash or an outage, from the file the server kept (202 with the job).
   * 409 IMPORT_NOT_INTERRUPTED (ended, or being written), IMPORT_FILE_GONE (resume it from the command line).
   */
  resume(id: string): Promise<ImportJob> {
    return requestJson(`/api/imports/${enc(id)}/resume`, importJob, { method: 'POST' });
  },

  /**
   * Rolls a job back (202 with the job, status rollingBack): what it created is deleted, what it
   * overwrote restored. 403 unless it is the user's own or they are an admin; 409 IMPORT_RUNNING,
   * IMPORT_ROLLED_BACK.
   */
  rollback(id: string): Promise<ImportJob> {
    return requestJson(`/api/imports/${enc(id)}/rollback`, importJob, { method: 'POST' });
  },
};

export type ImportsApi = typeof importsApi;
