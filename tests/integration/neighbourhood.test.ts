/**
 * The neighbourhood: GET /api/nodes/:id/neighbors answers the nodes around a node and every
 * relationship among them as Cytoscape.js elements, by depth, relationship type, neighbour label and
 * date (asOf), capped by `limit`. Expectations come from the seed file and the contract's valid-time
 * rule (tests/support/seedValidTime.ts), so the Cypher is checked against the rule it applies.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, errorBody, type Elements } from '../../contract/api.ts';
import { importGraph } from '../../server/services/importer.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { holdsInSeed, seed, seedRelationshipsAmong } from '../support/seedValidTime.ts';

const db = connectTestDatabase();
const app = testApp(db);
const JAN = 'jaysh-al-nasr';
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

async function neighbours(id: string, query: Record<string, string | number> = {}): Promise<Elements> {
  const response = await request(app).get(`/api/nodes/${id}/neighbors`).query(query).expect(200);
  const body = elements.parse(response.body);
  expectWellFormed(body);
  return body;
}

/** Cytoscape refuses an edge whose end is not a node, and duplicates. */
function expectWellFormed(body: Elements) {
  const nodeIds = body.nodes.map((n) => n.data.id);
  expect(new Set(nodeIds).size).toBe(nodeIds.length);
  const edgeIds = body.edges.map((e) => e.data.id);
  expect(new Set(edgeIds).size).toBe(edgeIds.length);
  for (const { data } of body.edges) {
    expect(nodeIds, `${data.id} source`).toContain(data.source);
    expect(nodeIds, `${data.id} target`).toContain(data.target);
  }
}

const nodeIds = (body: Elements) => body.nodes.map((n) => n.data.id).sort();
const edgeIds = (body: Elements) => body.edges.map((e) => e.data.id).sort();
const edge = (body: Elements, type: string, source: string, target: string) =>
  body.edges.find((e) => e.data.type === type && e.data.source === source && e.data.target === target)?.data;

/** The seed's relationships touching any of `ids`, optionally those that hold on `asOf`. */
function seedRelationshipsOf(ids: Set<string>, asOf?: string) {
  return seed.relationships.filter((r) => (ids.has(r.source) || ids.has(r.target)) && holdsInSeed(r, asOf));
}
/** The ids of the seed's relationships among the nodes an answer holds: what a complete answer shows. */
const expectedAmong = (body: Elements, asOf?: string) =>
  seedRelationshipsAmong(nodeIds(body), asOf)
    .map((r) => r.id)
    .sort();
const labelOf = (id: string) => seed.nodes.find((n) => n.id === id)?.label;

