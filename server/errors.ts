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
    options?: { cause?: unknown; details?: ImportProblem[]; position?: QueryPosition },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
    this.position = options?.position;
  }
  readonly details: ImportProblem[] | undefined;
  /** Where in a submitted Cypher query the error lies. */
  readonly position: QueryPosition | undefined;
}

export function badRequest(error: z.ZodError, what = 'parameter'): AppError {
  const details = describeZodIssues(error);
  const first = details[0];
  const message = first ? `Invalid ${what} ${first.path || '(body)'}: ${first.message}` : `Invalid ${what}`;
  return new AppError(400, 'BAD_REQUEST', message, { details });
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);

// baseUrl: under app.use('/api', …) req.path has lost the /api the caller wrote.
export const unknownRoute: RequestHandler = (req, _res, next) =>
  next(new AppError(404, 'NOT_FOUND', `No route for ${req.method} ${req.baseUrl}${req.path}`));

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toAppError(err);
  if (known.status >= 500) req.log?.error({ err }, 'request failed');
  else req.log?.info({ code: known.code }, known.message);
  const body: ErrorBody = { error: { code: known.code, message: known.message } };
  if (known.details) body.error.details = known.details;
  if (known.position) body.error.position = known.position;
  res.status(known.status).json(body);
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // express.json() failures carry a status and a type.
  const e = err as { status?: number; type?: string; message?: string };
  if (e?.type === 'entity.parse.failed')
    return new AppError(400, 'INVALID_JSON', `Request body is not valid JSON: ${e.message}`);
  if (e?.type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError(e.status, 'BAD_REQUEST', e.message ?? 'Bad request');
  }
  return new AppError(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
}
