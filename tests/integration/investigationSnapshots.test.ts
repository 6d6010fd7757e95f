/**
 * Snapshots: a save keeps the elements as the analyst saw them, with the sources they cite as those
 * read then. After the data changes (a file imported through the API edits a node, a link and a
 * source and adds a link; a node is deleted), the investigation still shows the old picture, and its
 * changes name what was removed, edited (field by field) and added, element by element. Saving the
 * current data (the refresh) leaves nothing changed.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Investigation, snapshotChanges } from '../../contract/investigation.ts';
import { importFile } from '../../contract/importFile.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import {
  createThrough,
  documentOf,
  drawnNeighbourhood,
  getThrough,
  NASR,
  saveThrough,
} from '../support/investigations.ts';

const db = connectTestDatabase();
const app = testApp(db);
const seed = importFile.parse(readSeed());
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const EDITED_EDGE = 'jaysh-al-nasr-member-of-free-syrian-army';
const REMOVED_NODE = 'murak';
const ADDED_EDGE = 'jaysh-al-nasr-fought-fatah-halab-test';

async function changes(id: string) {
  const response = await request(app).get(`/api/investigations/${id}/changes`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return snapshotChanges.parse(response.body);
}

let saved: Investigation;
let drawn: Awaited<ReturnType<typeof drawnNeighbourhood>>;

beforeAll(async () => {
  drawn = await drawnNeighbourhood(app);
  saved = await createThrough(app, documentOf(drawn, 'Before the changes'));
});

describe('the snapshot and what changed since', () => {
  it('reports nothing changed while the database is as it was drawn', async () => {
    expect(await changes(saved.id)).toEqual({
      takenAt: saved.snapshot.takenAt,
      added: { edges: [] },
      removed: [],
      edited: [],
    });
  });

  it('names removed, edited and added elements after the data changed, and keeps the old picture', async () => {
    const node = seed.nodes.find((n) => n.id === NASR)!;
    const edge = seed.relationships.find((r) => r.id === EDITED_EDGE)!;
    const source = seed.sources.find((s) => s.id === 'ref-4')!;
    expect(drawn.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([NASR, REMOVED_NODE, 'fatah-halab']));
    const changed = {
      sources: [{ ...source, title: 'Commanding the coalition (corrected title)' }],
      nodes: [{ ...node, description: 'Rewritten after new reporting' }],
      relationships: [
        { ...edge, description: 'Affiliation confirmed' },
        { id: ADDED_EDGE, type: 'FOUGHT', source: NASR, target: 'fatah-halab', from: '2016', sources: ['ref-4'] },
      ],
    };
    const imported = await request(app).post('/api/import').send(changed);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await db.runAdmin('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: REMOVED_NODE });

    const found = await changes(saved.id);
    expect(found.takenAt).toBe(saved.snapshot.takenAt);
    const goneEdges = drawn.edges.filter((e) => e.source === REMOVED_NODE || e.target === REMOVED_NODE);
    expect(goneEdges.length).toBeGreaterThan(0);
    expect(found.removed).toEqual([
      { id: REMOVED_NODE, kind: 'node' },
      ...goneEdges.map((e) => ({ id: e.id, kind: 'edge' })),
    ]);
    expect(found.edited).toEqual([
      {
        id: NASR,
        kind: 'node',
        fields: [{ field: 'description', before: node.description, after: 'Rewritten after new reporting' }],
      },
      {
        id: EDITED_EDGE,
        kind: 'edge',
        fields: [{ field: 'description', before: edge.description ?? null, after: 'Affiliation confirmed' }],
      },
      {
        id: 'ref-4',
        kind: 'source',
        fields: [{ field: 'title', before: source.title, after: 'Commanding the coalition (corrected title)' }],
      },
    ]);
    expect(found.added.edges.map((e) => e.id)).toEqual([ADDED_EDGE]);
    expect(found.added.edges[0]).toMatchObject({ source: NASR, target: 'fatah-halab', type: 'FOUGHT' });

    // Reopened, it is still the picture as it was saved.
    const reopened = await getThrough(app, saved.id);
    expect(reopened).toEqual(saved);
    expect(reopened.snapshot.nodes.find((n) => n.id === NASR)?.description).toBe(node.description);
    expect(reopened.snapshot.nodes.map((n) => n.id)).toContain(REMOVED_NODE);
    expect(reopened.snapshot.sources.find((s) => s.id === 'ref-4')?.title).toBe(source.title);
  });

  it('leaves out added links the view hid by type, or holding outside its date', async () => {
    const document = documentOf(drawn, 'FOUGHT hidden');
    const hidden = {
      ...document,
      view: { ...document.view!, recipe: { ...document.view!.recipe, hiddenTypes: ['FOUGHT'] } },
    };
    const investigation = await createThrough(app, hidden);
    expect((await changes(investigation.id)).added.edges).toEqual([]);
    const dated = {
      ...document,
      view: { ...document.view!, recipe: { ...document.view!.recipe, asOf: '2015-01-01' } },
    };
    expect((await changes((await createThrough(app, dated)).id)).added.edges).toEqual([]);
  });

  it('shows nothing changed once the current data is saved over it (the refresh)', async () => {
    const now = await drawnNeighbourhood(app);
    const refreshed = await saveThrough(app, saved.id, documentOf(now, 'Refreshed'), 1).expect(200);
    expect(refreshed.body.snapshot.sources.find((s: { id: string }) => s.id === 'ref-4')?.title).toBe(
      'Commanding the coalition (corrected title)',
    );
    const found = await changes(saved.id);
    expect(found).toEqual({ takenAt: refreshed.body.snapshot.takenAt, added: { edges: [] }, removed: [], edited: [] });
  });
});
