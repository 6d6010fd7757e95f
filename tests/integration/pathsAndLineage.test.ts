/** Shortest paths between two nodes and a faction's merger lineage, against the seeded database. */
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../server/db/cypher.ts';
import { lineageResponse, pathsResponse } from '../../contract/api.ts';
import { compareChronologically } from '../../contract/validTime.ts';
import { importGraph } from '../../server/services/importer.ts';
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
        knownUntil: null,
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
  });

  it('lists changes in time order as an analyst reads partial dates: "2015" never before "August 2015"', async () => {
    const { events } = lineageResponse.parse((await request(app).get('/api/lineage/jaysh-al-nasr')).body);
    for (const [i, event] of events.entries()) {
      if (i > 0) expect(compareChronologically(events[i - 1]?.date, event.date), event.date).toBeLessThanOrEqual(0);
    }
    const at = (kind: string, node: string, date: string) =>
      events.findIndex((e) => e.kind === kind && e.node === node && e.date === date);
    // Founded in August 2015, joined Fatah Halab some time in 2015 (not known to be earlier).
    expect(at('founded', 'jaysh-al-nasr', '2015-08')).toBeGreaterThanOrEqual(0);
    expect(at('joined', 'jaysh-al-nasr', '2015')).toBeGreaterThan(at('founded', 'jaysh-al-nasr', '2015-08'));
    expect(at('joined', 'jaysh-al-nasr', '2015')).toBeGreaterThan(at('merged', 'falcons-of-al-ghab', '2015-10'));
  });

  it("reads the end of a membership at the member's merger as absorbed, not left", async () => {
    const { events } = lineageResponse.parse((await request(app).get('/api/lineage/jaysh-al-nasr')).body);
    // The founding groups of the operations room were members until they merged into it in October 2015.
    for (const group of ['falcons-of-al-ghab', '111th-regiment', 'salvation-front']) {
      const ended = events.filter((e) => e.edge === `${group}-member-of-jaysh-al-nasr` && e.date === '2015-10');
      expect(ended, group).toEqual([expect.objectContaining({ kind: 'absorbed', node: group })]);
    }
    // Leaving Fatah Halab (2016) was no merger.
    expect(events.find((e) => e.edge === 'jaysh-al-nasr-member-of-fatah-halab' && e.date === '2016')?.kind).toBe(
      'left',
    );
  });

  it('reads absorption at the precision given, also when the merger is into a faction outside the lineage', async () => {
    await importGraph(db, {
      sources: [{ id: 'lineage-test-source', name: 'A test source', title: null }],
      nodes: ['lineage-test-room', 'lineage-test-m', 'lineage-test-n', 'lineage-test-z'].map((id) => ({
        label: 'Faction' as const,
        id,
        name: id,
        kind: id.endsWith('room') ? ('operations room' as const) : ('armed group' as const),
        sources: ['lineage-test-source'],
      })),
      relationships: [
        ['lineage-test-m-in-room', 'MEMBER_OF', 'lineage-test-m', 'lineage-test-room', '2016-01', '2017-03-15'],
        ['lineage-test-m-into-z', 'MERGED_INTO', 'lineage-test-m', 'lineage-test-z', '2017-03', undefined],
        ['lineage-test-n-in-room', 'MEMBER_OF', 'lineage-test-n', 'lineage-test-room', '2016-01', '2017-05'],
        ['lineage-test-n-into-z', 'MERGED_INTO', 'lineage-test-n', 'lineage-test-z', '2017-04', undefined],
      ].map(([id, type, source, target, from, to]) => ({
        id: id as string,
        type: type as 'MEMBER_OF' | 'MERGED_INTO',
        source: source as string,
        target: target as string,
        from,
        ...(to ? { to } : {}),
        sources: ['lineage-test-source'],
      })),
    });
    const { events } = lineageResponse.parse((await request(app).get('/api/lineage/lineage-test-room?depth=1')).body);
    const endOf = (edge: string) => events.find((e) => e.edge === edge && e.kind !== 'joined');
    // M left on 15 March 2017 and merged into Z in March 2017: the same month, at the precision given.
    expect(endOf('lineage-test-m-in-room')).toMatchObject({ kind: 'absorbed', date: '2017-03-15' });
    // N left in May 2017, a month after its merger into Z in April: no absorption.
    expect(endOf('lineage-test-n-in-room')).toMatchObject({ kind: 'left', date: '2017-05' });
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
