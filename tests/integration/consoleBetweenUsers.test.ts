/**
 * Console runs of different users on a shared server are their own: a run id, which the client
 * chooses, neither blocks another user's run of the same id nor tells them it exists, and only the
 * user who started a run may stop it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION_LIMITS } from '../../server/db/consoleAdmission.ts';
import { seededApp } from '../support/fixtures.ts';

const { db } = seededApp();

const SLOW = 'UNWIND range(1, 400000000) AS x RETURN count(x) AS n';

function run(analyst: string, runId: string, query: string) {
  return db.runConsoleQuery(
    query,
    {},
    {
      timeoutMs: 60_000,
      rowCap: 10,
      runId,
      analyst,
      user: analyst,
      networkOnly: true,
      admission: DEFAULT_ADMISSION_LIMITS,
    },
  );
}

describe('console runs of two users', () => {
  it('share a run id without meeting, and are stopped only by whoever started them', async () => {
    const runId = 'shared-run-id';
    const anas = run('ana', runId, SLOW).then(
      () => 'finished',
      (error: { code?: string }) => error.code ?? 'failed',
    );
    // Ana's run holds the id until it settles; wait until the database lists it.
    await expect
      .poll(async () => {
        const rows = await db.runAdmin(
          "SHOW TRANSACTIONS YIELD metaData WHERE metaData.runId = 'shared-run-id' RETURN metaData.user AS user",
        );
        return rows.map((r) => r.user);
      })
      .toEqual(['ana']);

    const bobs = await run('bob', runId, 'RETURN 1 AS one');
    expect(bobs.rows).toEqual([[1]]);
    expect(await db.cancelConsoleQuery(runId, 'bob')).toBe(false);
    expect(await db.cancelConsoleQuery(runId, 'ana')).toBe(true);
    expect(await anas).toBe('QUERY_CANCELLED');
  });
});
