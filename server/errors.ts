/**
 * One error type for everything the API answers with a status other than 200, and one Express
 * middleware that turns it (or anything unexpected) into `{"error":{"code","message"}}`.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { ErrorBody, QueryPosition } from '../contract/api.ts';
import { describeZodIssues, type ImportProblem } from '../contract/importFile.ts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: {
      cause?: unknown;
      details?: ImportProblem[];
      detailsTruncated?: boolean;
      position?: QueryPosition;
      headers?: Record<string, string>;
    },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
    this.detailsTruncated = options?.detailsTruncated ?? false;
    this.position = options?.position;
    this.headers = options?.headers ?? {};
  }
  readonly details: ImportProblem[] | undefined;
  /** `details` lists only the first problems: there are more. */
  readonly detailsTruncated: boolean;
  /** Where in a submitted Cypher query the error lies. */
  readonly position: QueryPosition | undefined;
  /** Response headers that belong to the answer (Retry-After on a 429). */
  readonly headers: Record<string, string>;
}

export function badRequest(error: z.ZodError, what = 'parameter'): AppError {
  const details = describeZodIssues(error);
  const first = details[0];
  // An empty path means the value as a whole failed (a job id in the URL, a body that is not an object).
  const message = first ? `Invalid ${what}${first.path ? ` ${first.path}` : ''}: ${first.message}` : `Invalid ${what}`;
  return new AppError(400, 'BAD_REQUEST', message, { details });
}

/**
 * 400 INVALID_ENCODING for a body whose bytes are not what its Content-Encoding says (`coding`: gzip,
 * deflate, br), in words rather than zlib's ("incorrect header check"): `error` is the zlib error,
 * whose code tells a body cut short (Z_BUF_ERROR) from one that is not compressed that way at all.
 */
export function undecodableBody(coding: string, error: unknown, what = 'The body'): AppError {
  const cutShort = (error as NodeJS.ErrnoException | undefined)?.code === 'Z_BUF_ERROR';
  const name = coding.slice(0, 40);
  const message = cutShort
    ? `${what} is sent as ${name} (Content-Encoding) but ends before its compressed data does: it was cut short; send it whole`
    : `${what} is sent as ${name} (Content-Encoding) but is not ${name} data: send it compressed that way, or uncompressed without Content-Encoding`;
  return new AppError(400, 'INVALID_ENCODING', message, { cause: error });
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);

/**
 * Deepest nesting of arrays and objects any request body may have, far beyond any real request's needs
 * (middleware/jsonDepth.ts checks JSON bodies, services/importStream.ts the import's).
 */
export const MAX_JSON_DEPTH = 64;

/** 400 NESTED_TOO_DEEP, for a body nested past MAX_JSON_DEPTH. */
export const nestedTooDeep = () =>
  new AppError(
    400,
    'NESTED_TOO_DEEP',
    `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} deep; no request needs that many`,
  );

// baseUrl: under app.use('/api', …) req.path has lost the /api the caller wrote.
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(new AppError(404, 'NOT_FOUND', `No route for ${req.method} ${req.baseUrl}${req.path}`));

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toAppError(err);
  if (known.status >= 500) req.log?.error({ err }, 'request failed');
  else req.log?.info({ code: known.code }, known.message);
  const body: ErrorBody = { error: { code: known.code, message: known.message } };
  if (known.details) body.error.details = known.details;
  if (known.detailsTruncated) body.error.detailsTruncated = true;
  if (known.position) body.error.position = known.position;
  res.set(known.headers).status(known.status).json(body);
};

/** "1 MiB", "50 MiB", "149.2 KiB": a byte count the way the limits are configured. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // express.json() failures carry a status and a type.
  const e = err as { status?: number; type?: string; message?: string; limit?: number };
  if (e?.type === 'entity.parse.failed')
    return new AppError(400, 'INVALID_JSON', `Request body is not valid JSON: ${e.message}`);
  if (e?.type === 'entity.too.large') {
    const limit = typeof e.limit === 'number' ? ` than ${describeBytes(e.limit)} (JSON_MAX_BYTES)` : '';
    return new AppError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger${limit}; only imports may be larger`);
  }
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new AppError(415, 'UNSUPPORTED_ENCODING', e.message ?? 'Unsupported encoding');
  }
  // A value nested deep enough to exhaust the stack is the sender's doing; the depth checks
  // (middleware/jsonDepth.ts) should refuse it first.
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new AppError(400, 'NESTED_TOO_DEEP', 'The request nests values too deep to process');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError(e.status, 'BAD_REQUEST', e.message ?? 'Bad request');
  }
  return new AppError(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
}
