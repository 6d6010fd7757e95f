/**
 * The body of POST /api/import, read here rather than by express.json(): it is the one large body the
 * API takes, it may come compressed, and a 149 KB gzip that inflates to 50 MB of problems once cost
 * 8 s of the API's one thread and 1.5 GB of memory. So:
 *
 * - Bounded in every dimension: the bytes sent (IMPORT_MAX_BYTES), and when compressed the inflated
 *   bytes, by min(IMPORT_MAX_BYTES, IMPORT_MAX_INFLATE_RATIO × bytes sent): a bomb stops inflating at
 *   its bound, in zlib's thread pool (maxOutputLength), never on the event loop. 413 names the bound.
 * - Content-Encoding identity, gzip, deflate or br (RFC 9110 §8.4); anything else 415.
 * - One import is decoded, parsed, checked and written at a time (p-limit); a few more may wait, their
 *   bodies read meanwhile; beyond them 429 IMPORT_BUSY with Retry-After, before reading a byte.
 * - The bytes are handed on as they are: services/importStream.ts parses them as it checks them.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request } from 'express';
import pLimit from 'p-limit';
import getRawBody from 'raw-body';
import { AppError, describeBytes, undecodableBody } from '../errors.ts';
import type { RequestLimits } from './requestLimits.ts';

/** How many imports run at once (decode to write) and how many more may wait, per process. */
export interface ImportQueue {
  running: number;
  waiting: number;
}

/** One at a time: writes take the database's import lock anyway, and one parsed 50 MB file is enough memory. */
export const DEFAULT_IMPORT_QUEUE: ImportQueue = { running: 1, waiting: 3 };

/** Seconds a client refused with 429 is told to wait before it tries again. */
export const IMPORT_RETRY_AFTER_S = 5;

type Coding = 'gzip' | 'deflate' | 'br';
const INFLATE: Record<Coding, (body: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Receives import files: `receive` reads and bounds a body, and runs `work` on its JSON bytes in turn. */
export interface ImportUploads {
  /**
   * Reads `req`'s body within the limits, then, in its turn, decodes it and resolves with what `work`
   * resolves with, given the JSON text's bytes. Throws AppError: 413 PAYLOAD_TOO_LARGE, 415
   * UNSUPPORTED_MEDIA_TYPE / UNSUPPORTED_ENCODING, 429 IMPORT_BUSY, 400 INVALID_ENCODING.
   */
  receive<T>(req: Request, work: (json: Buffer) => Promise<T>): Promise<T>;
}

export function importUploads(limits: RequestLimits, queue: ImportQueue = DEFAULT_IMPORT_QUEUE): ImportUploads {
  const inTurn = pLimit(queue.running);
  let admitted = 0; // reading, waiting for their turn, or running

  return {
    async receive(req, work) {
      const coding = contentCoding(req);
      const declared = Number(req.headers['content-length']);
      if (declared > limits.importMaxBytes) throw tooLarge(`is ${describeBytes(declared)}`, limits);
      if (admitted >= queue.running + queue.waiting) {
        throw new AppError(429, 'IMPORT_BUSY', 'Other imports are running or waiting; try again in a few seconds', {
          headers: { 'Retry-After': String(IMPORT_RETRY_AFTER_S) },
        });
      }
      admitted++;
      try {
        let sent: Buffer | undefined = await readBody(req, limits);
        return await inTurn(async () => {
          const json = await decode(sent!, coding, limits);
          sent = undefined; // not held while the import runs
          return work(json);
        });
      } finally {
        admitted--;
      }
    },
  };
}

/** The body's coding; 415 for a type other than JSON, a charset other than UTF-8, or an unknown coding. */
function contentCoding(req: Request): Coding | 'identity' {
  // Without this check the analyst would be told the file is not an object instead of what to fix
  // (curl -d sends a form type).
  if (!req.is('application/json')) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the import file as JSON, with Content-Type: application/json',
    );
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the import file in UTF-8, not ${charset}`);
  }
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (coding === 'identity' || coding in INFLATE) return coding as Coding | 'identity';
  throw new AppError(
    415,
    'UNSUPPORTED_ENCODING',
    `Content-Encoding "${coding.slice(0, 40)}" is not supported: send the file as is, or with gzip, deflate or br`,
  );
}

function tooLarge(what: string, limits: RequestLimits): AppError {
  return new AppError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The import file ${what}; at most ${describeBytes(limits.importMaxBytes)} (IMPORT_MAX_BYTES) are accepted`,
  );
}

/** The bytes as sent, at most IMPORT_MAX_BYTES; a body cut short or past the limit is drained, not kept. */
async function readBody(req: Request, limits: RequestLimits): Promise<Buffer> {
  try {
    return await getRawBody(req, { length: req.headers['content-length'], limit: limits.importMaxBytes });
  } catch (error) {
    // raw-body pauses the request on error; drain it so that the answer can be read on this connection.
    req.resume();
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') throw tooLarge(`is larger than ${describeBytes(limits.importMaxBytes)}`, limits);
    throw new AppError(400, 'BAD_REQUEST', `The import file could not be read: ${(error as Error).message}`);
  }
}

/** The inflated body, bounded by the smaller of IMPORT_MAX_BYTES and IMPORT_MAX_INFLATE_RATIO × its size. */
async function decode(sent: Buffer, coding: Coding | 'identity', limits: RequestLimits): Promise<Buffer> {
  if (coding === 'identity') return sent;
  const byRatio = Math.floor(limits.importMaxInflateRatio * sent.length);
  const bound = Math.max(1, Math.min(limits.importMaxBytes, byRatio));
  try {
    return await INFLATE[coding](sent, { maxOutputLength: bound });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      if (bound < limits.importMaxBytes) {
        throw new AppError(
          413,
          'PAYLOAD_TOO_LARGE',
          `The ${coding} import file inflates to more than ${limits.importMaxInflateRatio} times its ` +
            `${describeBytes(sent.length)} (IMPORT_MAX_INFLATE_RATIO), as only a zip bomb does; send it uncompressed`,
        );
      }
      throw tooLarge(`inflates to more than ${describeBytes(limits.importMaxBytes)}`, limits);
    }
    throw undecodableBody(coding, error, 'The import file');
  }
}
