/**
 * A lease renewed while its job ends (the CI fault of stop 18: a rollback refused 409 right after its
 * import was done). The heartbeat's renewal must not give an ended job a fresh lease, also when it reads
 * the job before the end commits and writes after. Read honestly, with no timing: the test's own
 * transaction ends the job with the app's importJobFinish and holds it open; the renewal is caught in
 * SHOW TRANSACTIONS waiting on that lock; then the end commits and the renewal finishes.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../server/db/cypher.ts';
import { renewLease } from '../../server/services/importJobs.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
let driver: Driver;

beforeAll(async () => {
  await db.applySchema();
  const { uri, user, password } = inject('neo4j');
  driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
});
afterAll(async () => {
  await driver.close();
  await db.close();
});

/** Waits until the app's transaction of `type` is open and blocked on a lock; throws after 30 s. */
async function blocked(type: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const rows = await db.runAdmin(
      'SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.type = $type RETURN status',
      { type },
    );
    if (rows.some((r) => String(r.status).startsWith('Blocked'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no blocked transaction of type ${type}`);
}

describe('an import lease renewed as its job ends', () => {
  it.each(['done', 'failed', 'rolledBack'])(
    'stays released when the job ends %s while the renewal waits, so a rollback may take the job at once',
    async (status) => {
      const id = `imp-lease-race-${status}`;
      await db.runAdmin(
        `MERGE (l:ImportLock {id: 'import'}) SET l.job = $id, l.holder = 'h'
         MERGE (j:ImportJob {id: $id})
         SET j.status = 'running', j.leaseUntil = datetime.realtime().epochMillis + 60000, j.done = 1`,
        { id },
      );
      const ending = driver.session().beginTransaction();
      await ending.run(cypher('importJobFinish'), { id, status, error: null, kept: null });
      const renewing = db.write('lease-race-renew', (tx) => renewLease(tx, id, 60_000, 2));
      try {
        await blocked('lease-race-renew');
      } finally {
        await ending.commit();
      }
      await renewing;
      const [job] = await db.runAdmin(
        'MATCH (j:ImportJob {id: $id}) RETURN j.status AS status, j.leaseUntil AS leaseUntil, j.done AS done, keys(j) AS keys',
        { id },
      );
      expect(job).toMatchObject({ status, leaseUntil: 0, done: 1 });
      expect(job!.keys).not.toContain('leaseLock');
    },
  );

  it('still renews a running job, and records its progress', async () => {
    const id = 'imp-lease-running';
    await db.runAdmin("MERGE (j:ImportJob {id: $id}) SET j.status = 'running', j.leaseUntil = 0, j.done = 1", { id });
    await db.write('lease-renew', (tx) => renewLease(tx, id, 60_000, 7));
    const [job] = await db.runAdmin(
      'MATCH (j:ImportJob {id: $id}) RETURN j.leaseUntil > datetime.realtime().epochMillis AS live, j.done AS done, keys(j) AS keys',
      { id },
    );
    expect(job).toMatchObject({ live: true, done: 7 });
    expect(job!.keys).not.toContain('leaseLock');
  });
});
