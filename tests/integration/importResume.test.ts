/**
 * Batched imports (issue 11): a file of more than COMMIT_ROWS items is written in committed batches
 * under an import job. An import cut off between batches (its `npm run import` process killed) resumes
 * from its last committed batch to exactly the database an uninterrupted import gives; a rollback
 * leaves the graph as it was, keeping only what later writes link to; a resume is refused another
 * file; another import waits for a running job instead of writing between its batches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../server/services/importer.ts';
import { findJob, renewLease } from '../../server/services/importJobs.ts';
import { resumeImport, rollbackImport } from '../../server/services/importRollback.ts';
import { connectTestDatabase, freshSeededDatabase, graphFingerprint } from '../support/fixtures.ts';
import { largeFile, startImportCli } from '../support/largeImport.ts';

const db = connectTestDatabase(60_000);
const workDir = mkdtempSync(join(tmpdir(), 'atlas-resume-'));
const LEASE_MS = 2_000;
/** Smaller batches than COMMIT_ROWS, so a file of a few batches imports in seconds. */
const ROWS = 2_500;
const RUN = { leaseMs: LEASE_MS, commitRows: ROWS };

/** Five committed batches: one source, 6,001 brigades, 6,000 links. */
const FILE = largeFile(6_000, 'batched');
const BYTES = Buffer.from(JSON.stringify(FILE));
const TOTAL = 1 + 6_001 + 6_000;
const PATH = join(workDir, 'batched.json');

beforeAll(async () => {
  writeFileSync(PATH, BYTES);
  await db.applySchema();
});
afterAll(async () => {
  await db.close();
  rmSync(workDir, { recursive: true, force: true });
});

