/**
 * Limits on what a request may carry, per route: URLs of at most 8 KiB (414), no body on GET, HEAD
 * or DELETE (400), and small JSON bodies everywhere but POST /api/import (413 past JSON_MAX_BYTES),
 * never nested past MAX_JSON_DEPTH (400). The import reads its own, larger body (importUpload.ts).
 */
import express, { type RequestHandler } from 'express';
import { AppError, describeBytes } from '../errors.ts';
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
    if (!setting) return parse(req, res, next);
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(
          new AppError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${describeBytes(maxBytes)} (${setting})`),
        );
      }
      next(error);
    });
  };
}
