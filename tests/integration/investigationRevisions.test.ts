/**
 * Revisions of an investigation: every save keeps one; they are listed newest first, opened read-only
 * as they were saved, and restored; a restore is itself a new revision (restoredFrom names the old one)
 * and overwrites nothing; a restore from a stale version is 409 and writes nothing.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorBody, type NodeData } from '../../contract/api.ts';
import { type Investigation, revision, revisionList } from '../../contract/investigation.ts';
import { seededApp } from '../support/fixtures.ts';
import { createThrough, documentOf, drawnNeighbourhood, getThrough, saveThrough } from '../support/investigations.ts';

const { app } = seededApp();

let first: Investigation;
let second: Investigation;
let third: Investigation;
let drawn: Awaited<ReturnType<typeof drawnNeighbourhood>>;

async function revisions(id: string) {
  const response = await request(app).get(`/api/investigations/${id}/revisions`).expect(200);
  return revisionList.parse(response.body).revisions;
}

async function openRevision(id: string, n: number) {
  const response = await request(app).get(`/api/investigations/${id}/revisions/${n}`).expect(200);
  return revision.parse(response.body);
}

beforeAll(async () => {
  drawn = await drawnNeighbourhood(app);
  first = await createThrough(app, documentOf(drawn, 'First draft'));
  const fewer = { nodes: drawn.nodes.slice(0, 2) as NodeData[], edges: [] };
  second = (await saveThrough(app, first.id, documentOf(fewer, 'Second draft'), 1).expect(200)).body;
  const noted = { ...documentOf(drawn, 'Third draft'), annotations: [] };
  third = (await saveThrough(app, first.id, noted, 2).expect(200)).body;
});

describe('revisions', () => {
  it('lists one per save, newest first, with title, counts and time', async () => {
    const list = await revisions(first.id);
    expect(list.map((r) => [r.n, r.title, r.nodes, r.edges, r.notes, r.restoredFrom])).toEqual([
      [3, 'Third draft', drawn.nodes.length, drawn.edges.length, 0, null],
      [2, 'Second draft', 2, 0, 1, null],
      [1, 'First draft', drawn.nodes.length, drawn.edges.length, 1, null],
    ]);
    expect(list.map((r) => r.savedAt)).toEqual([third.updatedAt, second.updatedAt, first.updatedAt]);
  });

  it('opens an old revision read-only, as it was saved, without changing the current one', async () => {
    const old = await openRevision(first.id, 2);
    expect(old).toMatchObject({ id: first.id, n: 2, title: 'Second draft', nodes: 2, edges: 0, restoredFrom: null });
    expect(old.view).toEqual(second.view);
    expect(old.snapshot).toEqual(second.snapshot);
    expect(old.annotations).toEqual(second.annotations);
    expect(await getThrough(app, first.id)).toEqual(third);
  });

  it('answers 404 REVISION_NOT_FOUND for a revision it never had, 400 for one that is no number', async () => {
    const response = await request(app).get(`/api/investigations/${first.id}/revisions/9`).expect(404);
    expect(errorBody.parse(response.body).error.code).toBe('REVISION_NOT_FOUND');
    const restore = await request(app).post(`/api/investigations/${first.id}/restore/9`).send({}).expect(404);
    expect(restore.body.error.code).toBe('REVISION_NOT_FOUND');
    await request(app).get(`/api/investigations/${first.id}/revisions/0`).expect(400);
    await request(app).get(`/api/investigations/${first.id}/revisions/two`).expect(400);
  });

  it('restores an old revision as a new one, which says what it restored, and keeps every other', async () => {
    const response = await request(app).post(`/api/investigations/${first.id}/restore/1`).send({ version: 3 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const restored = response.body as Investigation;
    expect(restored).toMatchObject({ version: 4, title: 'First draft', nodes: first.nodes, notes: 1 });
    expect(restored.view).toEqual(first.view);
    expect(restored.snapshot).toEqual(first.snapshot);
    expect(await getThrough(app, first.id)).toEqual(restored);
    const list = await revisions(first.id);
    expect(list.map((r) => [r.n, r.restoredFrom])).toEqual([
      [4, 1],
      [3, null],
      [2, null],
      [1, null],
    ]);
    expect((await openRevision(first.id, 3)).title).toBe('Third draft');
  });

  it('refuses a restore from a stale version with 409 VERSION_CONFLICT and writes nothing', async () => {
    const before = await getThrough(app, first.id);
    const response = await request(app).post(`/api/investigations/${first.id}/restore/2`).send({ version: 3 });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(response.body.error.message).toMatch(/current version is 4\b/);
    expect(await getThrough(app, first.id)).toEqual(before);
    expect((await revisions(first.id)).map((r) => r.n)).toEqual([4, 3, 2, 1]);
  });

  it('restores without a version too (the latest wins), and a save then starts from the restore', async () => {
    const response = await request(app).post(`/api/investigations/${first.id}/restore/2`).expect(200);
    expect(response.body).toMatchObject({ version: 5, title: 'Second draft' });
    await saveThrough(app, first.id, documentOf(drawn, 'After the restore'), 5).expect(200);
    expect((await revisions(first.id)).map((r) => [r.n, r.restoredFrom])[0]).toEqual([6, null]);
  });
});
