/** Shortest paths between two nodes and a faction's merger lineage, against the seeded database. */
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../server/db/cypher.ts';
import { lineageResponse, pathsResponse } from '../../contract/api.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

describe('GET /api/paths', () => {
  it('finds how the 111th Regiment links to the National Front for Liberation, edge by edge', async () => {
    const res = await request(app).get('/api/paths?from=111th-regiment&to=national-front-for-liberation');
    expect(res.status).toBe(200);
    const body = pathsResponse.parse(res.body);
    expect(body.paths.length).toBeGreaterThan(0);
    const nodeIds = new Set(body.nodes.map((n) => n.data.id));
    const edgeIds = new Set(body.edges.map((e) => e.data.id));
    for (const path of body.paths) {
      expect(path.nodes[0]).toBe('111th-regiment');
      expect(path.nodes.at(-1)).toBe('national-front-for-liberation');
      expect(path.steps).toHaveLength(path.nodes.length - 1);
      expect(path.edges).toEqual(path.steps.flat());
      for (const id of path.nodes) expect(nodeIds).toContain(id);
      for (const id of path.edges) expect(edgeIds).toContain(id);
    }
    // All shortest routes have the same, minimal length, and no route comes twice.
    expect(new Set(body.paths.map((p) => p.steps.length)).size).toBe(1);
    expect(new Set(body.paths.map((p) => p.nodes.join(' '))).size).toBe(body.paths.length);
  });

  it('groups the parallel links between two nodes into one step: the 111th Regiment was member, then merged', async () => {
    const body = pathsResponse.parse(
      (await request(app).get('/api/paths?from=111th-regiment&to=jaysh-al-nasr&maxLength=1')).body,
    );
    expect(body.paths).toEqual([
      {
        nodes: ['111th-regiment', 'jaysh-al-nasr'],
        steps: [['111th-regiment-member-of-jaysh-al-nasr', '111th-regiment-merged-into-jaysh-al-nasr'].sort()],
        edges: ['111th-regiment-member-of-jaysh-al-nasr', '111th-regiment-merged-into-jaysh-al-nasr'].sort(),
      },
    ]);
    expect(body.truncated).toBe(false);
  });

  it('as of a date uses only links that held then', async () => {
    const all = pathsResponse.parse(
      (await request(app).get('/api/paths?from=111th-regiment&to=jaysh-al-nasr&maxLength=1')).body,
    );
    expect(all.paths.length).toBeGreaterThan(0);
    const june2018 = pathsResponse.parse(
      (await request(app).get('/api/paths?from=111th-regiment&to=jaysh-al-nasr&maxLength=1&asOf=2018-06-01')).body,
    );
    expect(june2018.paths).toHaveLength(0);
  });

  it('keeps to the relationship types asked for', async () => {
    const res = await request(app).get('/api/paths?from=jaysh-al-nasr&to=muhammad-mansour&types=LED_BY');
    const body = pathsResponse.parse(res.body);
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect(e.data.type).toBe('LED_BY');
  });

  it.each([
    ['from=jaysh-al-nasr', 400],
    ['from=jaysh-al-nasr&to=jaysh-al-nasr', 400],
    ['from=jaysh-al-nasr&to=111th-regiment&maxLength=0', 400],
    ['from=jaysh-al-nasr&to=111th-regiment&maxLength=7', 400],
    ['from=jaysh-al-nasr&to=111th-regiment&asOf=2018-02-30', 400],
    ['from=jaysh-al-nasr&to=111th-regiment&types=KNOWS', 400],
    ['from=jaysh-al-nasr&to=no-such-faction', 404],
  ])('refuses %s with %i and a JSON error', async (qs, status) => {
    const res = await request(app).get(`/api/paths?${qs}`);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toMatch(/BAD_REQUEST|NOT_FOUND/);
    expect(res.body.error.message).toBeTruthy();
  });
});

describe('the shortest-path query plan', () => {
  // A predicate on the whole path inside the MATCH makes Neo4j fall back to trying every path
  // (AntiConditionalApply over VarLengthExpand): seconds on a few thousand factions instead of milliseconds.
  it('searches breadth-first only, with no exhaustive fallback', async () => {
    const { uri, user, password } = inject('neo4j');
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    const session = driver.session();
    try {
      const result = await session.run(`EXPLAIN ${cypher('shortestPaths')}`, {
        from: 'jaysh-al-nasr',
        to: 'turkey',
        maxLength: neo4j.int(4),
        types: null,
        asOf: '2018-06-01',
        limit: neo4j.int(10),
      });
      type Plan = { operatorType: string; children: Plan[] };
      const operators = (plan: Plan): string[] => [plan.operatorType, ...plan.children.flatMap(operators)];
      const used = operators(result.summary.plan as unknown as Plan).join(' ');
      expect(used).toContain('ShortestPath');
      expect(used).not.toMatch(/AntiConditionalApply|VarLengthExpand/);
    } finally {
      await session.close();
      await driver.close();
    }
  });
});

describe('GET /api/lineage/:id', () => {
  it("draws Jaysh al-Nasr's genealogy: who merged into it, when some left, what it joined", async () => {
    const res = await request(app).get('/api/lineage/jaysh-al-nasr');
    expect(res.status).toBe(200);
    const body = lineageResponse.parse(res.body);
    expect(body.root).toBe('jaysh-al-nasr');
    const ids = body.nodes.map((n) => n.data.id);
    expect(ids).toEqual(
      expect.arrayContaining(['falcons-of-al-ghab', '111th-regiment', 'national-front-for-liberation']),
    );
    // Genealogy, not the whole network: no people, no events.
    for (const n of body.nodes) expect(n.data.label).toBe('Faction');
    for (const e of body.edges) expect(['MERGED_INTO', 'MEMBER_OF']).toContain(e.data.type);

    const left = body.events.find((e) => e.node === '111th-regiment' && e.kind === 'split');
    expect(left?.date).toBe('2018-02-09');
    const dates = body.events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('as of June 2018 leaves out the groups that had left', async () => {
    const body = lineageResponse.parse((await request(app).get('/api/lineage/jaysh-al-nasr?asOf=2018-06-01')).body);
    const ids = body.nodes.map((n) => n.data.id);
    expect(ids).toContain('falcons-of-al-ghab');
    expect(ids).not.toContain('salvation-front');
  });

  it('answers 404 for an unknown faction and for a node that is no faction', async () => {
    expect((await request(app).get('/api/lineage/no-such-faction')).status).toBe(404);
    const person = await request(app).get('/api/lineage/muhammad-mansour');
    expect(person.status).toBe(404);
    expect(person.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a depth out of range', async () => {
    expect((await request(app).get('/api/lineage/jaysh-al-nasr?depth=9')).status).toBe(400);
  });
});
