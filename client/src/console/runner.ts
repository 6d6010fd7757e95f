/**
 * One run of a console query (the analyst's own or a named one), from sending to its outcome. The
 * client chooses the run id, so it can cancel while the query runs: Cancel asks the server to stop
 * it (DELETE /api/cypher/:runId, which terminates its transaction) and then drops the request, which
 * the server also takes as a cancellation if the first did not arrive.
 */
import type { CypherResponse } from '../../../contract/console.ts';
import { ApiError } from '../api.ts';

export type RunOutcome =
  | { kind: 'result'; response: CypherResponse }
  | { kind: 'error'; error: ApiError }
  | { kind: 'cancelled'; message: string };

export interface ActiveRun {
  runId: string;
  /** performance.now() when it was sent. */
  startedAt: number;
  readonly cancelling: boolean;
  cancel(): void;
  /** Settles once, never rejects. */
  done: Promise<RunOutcome>;
}

export type Send = (runId: string, signal: AbortSignal) => Promise<CypherResponse>;
export type CancelOnServer = (runId: string) => Promise<boolean>;

/** 32 random hex digits: crypto.randomUUID exists only on https pages, getRandomValues everywhere. */
export function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const CANCELLED_CODES = new Set(['QUERY_CANCELLED', 'ABORTED']);

export function startRun(send: Send, cancelOnServer: CancelOnServer): ActiveRun {
  const controller = new AbortController();
  const runId = newRunId();
  const startedAt = performance.now();
  let stopping: Promise<string> | null = null;

  async function stop(): Promise<string> {
    let message: string;
    try {
      message = (await cancelOnServer(runId))
        ? 'Cancelled: the query was stopped and its transaction terminated on the server.'
        : 'Cancelled.';
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      message = `Cancelled here; the server could not be told (${why}), and stops a query whose client has gone.`;
    }
    controller.abort();
    return message;
  }

  const done = send(runId, controller.signal).then(
    (response): RunOutcome => ({ kind: 'result', response }),
    async (err: unknown): Promise<RunOutcome> => {
      if (stopping) return { kind: 'cancelled', message: await stopping };
      const error = err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', String(err));
      if (CANCELLED_CODES.has(error.code)) return { kind: 'cancelled', message: error.message };
      return { kind: 'error', error };
    },
  );

  return {
    runId,
    startedAt,
    get cancelling() {
      return stopping !== null;
    },
    cancel() {
      stopping ??= stop();
    },
    done,
  };
}
