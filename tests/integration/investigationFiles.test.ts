/**
 * Investigation files: an export imports back as a new investigation equal to the original but for its
 * id, version and times (the snapshot as it was taken, sources and time included); broken files are
 * refused with 400 naming what is wrong, and create nothing.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { INVESTIGATION_FORMAT, type Investigation, investigationFile } from '../../contract/investigation.ts';
import { seededApp } from '../support/fixtures.ts';
import {
  createThrough,
  documentOf,
  drawnNeighbourhood,
  getThrough,
  listThrough,
  saveThrough,
} from '../support/investigations.ts';

const { app } = seededApp();

// biome-ignore lint/suspicious/noExplicitAny: a file spoiled one field at a time, wherever the field is
type Loose = Record<string, any>;

async function exported(id: string) {
  const response = await request(app).get(`/api/investigations/${id}/export`).expect(200);
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?investigation-[\w-]+\.json"?$/);
  return investigationFile.parse(response.body);
}

/** What must survive a round trip: all but id, version and the times the server keeps. */
const content = ({ id, version, createdAt, updatedAt, ...rest }: Investigation) => rest;

describe('export and import', () => {
  it('round-trips: the import equals the original but for id, version and times', async () => {
    const drawn = await drawnNeighbourhood(app);
    const original = await createThrough(app, documentOf(drawn, 'To be exported'));
    const saved = (await saveThrough(app, original.id, documentOf(drawn, 'Exported at version 2'), 1).expect(200))
      .body as Investigation;
    const file = await exported(original.id);
    expect(file).toMatchObject({ format: INVESTIGATION_FORMAT, formatVersion: 1 });
    expect(file.investigation.snapshot).toEqual(saved.snapshot);

    const response = await request(app).post('/api/investigations/import').send(file);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(201);
    const imported = await getThrough(app, response.body.id);
    expect(imported.id).not.toBe(original.id);
    expect(imported.version).toBe(1);
    expect(content(imported)).toEqual(content(saved));
    expect(imported.snapshot.takenAt).toBe(saved.snapshot.takenAt);

    const again = await exported(imported.id);
    expect({ ...again, exported: null }).toEqual({ ...file, exported: null });
  });

  const valid = async () => exported((await createThrough(app, documentOf(await drawnNeighbourhood(app)))).id);

  it.each([
    ['format', (f: Loose) => (f.format = 'faction-atlas-view')],
    ['formatVersion', (f: Loose) => (f.formatVersion = 2)],
    ['investigation', (f: Loose) => delete f.investigation],
    ['investigation.view.recipe.asOf', (f: Loose) => (f.investigation.view.recipe.asOf = '2017-02-30')],
    ['investigation.snapshot.takenAt', (f: Loose) => (f.investigation.snapshot.takenAt = 'yesterday')],
    ['investigation.queries[0].rows', (f: Loose) => (f.investigation.queries[0].rows = -1)],
    ['investigation: Unrecognized key: "extra"', (f: Loose) => (f.investigation.extra = true)],
  ])('refuses a file whose %s is wrong with 400 naming it, creating nothing', async (field, spoil) => {
    const file = structuredClone(await valid()) as Loose;
    spoil(file);
    const before = (await listThrough(app)).length;
    const response = await request(app).post('/api/investigations/import').send(file).expect(400);
    expect(errorBody.parse(response.body).error.code).toBe('BAD_REQUEST');
    expect(response.body.error.message).toContain(field);
    expect(await listThrough(app)).toHaveLength(before);
  });

  it('refuses a file that is not JSON with 400 INVALID_JSON, and one that is not an object', async () => {
    const before = (await listThrough(app)).length;
    const broken = await request(app)
      .post('/api/investigations/import')
      .set('content-type', 'application/json')
      .send('{"format": "faction-atlas-investigation", "investigation": {')
      .expect(400);
    expect(broken.body.error.code).toBe('INVALID_JSON');
    const list = await request(app).post('/api/investigations/import').send([1, 2, 3]).expect(400);
    expect(list.body.error.code).toBe('BAD_REQUEST');
    expect(await listThrough(app)).toHaveLength(before);
  });

  it('answers 404 to the export of an investigation there is not', async () => {
    const response = await request(app).get('/api/investigations/00000000-0000-4000-8000-000000000000/export');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('INVESTIGATION_NOT_FOUND');
  });
});
