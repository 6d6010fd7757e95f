/**
 * Shortest paths as distinct routes: GET /api/paths groups paths that differ only in which of several
 * parallel relationships they take, so a link with five claims is one step listing five relationships,
 * and `limit` counts routes: an equally short other route is never crowded out by parallel claims, and
 * `truncated` says when a route of the same length was left out. Proven on a small network imported
 * through the import service.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PathsResponse, pathsResponse } from '../../contract/api.ts';
import type { z } from 'zod';
import type { importFile } from '../../contract/importFile.ts';
import { importGraph } from '../../server/services/importer.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
afterAll(() => db.close());

/** An import file as written (defaults not yet filled in). */
type ImportInput = z.input<typeof importFile>;

const SOURCE = 'route-test-source';
const faction = (id: string) => ({
  label: 'Faction' as const,
  id,
  name: id,
  kind: 'armed group' as const,
  sources: [SOURCE],
});
const fought = (id: string, source: string, target: string, from?: string, to?: string) => ({
  id,
  type: 'FOUGHT' as const,
  source,
  target,
  sources: [SOURCE],
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

/**
 * A to B in two steps, two ways: through X, where five sources each state the fight with A (three of
 * them in 2016 only, two from 2017), and through Y, with one relationship per step.
 */
const network: ImportInput = {
  sources: [{ id: SOURCE, name: 'A test source', title: null }],
  nodes: ['route-a', 'route-b', 'route-x', 'route-y'].map(faction),
  relationships: [
    fought('route-a-x-1', 'route-a', 'route-x', '2016', '2016'),
    fought('route-a-x-2', 'route-a', 'route-x', '2016', '2016'),
    fought('route-a-x-3', 'route-a', 'route-x', '2016', '2016'),
    fought('route-a-x-4', 'route-a', 'route-x', '2017'),
    fought('route-a-x-5', 'route-a', 'route-x', '2017'),
    fought('route-x-b', 'route-x', 'route-b'),
    fought('route-a-y', 'route-a', 'route-y'),
    fought('route-y-b', 'route-y', 'route-b'),
  ],
};
/** A third route of the same length, through Z. */
const third: ImportInput = {
  sources: [],
  nodes: [faction('route-z')],
  relationships: [fought('route-a-z', 'route-a', 'route-z'), fought('route-z-b', 'route-z', 'route-b')],
};

beforeAll(async () => {
  await freshSeededDatabase(db);
  await importGraph(db, network);
});

async function paths(query: Record<string, string | number>): Promise<PathsResponse> {
  const response = await request(app)
    .get('/api/paths')
    .query({ from: 'route-a', to: 'route-b', ...query });
  expect(response.status).toBe(200);
  return pathsResponse.parse(response.body);
}
const routes = (body: PathsResponse) => body.paths.map((p) => p.nodes.join(' '));

describe('GET /api/paths answers distinct routes', () => {
  it('keeps an equally short route that parallel claims would crowd out, and lists the parallel claims as one step', async () => {
    const body = await paths({ limit: 2 });
    expect(routes(body)).toEqual(['route-a route-x route-b', 'route-a route-y route-b']);
    expect(body.truncated).toBe(false);
    const [viaX, viaY] = body.paths;
    expect(viaX?.steps).toEqual([
      ['route-a-x-1', 'route-a-x-2', 'route-a-x-3', 'route-a-x-4', 'route-a-x-5'],
      ['route-x-b'],
    ]);
    expect(viaX?.edges).toEqual(viaX?.steps.flat());
    expect(viaY?.steps).toEqual([['route-a-y'], ['route-y-b']]);
    // Every node and relationship of the routes is in the elements, once.
    expect(body.nodes.map((n) => n.data.id).sort()).toEqual(['route-a', 'route-b', 'route-x', 'route-y']);
    expect(body.edges).toHaveLength(8);
  });

  it('as of a day lists in each step only the claims that hold that day', async () => {
    const in2016 = await paths({ asOf: '2016-06-01' });
    expect(in2016.paths[0]?.steps[0]).toEqual(['route-a-x-1', 'route-a-x-2', 'route-a-x-3']);
    const in2018 = await paths({ asOf: '2018-06-01' });
    expect(in2018.paths[0]?.steps[0]).toEqual(['route-a-x-4', 'route-a-x-5']);
    expect(in2018.edges.map((e) => e.data.id)).not.toContain('route-a-x-1');
  });

  it('one route when the limit is one, truncated: the other route of the same length was left out', async () => {
    const body = await paths({ limit: 1 });
    expect(body.paths).toHaveLength(1);
    expect(body.truncated).toBe(true);
    const kept = new Set(body.paths[0]?.nodes);
    for (const n of body.nodes) expect(kept).toContain(n.data.id);
  });

  it('says it is truncated when a third equally short route is cut by the limit, and not when the limit holds it', async () => {
    await importGraph(db, third);
    const two = await paths({ limit: 2 });
    expect(two.paths).toHaveLength(2);
    expect(two.truncated).toBe(true);
    const three = await paths({ limit: 3 });
    expect(routes(three).sort()).toEqual([
      'route-a route-x route-b',
      'route-a route-y route-b',
      'route-a route-z route-b',
    ]);
    expect(three.truncated).toBe(false);
  });
});