describe('GET /api/nodes/:id/neighbors', () => {
  it('answers the start node, its neighbours and every relationship among them, with dates and sources', async () => {
    const body = await neighbours(JAN);
    expect(body.truncated).toBe(false);
    expect(body.nodes.find((n) => n.data.id === JAN)?.data).toMatchObject({ label: 'Faction', name: 'Jaysh al-Nasr' });
    const own = seedRelationshipsOf(new Set([JAN]));
    expect(nodeIds(body)).toEqual([...new Set(own.flatMap((r) => [r.source, r.target]))].sort());
    expect(edgeIds(body)).toEqual(expectedAmong(body));
    for (const { data } of body.edges) {
      const imported = seed.relationships.find((r) => r.id === data.id);
      expect(data.from).toBe(imported?.from ?? null);
      expect(data.to).toBe(imported?.to ?? null);
      expect(data.sources).toEqual(imported?.sources);
      expect(data.sources.length).toBeGreaterThan(0);
    }
  });

  it('shows the mergers, the leader, the fight with Jund al-Aqsa and the NFL membership', async () => {
    const body = await neighbours(JAN);
    for (const group of [
      'falcons-of-al-ghab',
      '111th-regiment',
      'salvation-front',
      'liwa-ahrar-darayya',
      'uwais-al-qarni-battalion',
    ]) {
      expect(edge(body, 'MERGED_INTO', group, JAN), `${group} merged into`).toBeDefined();
    }
    expect(edge(body, 'MERGED_INTO', '111th-regiment', JAN)).toMatchObject({ from: '2015-10', to: '2018-02-09' });
    expect(edge(body, 'LED_BY', JAN, 'muhammad-mansour')).toBeDefined();
    expect(edge(body, 'FOUGHT', 'jund-al-aqsa', JAN)).toMatchObject({ from: '2017-02-07', to: '2017-02-14' });
    expect(edge(body, 'MEMBER_OF', JAN, 'national-front-for-liberation')).toMatchObject({ from: '2018-05', to: null });
  });

  it('as of 2018-06-01: the 111th Regiment has left (until 2018-02-09), the Falcons stay, the NFL membership holds', async () => {
    const body = await neighbours(JAN, { asOf: '2018-06-01' });
    expect(edge(body, 'MERGED_INTO', '111th-regiment', JAN)).toBeUndefined();
    expect(nodeIds(body)).not.toContain('111th-regiment');
    expect(edge(body, 'MERGED_INTO', 'falcons-of-al-ghab', JAN)).toBeDefined();
    expect(edge(body, 'MEMBER_OF', JAN, 'national-front-for-liberation')).toBeDefined();
  });

  it('as of 2016-01-01: no NFL membership yet, the 111th Regiment still merged in', async () => {
    const body = await neighbours(JAN, { asOf: '2016-01-01' });
    expect(edge(body, 'MEMBER_OF', JAN, 'national-front-for-liberation')).toBeUndefined();
    expect(edge(body, 'MERGED_INTO', '111th-regiment', JAN)).toBeDefined();
  });

  it.each([
    '2015-08-01',
    '2015-10-31',
    '2015-11-01',
    '2016-12-31',
    '2017-02-14',
    '2018-02-09',
    '2018-02-10',
    '2018-05-01',
    '2019-05-31',
    '2019-06-01',
  ])('as of %s answers exactly the neighbours and relationships that hold that day by valid time', async (asOf) => {
    const body = await neighbours(JAN, { asOf });
    const own = seedRelationshipsOf(new Set([JAN]), asOf);
    expect(nodeIds(body)).toEqual([...new Set([JAN, ...own.flatMap((r) => [r.source, r.target])])].sort());
    expect(edgeIds(body)).toEqual(expectedAmong(body, asOf));
  });

  it('keeps only the relationship types asked for', async () => {
    const ledBy = await neighbours(JAN, { types: 'LED_BY' });
    expect(ledBy.edges.map((e) => e.data.type)).toEqual(['LED_BY']);
    expect(nodeIds(ledBy)).toEqual([JAN, 'muhammad-mansour'].sort());

    const two = await neighbours(JAN, { types: 'LED_BY,FOUGHT' });
    expect(new Set(two.edges.map((e) => e.data.type))).toEqual(new Set(['LED_BY', 'FOUGHT']));
  });

  it('treats an empty filter (types=, labels=) as no filter', async () => {
    const all = await neighbours(JAN, {});
    const empty = await neighbours(JAN, { types: '', labels: '' });
    expect(nodeIds(empty)).toEqual(nodeIds(all));
    expect(empty.edges.length).toBe(all.edges.length);
  });

  it('keeps only neighbours with the labels asked for', async () => {
    const persons = await neighbours(JAN, { labels: 'Person' });
    const expected = seedRelationshipsOf(new Set([JAN]))
      .map((r) => (r.source === JAN ? r.target : r.source))
      .filter((id) => labelOf(id) === 'Person');
    expect(nodeIds(persons)).toEqual([JAN, ...new Set(expected)].sort());
    expect(nodeIds(persons)).toContain('muhammad-mansour');
    for (const { data } of persons.nodes) if (data.id !== JAN) expect(data.label).toBe('Person');
    expect(edgeIds(persons)).toEqual(expectedAmong(persons));
  });

  it('reaches further at depth 2 than at depth 1: every node within two steps, every relationship among them', async () => {
    const one = await neighbours(JAN, { depth: 1 });
    const two = await neighbours(JAN, { depth: 2 });
    const ring1 = new Set(nodeIds(one));
    expect(nodeIds(two).length).toBeGreaterThan(ring1.size);
    expect(nodeIds(two)).toContain('sham-legion'); // via the 111th Regiment and the NFL, not directly
    expect(ring1.has('sham-legion')).toBe(false);
    const reached = seedRelationshipsOf(ring1);
    expect(nodeIds(two)).toEqual([...new Set(reached.flatMap((r) => [r.source, r.target]))].sort());
    expect(edgeIds(two)).toEqual(expectedAmong(two));
  });

  it('combines depth, type and date: as of 2018-06-01, two MERGED_INTO/MEMBER_OF steps', async () => {
    const body = await neighbours(JAN, { depth: 2, types: 'MERGED_INTO,MEMBER_OF', asOf: '2018-06-01' });
    const typed = (ids: Set<string>) =>
      seedRelationshipsOf(ids, '2018-06-01').filter((r) => r.type === 'MERGED_INTO' || r.type === 'MEMBER_OF');
    const ring1 = new Set([JAN, ...typed(new Set([JAN])).flatMap((r) => [r.source, r.target])]);
    const reached = new Set([...ring1, ...typed(ring1).flatMap((r) => [r.source, r.target])]);
    expect(nodeIds(body)).toEqual([...reached].sort());
    const among = seedRelationshipsAmong(reached, '2018-06-01').filter((r) =>
      ['MERGED_INTO', 'MEMBER_OF'].includes(r.type),
    );
    expect(edgeIds(body)).toEqual(among.map((r) => r.id).sort());
  });

  it('caps the nodes at `limit` and says the answer is truncated', async () => {
    const body = await neighbours(JAN, { limit: 3 });
    expect(body.nodes).toHaveLength(3);
    expect(body.truncated).toBe(true);
    expect(nodeIds(body)).toContain(JAN);
    expect(body.edges.length).toBeGreaterThan(0);
  });

  it('is not truncated when the limit holds everything exactly', async () => {
    const all = await neighbours(JAN);
    const exact = await neighbours(JAN, { limit: all.nodes.length });
    expect(exact.truncated).toBe(false);
    expect(nodeIds(exact)).toEqual(nodeIds(all));
  });

  it('answers a node with no relationships as itself alone', async () => {
    const body = await neighbours('ref-1');
    expect(nodeIds(body)).toEqual(['ref-1']);
    expect(body.edges).toEqual([]);
  });

  it('is complete: relationships between two neighbours show too, not only those the search walked along', async () => {
    const body = await neighbours(JAN);
    const walked = seedRelationshipsOf(new Set([JAN])).length;
    expect(body.edges.length).toBeGreaterThan(walked);
    // Both ends are neighbours of Jaysh al-Nasr: Jund al-Aqsa and the killing of its prisoners, five claims.
    const claims = body.edges.filter(
      (e) =>
        e.data.source === 'jund-al-aqsa' && e.data.target === 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun',
    );
    expect(claims).toHaveLength(5);
  });

  it('is complete: expanding an operations room shows two of its members fighting each other', async () => {
    await importGraph(db, {
      sources: [{ id: 'room-test-source', name: 'A test source', title: null }],
      nodes: [
        {
          label: 'Faction',
          id: 'room-test-room',
          name: 'Test Room',
          kind: 'operations room',
          sources: ['room-test-source'],
        },
        { label: 'Faction', id: 'room-test-b', name: 'Test B', kind: 'armed group', sources: ['room-test-source'] },
        { label: 'Faction', id: 'room-test-c', name: 'Test C', kind: 'armed group', sources: ['room-test-source'] },
      ],
      relationships: [
        {
          id: 'room-test-b-in-room',
          type: 'MEMBER_OF',
          source: 'room-test-b',
          target: 'room-test-room',
          sources: ['room-test-source'],
        },
        {
          id: 'room-test-c-in-room',
          type: 'MEMBER_OF',
          source: 'room-test-c',
          target: 'room-test-room',
          sources: ['room-test-source'],
        },
        {
          id: 'room-test-b-fought-c',
          type: 'FOUGHT',
          source: 'room-test-b',
          target: 'room-test-c',
          sources: ['room-test-source'],
        },
      ],
    });
    const body = await neighbours('room-test-room');
    expect(nodeIds(body)).toEqual(['room-test-b', 'room-test-c', 'room-test-room']);
    expect(edgeIds(body)).toEqual(['room-test-b-fought-c', 'room-test-b-in-room', 'room-test-c-in-room']);
    // The links among the nodes pass the same filters: only MEMBER_OF asked for, no fight.
    expect(edgeIds(await neighbours('room-test-room', { types: 'MEMBER_OF' }))).not.toContain('room-test-b-fought-c');
  });

  it('as of 2014-06-30, before Jaysh al-Nasr was founded (August 2015), shows none of its links, dated or not', async () => {
    const undated = seedRelationshipsOf(new Set([JAN])).filter((r) => !r.from);
    expect(undated.length).toBeGreaterThan(0);
    const body = await neighbours(JAN, { asOf: '2014-06-30', depth: 2 });
    expect(nodeIds(body)).toEqual([JAN]);
    expect(body.edges).toEqual([]);
  });

  it('as of 2018-06-30 the 14 February 2017 killing claims and their event do not show; on the day they do', async () => {
    const event = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
    const later = await neighbours(JAN, { asOf: '2018-06-30', depth: 2 });
    expect(nodeIds(later)).not.toContain(event);
    expect(later.edges.filter((e) => e.data.target === event)).toEqual([]);
    const onTheDay = await neighbours(JAN, { asOf: '2017-02-14', depth: 2 });
    expect(nodeIds(onTheDay)).toContain(event);
    expect(onTheDay.edges.filter((e) => e.data.source === 'jund-al-aqsa' && e.data.target === event)).toHaveLength(5);
  });

  it.each([
    ['depth', '0'],
    ['depth', '4'],
    ['depth', 'x'],
    ['limit', '0'],
    ['limit', '1001'],
    ['asOf', '2018-13-01'],
    ['asOf', '2018-02-30'],
    ['asOf', 'June'],
    ['asOf', '2018-06'],
    ['types', 'NOT_A_TYPE'],
    ['types', 'LED_BY,NOT_A_TYPE'],
    ['types', 'LED_BY`]-() DETACH DELETE n //'],
    ['labels', 'Nope'],
    ['labels', 'Source'],
  ])('answers 400 with a JSON error naming %s for %j', async (name, value) => {
    const response = await request(app)
      .get(`/api/nodes/${JAN}/neighbors`)
      .query({ [name]: value })
      .expect(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(name);
  });

  it('answers 404 with a JSON error for an id that is not there', async () => {
    const response = await request(app).get('/api/nodes/no-such-faction/neighbors').expect(404);
    expect(errorBody.parse(response.body).error.code).toBe('NOT_FOUND');
  });
});