const jobDone = async (): Promise<number | null> => {
  const rows = await db.runAdmin('MATCH (j:ImportJob) RETURN j.done AS done');
  return rows.length ? Number(rows[0]!.done) : null;
};

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a batched import', { timeout: 240_000 }, () => {
  it('cut off between batches (its process killed) resumes to the same database as one never interrupted', async () => {
    expect(TOTAL).toBeGreaterThan(3 * ROWS);
    // The reference: the same file in one transaction.
    await freshSeededDatabase(db);
    await importGraph(db, BYTES, undefined, undefined, { commitRows: TOTAL });
    const oneTransaction = await graphFingerprint(db);

    // In batches, one of which holds the last nodes and the first links: the same database.
    await freshSeededDatabase(db);
    const whole = await importGraph(db, BYTES, undefined, undefined, RUN);
    expect(whole.job).toBeDefined();
    expect(whole.changes.relationshipsCreated).toBe(6_000);
    expect((await findJob(db, whole.job!)).job).toMatchObject({ status: 'done', done: TOTAL, total: TOTAL });
    const untimed = await db.runAdmin('MATCH ()-[r:MEMBER_OF]->() WHERE r.validFrom IS NULL RETURN count(r) AS n');
    expect(Number(untimed[0]!.n)).toBe(0);
    const uninterrupted = await graphFingerprint(db);
    expect(uninterrupted).toBe(oneTransaction);

    await freshSeededDatabase(db);
    const child = startImportCli(PATH, RUN);
    const committed = await until(jobDone, (done) => done !== null && done >= 2 * ROWS);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(committed).toBeLessThan(TOTAL);

    const [row] = await db.runAdmin('MATCH (j:ImportJob) RETURN j.id AS id');
    const id = String(row!.id);
    // Its lease lapses: the job says it was cut off, at a batch boundary, with part of the file written.
    const cut = await until(
      async () => (await findJob(db, id)).job,
      (job) => job.interrupted,
    );
    expect(cut.status).toBe('running');
    expect(cut.done % ROWS).toBe(0);
    expect(cut.done).toBeLessThan(TOTAL);
    const [written] = await db.runAdmin("MATCH (n:Faction) WHERE n.id STARTS WITH 'batched-' RETURN count(n) AS n");
    expect(Number(written!.n)).toBeGreaterThan(0);
    expect(await graphFingerprint(db)).not.toBe(uninterrupted);

    const resumed = await resumeImport(db, id, BYTES, RUN);
    expect(resumed.job).toBe(id);
    expect((await findJob(db, id)).job).toMatchObject({ status: 'done', done: TOTAL, interrupted: false });
    expect(await graphFingerprint(db)).toBe(uninterrupted);
  });

  it('refuses to resume with another file, a finished job, or an unknown one; a job the database now conflicts with fails', async () => {
    await freshSeededDatabase(db);
    const { job } = await importGraph(db, BYTES, undefined, undefined, RUN);
    await expect(resumeImport(db, job!, BYTES)).rejects.toMatchObject({ status: 409, code: 'IMPORT_NOT_INTERRUPTED' });
    // Cut off by hand: the lease taken back, the job marked part-way.
    await db.runAdmin('MATCH (j:ImportJob {id: $job}) SET j.status = "running", j.done = $done, j.leaseUntil = 0', {
      job,
      done: ROWS,
    });
    const other = Buffer.from(JSON.stringify(largeFile(6_000, 'other')));
    await expect(resumeImport(db, job!, other)).rejects.toMatchObject({ status: 409, code: 'IMPORT_FILE_CHANGED' });
    await expect(resumeImport(db, 'imp-nosuchjob', BYTES)).rejects.toMatchObject({
      status: 404,
      code: 'IMPORT_JOB_NOT_FOUND',
    });

    // The database changed under it (one of its links' ids is now a node's): resuming cannot mend
    // that, so the job is marked failed, with why, and is not offered again.
    await db.runAdmin(
      `MATCH ()-[r:MEMBER_OF {id: 'batched-brigade-0-member-of-batched-brigade-1'}]->() DELETE r
       CREATE (:Entity:Faction {id: 'batched-brigade-0-member-of-batched-brigade-1', name: 'Squatter'})`,
    );
    await expect(resumeImport(db, job!, BYTES, RUN)).rejects.toMatchObject({ status: 409, code: 'IMPORT_CONFLICT' });
    const failed = (await findJob(db, job!)).job;
    expect(failed).toMatchObject({ status: 'failed', interrupted: false });
    expect(failed.error).toContain('batched-brigade-0-member-of-batched-brigade-1');
    await expect(resumeImport(db, job!, BYTES)).rejects.toMatchObject({ code: 'IMPORT_NOT_INTERRUPTED' });
  });

  it('rolled back, leaves the graph as it was (a heartbeat committing after the import ended does not hold it off): what it created deleted, what it overwrote restored', async () => {
    await freshSeededDatabase(db);
    // Brigades 0–4 exist before, under other names: the big file overwrites them.
    const earlier = largeFile(4, 'batched');
    for (const n of earlier.nodes) n.name = `Earlier name of ${n.id}`;
    await importGraph(db, earlier);
    const before = await graphFingerprint(db);

    const { job } = await importGraph(db, BYTES, undefined, undefined, RUN);
    const [renamed] = await db.runAdmin("MATCH (n:Faction {id: 'batched-brigade-2'}) RETURN n.name AS name");
    expect(renamed!.name).toBe('Generated Brigade 2');
    // The import's heartbeat, in flight when the job ended, commits after it: it must not give the
    // ended job a lease that refuses its rollback (409 IMPORT_RUNNING) for a lease length.
    await db.write('import-heartbeat', (tx) => renewLease(tx, job!, 10 * 60_000));
    expect((await findJob(db, job!)).job).toMatchObject({ status: 'done', interrupted: false });

    const ended = await rollbackImport(db, job!, RUN);
    expect(ended).toMatchObject({ status: 'rolledBack', kept: [] });
    expect(await graphFingerprint(db)).toBe(before);
    await expect(rollbackImport(db, job!)).rejects.toMatchObject({ status: 409, code: 'IMPORT_ROLLED_BACK' });
  });

  it('rolled back after later writes, keeps what they changed and what they link to', async () => {
    await freshSeededDatabase(db);
    const { job } = await importGraph(db, BYTES, undefined, undefined, RUN);
    const later = {
      sources: [{ id: 'later-register', name: 'Later register', title: null }],
      nodes: [
        {
          label: 'Faction',
          id: 'later-brigade',
          name: 'Later Brigade',
          kind: 'armed group',
          sources: ['later-register'],
        },
        // Created by the job, renamed since.
        {
          label: 'Faction',
          id: 'batched-brigade-7',
          name: 'Renamed Later',
          kind: 'armed group',
          sources: ['later-register'],
        },
      ],
      relationships: [
        {
          id: 'later-brigade-member-of-batched-brigade-100',
          type: 'MEMBER_OF',
          source: 'later-brigade',
          target: 'batched-brigade-100',
          from: '2019',
          sources: ['later-register'],
        },
      ],
    };
    await importGraph(db, later);

    const ended = await rollbackImport(db, job!, RUN);
    expect([...ended.kept].sort()).toEqual(['batched-brigade-100', 'batched-brigade-7']);
    const rows = await db.runAdmin(
      "MATCH (n:Faction) WHERE n.id STARTS WITH 'batched-' OPTIONAL MATCH (n)<-[r]-() RETURN n.id AS id, n.name AS name, r.id AS link ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 'batched-brigade-100', name: 'Generated Brigade 100', link: 'later-brigade-member-of-batched-brigade-100' },
      { id: 'batched-brigade-7', name: 'Renamed Later', link: null },
    ]);
  });

  it('makes another import wait while it runs, instead of writing between its batches', async () => {
    await freshSeededDatabase(db);
    const order: string[] = [];
    let started!: () => void;
    const jobStarted = new Promise<void>((r) => {
      started = r;
    });
    const big = importGraph(db, BYTES, undefined, undefined, { ...RUN, onStarted: () => started() }).then((s) => {
      order.push('big');
      return s;
    });
    await jobStarted;
    const small = importGraph(db, largeFile(3, 'small')).then(() => order.push('small'));
    await Promise.all([big, small]);
    expect(order).toEqual(['big', 'small']);
  });
});
