/**
 * Admission control for the investigation writes (create, save, import, restore, undelete: every
 * POST/PUT under /api/investigations). Their bodies may be INVESTIGATION_MAX_BYTES (20 MiB) each, and
 * reading and parsing them is where the memory and the event loop go: sixteen 15 MB saves at once took
 * the API from 484 MB to 925 MB and /api/health to 5.9 s. So, as the import does (importUpload.ts):
 *
 * - A few writes run at once, body parsing included (p-limit); a few more wait, their bodies NOT read
 *   (TCP holds them back meanwhile), and only start reading in their turn.
 * - Beyond them, 429 INVESTIGATION_BUSY with Retry-After, before a byte of the body is read.
 *
 * Mount it before the JSON parser of the investigation routes: a write holds its place from the moment
 * it is admitted until its answer is sent or its connection closes.
 */
import type { RequestHandler } from 'express';
import pLimit from 'p-limit';
import { AppError } from '../errors.ts';

/** How many investigation writes run at once (parse to answer) and how many more may wait, per process. */
export interface InvestigationWriteQueue {
  running: number;
  waiting: number;
}

/**
 * Two at a time: two parsed 20 MiB documents are enough memory for a small server, and saves are short,
 * so four waiting cover an office of analysts saving together (INVESTIGATION_WRITES_RUNNING/_WAITING).
 */
export const DEFAULT_INVESTIGATION_WRITE_QUEUE: InvestigationWriteQueue = { running: 2, waiting: 4 };

/** Seconds a client refused with 429 is told to wait before it tries again. */
export const INVESTIGATION_RETRY_AFTER_S = 2;

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Middleware queueing investigation writes: `queue.running` at once, `queue.waiting` more in line, the
 * rest answered 429 INVESTIGATION_BUSY (Retry-After: INVESTIGATION_RETRY_AFTER_S) unread. Reads pass.
 */
export function investigationWrites(
  queue: InvestigationWriteQueue = DEFAULT_INVESTIGATION_WRITE_QUEUE,
): RequestHandler {
  const inTurn = pLimit(queue.running);
  let admitted = 0; // waiting for their turn, or running

  return (req, res, next) => {
    if (!WRITES.has(req.method)) return next();
    if (admitted >= queue.running + queue.waiting) {
      return next(
        new AppError(
          429,
          'INVESTIGATION_BUSY',
          'Other investigation saves are running or waiting; try again in a few seconds',
          {
            headers: { 'Retry-After': String(INVESTIGATION_RETRY_AFTER_S) },
          },
        ),
      );
    }
    admitted++;
    void inTurn(
      () =>
        new Promise<void>((done) => {
          // A client that went away while waiting frees its turn at once; its body is never read.
          if (res.writableEnded || res.destroyed || req.destroyed) return done();
          res.once('close', () => done());
          next();
        }),
    ).finally(() => {
      admitted--;
    });
  };
}
