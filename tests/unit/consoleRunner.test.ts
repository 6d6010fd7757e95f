/**
 * One console run (client/src/console/runner.ts): its outcome is the answer, the server's error, or
 * "cancelled"; Cancel asks the server to stop the run by its id before dropping the request.
 */
import { describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../contract/console.ts';
import { ApiError } from '../../client/src/api.ts';
import { newRunId, startRun, type Send } from '../../client/src/console/runner.ts';
import { runId } from '../../contract/console.ts';

const answer: CypherResponse = {
  runId: 'x',
  columns: ['n'],
  rows: [[1]],
  truncated: false,
  graph: { nodes: [], edges: [] },
  summary: { resultAvailableAfter: 1, resultConsumedAfter: 1, notifications: [], plan: null },
};

/** A request that runs until its signal is aborted, then fails as fetch does. */
const untilAborted: Send = (_id, signal) =>
  new Promise((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(new ApiError(0, 'ABORTED', 'The request was cancelled'))),
  );

describe('startRun', () => {
  it('makes run ids the server accepts, a new one each time', () => {
    const a = newRunId();
    expect(runId.safeParse(a).success).toBe(true);
    expect(newRunId()).not.toBe(a);
  });

  it('sends the run under its id and gives the answer', async () => {
    let sentId = '';
    const run = startRun(
      async (id) => {
        sentId = id;
        return answer;
      },
      async () => true,
    );
    await expect(run.done).resolves.toEqual({ kind: 'result', response: answer });
    expect(sentId).toBe(run.runId);
  });

  it('gives the server’s error as it is', async () => {
    const error = new ApiError(400, 'SYNTAX_ERROR', 'Invalid input', { position: { line: 1, column: 5, offset: 4 } });
    const run = startRun(
      () => Promise.reject(error),
      async () => true,
    );
    await expect(run.done).resolves.toEqual({ kind: 'error', error });
  });

  it('on Cancel asks the server to stop this run, then drops the request', async () => {
    const asked: string[] = [];
    const run = startRun(untilAborted, async (id) => {
      asked.push(id);
      return true;
    });
    run.cancel();
    run.cancel(); // once is enough
    expect(run.cancelling).toBe(true);
    await expect(run.done).resolves.toEqual({
      kind: 'cancelled',
      message: 'Cancelled: the query was stopped and its transaction terminated on the server.',
    });
    expect(asked).toEqual([run.runId]);
  });

  it('still drops the request when the server cannot be told', async () => {
    const run = startRun(untilAborted, () => Promise.reject(new ApiError(0, 'NETWORK', 'The server did not answer')));
    run.cancel();
    const outcome = await run.done;
    expect(outcome.kind).toBe('cancelled');
    if (outcome.kind === 'cancelled') expect(outcome.message).toContain('The server did not answer');
  });

  it('takes a run the server cancelled (from elsewhere) as cancelled', async () => {
    const run = startRun(
      () => Promise.reject(new ApiError(409, 'QUERY_CANCELLED', 'The query was cancelled')),
      async () => true,
    );
    await expect(run.done).resolves.toEqual({ kind: 'cancelled', message: 'The query was cancelled' });
  });
});
