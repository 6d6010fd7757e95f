/**
 * Import jobs over HTTP (issue 11): POST /api/import with `Prefer: respond-async` answers 202 with the
 * job and where to poll it; the job's view follows its batches to the end; the recent jobs are listed;
 * only whoever ran an import (or an admin) rolls it back; viewers see no jobs; a bad or unknown id, a
 * finished job resumed, a rolled-back job rolled back again are refused with their codes.
 */
import type TestAgent from 'supertest/lib/agent.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, importResponse } from '../../contract/api.ts';
import { type ImportJob, importJob } from '../../contract/importJob.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, freshSeededDatabase, graphFingerprint } from '../support/fixtures.ts';
import { largeFile } from '../support/largeImport.ts';

const db = connectTestDatabase(60_000);
const spoolDir = mkdtempSync(join(tmpdir(), 'atlas-spool-'));
const app = authApp(db, { importBatches: { commitRows: 2_500, leaseMs: 5_000, spoolDir } });
/** The uploads kept for jobs: none once every job has ended, and none for a refused file. */
const spooled = () => readdirSync(spoolDir);
const FILE = largeFile(3_000, 'api-job');
const TOTAL = 1 + 3_001 + 3_000;

beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, 'jobs-analyst', 'analyst');
  await createTestUser(db, 'jobs-other', 'analyst');
  await createTestUser(db, 'jobs-viewer', 'viewer');
  await createTestUser(db, 'jobs-admin', 'admin');
}, 120_000);
afterAll(async () => {
  await db.close();
  rmSync(spoolDir, { recursive: true, force: true });
});

/** Polls the job through `agent` until `done(job)`. */
async function follow(agent: TestAgent, id: string, done: (job: ImportJob) => boolean): Promise<ImportJob> {
  for (let i = 0; ; i++) {
    const job = importJob.parse((await agent.get(`/api/imports/${id}`).expect(200)).body);
    if (done(job)) return job;
    if (i > 1_200) throw new Error(`gave up on ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codeOf = (body: unknown) => errorBody.parse(body).error.code;

describe('import jobs over HTTP', { timeout: 240_000 }, () => {
  it('a large upload answers 202 with its job; the job is followed to its end, listed, and rolled back by its owner only', async () => {
    const before = await graphFingerprint(db);
    const analyst = await signedIn(app, 'jobs-analyst');
    const started = await analyst
      .post('/api/import?name=generated.json')
      .set('Prefer', 'respond-async')
      .send(FILE)
      .expect(202);
    expect(started.headers['preference-applied']).toBe('respond-async');
    const job = importJob.parse(started.body);
    expect(started.headers.location).toBe(`/api/imports/${job.id}`);
    expect(job).toMatchObject({ status: 'running', total: TOTAL, by: 'jobs-analyst', fileName: 'generated.json' });

    const ended = await follow(analyst, job.id, (j) => j.status !== 'running');
    expect(ended).toMatchObject({ status: 'done', done: TOTAL, interrupted: false });
    const listed = (await analyst.get('/api/imports').expect(200)).body as { jobs: ImportJob[] };
    expect(listed.jobs[0]?.id).toBe(job.id);
    expect(codeOf((await analyst.post(`/api/imports/${job.id}/resume`).expect(409)).body)).toBe(
      'IMPORT_NOT_INTERRUPTED',
    );

    const other = await signedIn(app, 'jobs-other');
    expect(codeOf((await other.post(`/api/imports/${job.id}/rollback`).expect(403)).body)).toBe('FORBIDDEN');
    const rolling = await analyst.post(`/api/imports/${job.id}/rollback`).expect(202);
    expect(importJob.parse(rolling.body).status).toBe('rollingBack');
    const undone = await follow(analyst, job.id, (j) => j.status === 'rolledBack');
    expect(undone.kept).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
    expect(spooled()).toEqual([]);
    expect(codeOf((await analyst.post(`/api/imports/${job.id}/rollback`).expect(409)).body)).toBe('IMPORT_ROLLED_BACK');
  });

  it('without Prefer: respond-async, the same upload is answered when it is written, with its job', async () => {
    const admin = await signedIn(app, 'jobs-admin');
    const summary = importResponse.parse((await admin.post('/api/import').send(FILE).expect(200)).body);
    expect(summary.job).toMatch(/^imp-/);
    expect(summary.changes.relationshipsCreated).toBe(3_000);
    // An admin rolls back anyone's import.
    await admin.post(`/api/imports/${summary.job}/rollback`).expect(202);
    await follow(admin, summary.job!, (j) => j.status === 'rolledBack');
  });

  it('a small upload with Prefer: respond-async is answered 200 when written (one transaction, no job)', async () => {
    const analyst = await signedIn(app, 'jobs-analyst');
    const small = largeFile(3, 'api-small');
    const summary = importResponse.parse(
      (await analyst.post('/api/import').set('Prefer', 'respond-async').send(small).expect(200)).body,
    );
    expect(summary.job).toBeUndefined();
    expect(summary.changes.nodesCreated).toBe(5); // four brigades and their source
  });

  it('keeps no upload of a large file refused for conflicting with the database', async () => {
    const analyst = await signedIn(app, 'jobs-analyst');
    const clash = largeFile(3_000, 'api-clash');
    clash.relationships[2_999]!.id = 'jaysh-al-nasr'; // a faction's id in the seed
    const refused = await analyst.post('/api/import').set('Prefer', 'respond-async').send(clash).expect(409);
    expect(codeOf(refused.body)).toBe('IMPORT_CONFLICT');
    expect(spooled()).toEqual([]);
  });

  it('refuses viewers, ids that are not job ids, and unknown jobs', async () => {
    const viewer = await signedIn(app, 'jobs-viewer');
    expect(codeOf((await viewer.get('/api/imports').expect(403)).body)).toBe('FORBIDDEN');
    const analyst = await signedIn(app, 'jobs-analyst');
    const notAnId = (await analyst.get('/api/imports/not%20a%20job').expect(400)).body;
    expect(codeOf(notAnId)).toBe('BAD_REQUEST');
    // The message names what was wrong, in the URL, not a body that was never sent.
    expect(notAnId.error.message).toBe('Invalid import job id: is not an import job id');
    expect(codeOf((await analyst.get('/api/imports/imp-000000-000000').expect(404)).body)).toBe('IMPORT_JOB_NOT_FOUND');
    expect(codeOf((await analyst.post('/api/imports/imp-000000-000000/rollback').expect(404)).body)).toBe(
      'IMPORT_JOB_NOT_FOUND',
    );
  });
});
