/**
 * A batched import cut off by a database outage (issue 11): its own supervised Neo4j is killed while
 * the import is between batches; the supervisor restarts it, the job says it was cut off, and a resume
 * completes it from its last committed batch with nothing lost or doubled: exactly the file's nodes and
 * links, each once, and the job's committed count equal to the file's. `npm test` runs it on 6,000
 * links in batches of 2,500; `npm run test:resilience` on 1,000,000 links in batches of 10,000.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { importGraph } from '../../server/services/importer.ts';
import { findJob } from '../../server/services/importJobs.ts';
import { resumeImport } from '../../server/services/importRollback.ts';
import { freshSeededDatabase } from '../support/fixtures.ts';
import { largeFile } from '../support/largeImport.ts';
import { type OwnSupervised, ownSupervisedNeo4j } from '../support/neo4j.ts';
import { rounds } from '../support/resilience.ts';

const LINKS = rounds(6_000, 1_000_000);
const RUN = { commitRows: rounds(2_500, 10_000), leaseMs: 2_000 };
let own: OwnSupervised;
let db: Database;

beforeAll(async () => {
  own = await ownSupervisedNeo4j('import-outage', 'import-outage-password');
  db = own.db;
  await freshSeededDatabase(db);
});

afterAll(() => own?.remove());

const count = async (query: string) => Number((await db.runAdmin(query))[0]!.n);

describe('a batched import and a database outage', () => {
  it('killed Neo4j between batches: restarted, the job resumes and ends with every item once', {
    timeout: rounds(300_000, 7_200_000),
  }, async () => {
    const bytes = Buffer.from(JSON.stringify(largeFile(LINKS, 'outage')));
    let jobId = '';
    const importing = importGraph(db, bytes, undefined, undefined, {
      ...RUN,
      onStarted: (id) => {
        jobId = id;
      },
    });
    const failed = importing.then(
      () => 'completed',
      () => 'failed',
    );
    await vi.waitFor(
      async () => {
        expect(jobId).not.toBe('');
        expect((await findJob(db, jobId)).job.done).toBeGreaterThanOrEqual(RUN.commitRows);
      },
      { timeout: rounds(120_000, 1_800_000), interval: 100 },
    );
    process.kill(own.supervised.pid!, 'SIGKILL');
    expect(await failed).toBe('failed');

    // Back up, the job waits: cut off, part-way, at a batch boundary.
    const cut = await vi.waitFor(
      async () => {
        const { job } = await findJob(db, jobId);
        expect(job.interrupted).toBe(true);
        return job;
      },
      { timeout: 180_000, interval: 500 },
    );
    expect(cut.done).toBeLessThan(cut.total);
    expect(cut.done % RUN.commitRows).toBe(0);

    await resumeImport(db, jobId, bytes, RUN);
    const { job } = await findJob(db, jobId);
    expect(job).toMatchObject({ status: 'done', done: job.total, interrupted: false });
    expect(await count("MATCH (n:Faction) WHERE n.id STARTS WITH 'outage-' RETURN count(n) AS n")).toBe(LINKS + 1);
    expect(await count("MATCH ()-[r:MEMBER_OF]->() WHERE r.id STARTS WITH 'outage-' RETURN count(r) AS n")).toBe(LINKS);
    expect(
      await count(
        "MATCH ()-[r:MEMBER_OF]->() WHERE r.id STARTS WITH 'outage-' WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n",
      ),
    ).toBe(0);
  });
});
