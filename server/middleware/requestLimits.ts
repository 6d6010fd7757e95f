/**
 * Limits on what a request may carry, per route: URLs of at most 8 KiB (414), no body on GET, HEAD
 * or DELETE (400), and small JSON bodies everywhere but POST /api/import (413 past JSON_MAX_BYTES),
 * never nested past MAX_JSON_DEPTH (400). The import reads its own, larger body (importUpload.ts).
 */
import express, { type Request, type RequestHandler } from 'express';
import { AppError, describeBytes, undecodableBody } from '../errors.ts';
import { assertShallowJson } from './jsonDepth.ts';

/** What createApp takes from the configuration (server/config.ts). */
export interface RequestLimits {
  /** IMPORT_MAX_BYTES: largest import file, as inflated when sent compressed. */
  importMaxBytes: number;
  /** IMPORT_MAX_INFLATE_RATIO: most a compressed import may inflate to, as a multiple of its size. */
  importMaxInflateRatio: number;
  /** JSON_MAX_BYTES: largest JSON body of every other request. */
  jsonMaxBytes: number;
  /** INVESTIGATION_MAX_BYTES: largest JSON body of the investigation routes (saves and imports with snapshots). */
  investigationMaxBytes: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  importMaxBytes: 50 * 1024 * 1024,
  importMaxInflateRatio: 50,
  jsonMaxBytes: 1024 * 1024,
  investigationMaxBytes: 20 * 1024 * 1024,
};

/**
 * Longest URL (path and query) answered: the client's longest, a shared view with hundreds of ids,
 * stays far below; browsers and proxies commonly stop at 8 KiB too (RFC 9110 §4.1 recommends at
 * least 8,000 octets be supported).
 */
export const MAX_URL_BYTES = 8 * 1024;

/** 414 URI_TOO_LONG for a URL past MAX_URL_BYTES (server/http.ts lets URLs up to 128 KiB reach us). */
export const limitUrlLength: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.length <= MAX_URL_BYTES) return next();
  next(
    new AppError(
      414,
      'URI_TOO_LONG',
      `The URL is ${req.originalUrl.length} bytes long; at most ${MAX_URL_BYTES} are answered`,
    ),
  );
};

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'DELETE']);

/**
 * A request that carries bytes: a chunked body, or a Content-Length above 0 (type-is's hasBody counts
 * `Content-Length: 0`, which browsers send on a bodiless DELETE, as a body).
 */
function carriesBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = Number(headers['content-length'] ?? 0);
  return !Number.isFinite(length) || length > 0;
}

/**
 * 400 BODY_NOT_ALLOWED for GET, HEAD and DELETE with a body: none of ours reads one, and a body there
 * is either a mistake or a way to make the server read bytes nobody asked for.
 */
export const refuseBodyOnReadMethods: RequestHandler = (req, res, next) => {
  if (!READ_ONLY_METHODS.has(req.method) || !carriesBody(req.headers)) return next();
  // The body is not read: close the connection after answering rather than drain it.
  res.setHeader('Connection', 'close');
  next(new AppError(400, 'BODY_NOT_ALLOWED', `A ${req.method} request takes no body; send it without one`));
};

/**
 * The JSON parser of every route but the import: bodies up to `maxBytes` (as inflated, when sent
 * compressed), UTF-8 only (RFC 8259 §8.1), refused before parsing when nested too deep. `setting`
 * names the limit in the 413 of a parser with a limit of its own (the investigations').
 */
export function jsonBodies(maxBytes: number, setting?: string): RequestHandler {
  const parse = express.json({
    limit: maxBytes,
    verify: (_req, _res, body, encoding) => {
      if (encoding !== 'utf-8' && encoding !== 'utf8') {
        throw new AppError(415, 'UNSUPPORTED_CHARSET', `JSON bodies must be UTF-8, not ${encoding}`);
      }
      assertShallowJson(body);
    },
  });
  return (req, res, next) => {
    // express.json() leaves a body of another type unread, and the route would then say "expected
    // object, received undefined" instead of what to fix.
    if (carriesBody(req.headers) && !req.is('application/json')) {
      return next(
        new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the body as JSON, with Content-Type: application/json (not ${req.headers['content-type'] ?? 'none'})`,
        ),
      );
    }
    parse(req, res, (error?: unknown) =>
      next(error === undefined ? undefined : inWords(error, req, maxBytes, setting)),
    );
  };
}

/**
 * body-parser's errors, said in words: a body past the limit names its setting; a body that inflates
 * badly says what is wrong with it, not zlib's "incorrect header check"; a body that is valid JSON but
 * no object or array (`null`, `1`, `"x"`) says so, where body-parser's strict mode says
 * "Unexpected token 'n', "null" is not valid JSON", which is false (RFC 8259 §2 allows any value).
 */
function inWords(error: unknown, req: Request, maxBytes: number, setting: string | undefined): unknown {
  const e = error as { type?: string; code?: string; body?: unknown };
  if (setting && e.type === 'entity.too.large') {
    return new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      `Request body is larger than ${describeBytes(maxBytes)} (${setting})`,
    );
  }
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return undecodableBody(
      String(req.headers['content-encoding'] ?? 'compressed')
        .trim()
        .toLowerCase(),
      error,
    );
  }
  if (e.type === 'entity.parse.failed' && typeof e.body === 'string' && isJsonScalar(e.body)) {
    return new AppError(
      400,
      'BAD_REQUEST',
      `The body must be a JSON object, not ${e.body.trim().slice(0, 20)}${e.body.trim().length > 20 ? '…' : ''}`,
    );
  }
  return error;
}

/** Whether `text` is a JSON value other than an object or an array (what strict mode refuses). */
function isJsonScalar(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || typeof value !== 'object';
  } catch {
    return false;
  }
}
