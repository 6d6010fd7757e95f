/**
 * Investigations, create to bin: CRUD through the API on the real Neo4j, the list and its search, the
 * soft delete with undelete and the purge 30 days after, optimistic concurrency (a stale save is 409 and
 * loses nothing; two saves from one version at once: exactly one wins, the loser writes nothing), bad
 * bodies named by field, and the investigation routes' own body limit.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { errorBody } from '../../contract/api.ts';
import { investigationSummary, revisionList } from '../../contract/investigation.ts';
import { createApp } from '../../server/app.ts';
import { seededApp } from '../support/fixtures.ts';
import {
  createThrough,
  documentOf,
  drawnNeighbourhood,
  getThrough,
  listThrough,
  saveThrough,
} from '../support/investigations.ts';

const { db, app } = seededApp();

// biome-ignore lint/suspicious/noExplicitAny: a document spoiled one field at a time, wherever the field is
type Loose = Record<string, any>;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('creating and reading', () => {
  it('creates one from a title alone at version 1, with an empty view and snapshot', async () => {
    const created = await createThrough(app, { title: '  Empty start  ' });
    expect(created).toMatchObject({ title: 'Empty start', description: '', version: 1, deletedAt: null });
    expect(created).toMatchObject({ nodes: 0, edges: 0, notes: 0, annotations: [], queries: [] });
    expect(created.view.recipe.added).toEqual([]);
    expect(created.snapshot).toMatchObject({ nodes: [], edges: [], sources: [] });
    expect(await getThrough(app, created.id)).toEqual(created);
  });

  it('keeps the whole document, and the snapshot with the sources its elements cite, as read now', async () => {
    const drawn = await drawnNeighbourhood(app);
    const document = documentOf(drawn);
    const created = await createThrough(app, document);
    const read = await getThrough(app, created.id);
    expect(read).toEqual(created);
    expect(read.view).toEqual(document.view);
    expect(read.annotations).toEqual(document.annotations);
    expect(read.queries).toEqual(document.queries);
    expect(read.snapshot.nodes).toEqual(drawn.nodes);
    expect(read.snapshot.edges).toEqual(drawn.edges);
    expect(read).toMatchObject({ nodes: drawn.nodes.length, edges: drawn.edges.length, notes: 1 });
    const cited = new Set([...drawn.nodes, ...drawn.edges].flatMap((e) => e.sources as string[]));
    expect(read.snapshot.sources.map((s) => s.id).sort()).toEqual([...cited].sort());
    expect(read.snapshot.sources.find((s) => s.id === 'ref-4')?.publisher).toBe('Jamestown Foundation');
  });

  it('answers 404 INVESTIGATION_NOT_FOUND for an unknown id and 400 for one that is no uuid', async () => {
    const missing = await request(app).get(`/api/investigations/${UNKNOWN}`).expect(404);
    expect(errorBody.parse(missing.body).error.code).toBe('INVESTIGATION_NOT_FOUND');
    const bad = await request(app).get('/api/investigations/not-a-uuid').expect(400);
    expect(bad.body.error.message).toMatch(/\bid\b/);
    await request(app)
      .put(`/api/investigations/${UNKNOWN}`)
      .send(documentOf({ nodes: [], edges: [] }))
      .expect(400);
    const put = await saveThrough(app, UNKNOWN, documentOf({ nodes: [], edges: [] }), 1).expect(404);
    expect(put.body.error.code).toBe('INVESTIGATION_NOT_FOUND');
  });

  it.each([
    ['view.recipe.asOf', (d: Loose) => (d.view.recipe.asOf = '2015-13-45')],
    ['title', (d: Loose) => (d.title = '   ')],
    ['view.recipe.layout', (d: Loose) => (d.view.recipe.layout = 'spiral')],
    ['annotations[0].text', (d: Loose) => (d.annotations[0].text = '')],
    ['snapshot.nodes[0].label', (d: Loose) => (d.snapshot.nodes[0].label = 'Investigation')],
  ])('refuses a save whose %s is wrong with 400 naming it, and writes nothing', async (field, spoil) => {
    const created = await createThrough(app, documentOf(await drawnNeighbourhood(app), 'To spoil'));
    const document = structuredClone(documentOf(await drawnNeighbourhood(app), 'Spoilt')) as Loose;
    spoil(document);
    const response = await saveThrough(app, created.id, document, 1).expect(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
    expect(response.body.error.message).toContain(field);
    expect(await getThrough(app, created.id)).toEqual(created);
  });
});

describe('saving', () => {
  it('saves a new version over the one it started from, and the list shows it', async () => {
    const drawn = await drawnNeighbourhood(app);
    const created = await createThrough(app, documentOf(drawn, 'Before saving'));
    const next = { ...documentOf(drawn, 'After saving'), description: 'Edited' };
    const response = await saveThrough(app, created.id, next, 1).expect(200);
    expect(response.body).toMatchObject({ id: created.id, version: 2, title: 'After saving', description: 'Edited' });
    expect(response.body.createdAt).toBe(created.createdAt);
    expect(await getThrough(app, created.id)).toEqual(response.body);
    const listed = (await listThrough(app)).find((i) => i.id === created.id);
    expect(listed).toEqual(investigationSummary.parse({ ...response.body }));
  });

  it('refuses a stale version with 409 VERSION_CONFLICT naming the current one, and loses nothing', async () => {
    const drawn = await drawnNeighbourhood(app);
    const created = await createThrough(app, documentOf(drawn, 'Shared'));
    await saveThrough(app, created.id, documentOf(drawn, 'Saved by Amal'), 1).expect(200);
    const amal = await getThrough(app, created.id);
    const stale = await saveThrough(app, created.id, documentOf({ nodes: [], edges: [] }, 'Saved by Basil'), 1);
    expect(stale.status).toBe(409);
    expect(errorBody.parse(stale.body).error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.message).toMatch(/current version is 2\b/);
    expect(await getThrough(app, created.id)).toEqual(amal);
    const revisions = await request(app).get(`/api/investigations/${created.id}/revisions`).expect(200);
    expect(revisionList.parse(revisions.body).revisions.map((r) => r.n)).toEqual([2, 1]);
  });

  it('lets exactly one of two saves from the same version win, round after round; the loser writes nothing', async () => {
    const drawn = await drawnNeighbourhood(app);
    const created = await createThrough(app, documentOf(drawn, 'Raced'));
    let version = 1;
    for (let round = 1; round <= 6; round++) {
      const titles = [`Round ${round} by A`, `Round ${round} by B`];
      const responses = await Promise.all(
        titles.map((t) => saveThrough(app, created.id, documentOf(drawn, t), version)),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(responses.map((r) => r.body.error))).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      const loser = responses.find((r) => r.status === 409)!;
      expect(loser.body.error.code).toBe('VERSION_CONFLICT');
      version += 1;
      expect(winner.body.version).toBe(version);
      const now = await getThrough(app, created.id);
      expect(now.title).toBe(winner.body.title);
      expect(now.version).toBe(version);
    }
    const revisions = await request(app).get(`/api/investigations/${created.id}/revisions`).expect(200);
    expect(revisionList.parse(revisions.body).revisions.map((r) => r.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const stored = await db.runAdmin('MATCH (r:InvestigationRevision {investigationId: $id}) RETURN count(r) AS n', {
      id: created.id,
    });
    expect(stored).toEqual([{ n: 7 }]);
    // The lock leaves nothing behind on the stored node.
    const held = await db.runAdmin('MATCH (i:Investigation {id: $id}) RETURN i.held AS held', { id: created.id });
    expect(held).toEqual([{ held: null }]);
  });
});

describe('the list', () => {
  it('searches titles and descriptions in any case, most recently saved first', async () => {
    const a = await createThrough(app, { title: 'Hama offensive 2016', description: 'TOW missiles' });
    const b = await createThrough(app, { title: 'Murak headquarters', description: 'attacked by Jund al-Aqsa' });
    expect((await listThrough(app, { q: 'hama' })).map((i) => i.id)).toEqual([a.id]);
    expect((await listThrough(app, { q: 'JUND AL' })).map((i) => i.id)).toEqual([b.id]);
    expect(await listThrough(app, { q: 'nothing like this' })).toEqual([]);
    const all = (await listThrough(app)).map((i) => i.id);
    expect(all.indexOf(b.id)).toBeLessThan(all.indexOf(a.id));
  });
});

describe('the bin', () => {
  it('hides a deleted one (404 to GET, PUT and its revisions), lists it in the bin, and undeletes it as it was', async () => {
    const created = await createThrough(app, documentOf(await drawnNeighbourhood(app), 'Binned'));
    const deleted = await request(app).delete(`/api/investigations/${created.id}`).expect(200);
    expect(investigationSummary.parse(deleted.body).deletedAt).not.toBeNull();
    for (const path of ['', '/revisions', '/revisions/1', '/export', '/changes']) {
      const response = await request(app).get(`/api/investigations/${created.id}${path}`).expect(404);
      expect(response.body.error.code, path).toBe('INVESTIGATION_NOT_FOUND');
    }
    await saveThrough(app, created.id, documentOf({ nodes: [], edges: [] }), 1).expect(404);
    await request(app).delete(`/api/investigations/${created.id}`).expect(404);
    expect((await listThrough(app)).map((i) => i.id)).not.toContain(created.id);
    expect((await listThrough(app, { deleted: 'true' })).map((i) => i.id)).toContain(created.id);

    const back = await request(app).post(`/api/investigations/${created.id}/undelete`).expect(200);
    expect(back.body).toMatchObject({ id: created.id, deletedAt: null, version: 1 });
    expect(await getThrough(app, created.id)).toEqual(created);
    expect((await listThrough(app, { deleted: 'true' })).map((i) => i.id)).not.toContain(created.id);
  });

  it('purges, with every revision, what was deleted more than 30 days ago when the bin is listed', async () => {
    const old = await createThrough(app, { title: 'Deleted 31 days ago' });
    const recent = await createThrough(app, { title: 'Deleted 29 days ago' });
    await saveThrough(app, old.id, documentOf({ nodes: [], edges: [] }, 'Deleted 31 days ago'), 1).expect(200);
    for (const { id } of [old, recent]) await request(app).delete(`/api/investigations/${id}`).expect(200);
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
    await db.runAdmin('MATCH (i:Investigation {id: $id}) SET i.deletedAt = $at', { id: old.id, at: daysAgo(31) });
    await db.runAdmin('MATCH (i:Investigation {id: $id}) SET i.deletedAt = $at', { id: recent.id, at: daysAgo(29) });

    const bin = (await listThrough(app, { deleted: 'true' })).map((i) => i.id);
    expect(bin).toContain(recent.id);
    expect(bin).not.toContain(old.id);
    const left = await db.runAdmin(
      'OPTIONAL MATCH (i:Investigation {id: $id}) OPTIONAL MATCH (r:InvestigationRevision {investigationId: $id}) RETURN count(i) AS i, count(r) AS r',
      { id: old.id },
    );
    expect(left).toEqual([{ i: 0, r: 0 }]);
    await request(app).post(`/api/investigations/${old.id}/undelete`).expect(404);
    await request(app).post(`/api/investigations/${recent.id}/undelete`).expect(200);
  });
});

describe('body size', () => {
  /** A snapshot of `count` nodes with long descriptions: a save of several MB. */
  const bigSnapshot = (count: number) => ({
    nodes: Array.from({ length: count }, (_, i) => ({
      id: `synthetic-${i}`,
      label: 'Faction',
      name: `Synthetic faction ${i}`,
      description: 'x'.repeat(700),
      sources: [],
    })),
    edges: [],
  });

  it('takes a save of several MB, past JSON_MAX_BYTES (1 MiB), on the investigation routes', async () => {
    const created = await createThrough(app, { title: 'Large' });
    const document = { ...documentOf({ nodes: [], edges: [] }, 'Large'), snapshot: bigSnapshot(4000) };
    expect(JSON.stringify(document).length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await saveThrough(app, created.id, document, 1);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    expect((await getThrough(app, created.id)).snapshot.nodes).toHaveLength(4000);
  });

  it('answers 413 naming INVESTIGATION_MAX_BYTES past it, and other routes keep JSON_MAX_BYTES', async () => {
    const small = createApp({
      db,
      logger: pino({ level: 'silent' }),
      requestLimits: { investigationMaxBytes: 64 * 1024 },
    });
    const document = { ...documentOf({ nodes: [], edges: [] }, 'Too large'), snapshot: bigSnapshot(200) };
    const response = await request(small).post('/api/investigations').send(document).expect(413);
    expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(response.body.error.message).toContain('INVESTIGATION_MAX_BYTES');
    const ids = Array.from({ length: 60_000 }, (_, i) => `node-${i}-${'y'.repeat(10)}`);
    const other = await request(app).post('/api/relationships/among').send({ ids });
    expect(other.status).toBe(413);
    expect(other.body.error.message).toContain('JSON_MAX_BYTES');
  });
});

describe('the API document', () => {
  it('lists every investigation route', async () => {
    const response = await request(app).get('/api/openapi.json').expect(200);
    const paths = Object.keys(response.body.paths);
    for (const path of [
      '/api/investigations',
      '/api/investigations/import',
      '/api/investigations/{id}',
      '/api/investigations/{id}/undelete',
      '/api/investigations/{id}/revisions',
      '/api/investigations/{id}/revisions/{n}',
      '/api/investigations/{id}/restore/{n}',
      '/api/investigations/{id}/changes',
      '/api/investigations/{id}/export',
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(response.body.paths['/api/investigations/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
  });
});
