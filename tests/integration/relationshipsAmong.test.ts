/**
 * Relationships among drawn nodes: POST /api/relationships/among answers every relationship whose both
 * ends are among the given ids (optionally of some types, holding on a day), once each, from one query
 * that seeks every id in the unique index instead of scanning relationships. Expectations come from the
 * seed file and the contract's valid-time rule.
 */
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { errorBody, relationshipsAmongResponse } from '../../contract/api.ts';
import { cypher } from '../../server/db/cypher.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { seed, seedRelationshipsAmong } from '../support/seedValidTime.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const JAN = 'jaysh-al-nasr';
/** Jaysh al-Nasr and everything the seed links it to: a view an analyst might have drawn. */
const drawn = [
  ...new Set(
    seed.relationships.filter((r) => r.source === JAN || r.target === JAN).flatMap((r) => [r.source, r.target]),
  ),
];

async function among(body: object) {
  const response = await request(app).post('/api/relationships/among').send(body).expect(200);
  return relationshipsAmongResponse.parse(response.body).edges.map((e) => e.data);
}
const sortedIds = (edges: Array<{ id: string }>) => edges.map((e) => e.id).sort();

describe('POST /api/relationships/among', () => {
  it('answers every relationship whose both ends are among the ids, once each, with ends and sources', async () => {
    const edges = await among({ ids: drawn });
    expect(sortedIds(edges)).toEqual(sortedIds(seedRelationshipsAmong(drawn)));
    // More than Jaysh al-Nasr's own links: those between the nodes around it too.
    expect(edges.some((e) => e.source !== JAN && e.target !== JAN)).toBe(true);
    for (const e of edges) {
      const imported = seed.relationships.find((r) => r.id === e.id);
      expect(e).toMatchObject({ source: imported?.source, target: imported?.target, type: imported?.type });
      expect(e.sources).toEqual(imported?.sources);
    }
  });

  it('links nodes only when both ends are among the ids', async () => {
    const edges = await among({ ids: ['jund-al-aqsa', 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun'] });
    expect(edges).toHaveLength(5); // five sources, five claims of one killing
    expect(await among({ ids: ['jund-al-aqsa'] })).toEqual([]);
  });

  it('as of a day answers only the relationships that hold that day by valid time', async () => {
    for (const asOf of ['2014-06-30', '2015-10-15', '2017-02-14', '2018-06-30']) {
      expect(sortedIds(await among({ ids: drawn, asOf })), asOf).toEqual(
        sortedIds(seedRelationshipsAmong(drawn, asOf)),
      );
    }
    // Before Jaysh al-Nasr was founded (August 2015), none of its links held, not even the undated ones.
    const early = await among({ ids: drawn, asOf: '2014-06-30' });
    expect(early.filter((e) => e.source === JAN || e.target === JAN)).toEqual([]);
  });

  it('keeps only the relationship types asked for', async () => {
    const edges = await among({ ids: drawn, types: ['MERGED_INTO', 'LED_BY'] });
    expect(sortedIds(edges)).toEqual(
      sortedIds(seedRelationshipsAmong(drawn).filter((r) => r.type === 'MERGED_INTO' || r.type === 'LED_BY')),
    );
    expect(new Set(edges.map((e) => e.type))).toEqual(new Set(['MERGED_INTO', 'LED_BY']));
  });

  it('ignores ids that are not there and answers a repeated id once', async () => {
    const edges = await among({ ids: [...drawn, ...drawn, 'no-such-node'] });
    expect(sortedIds(edges)).toEqual(sortedIds(seedRelationshipsAmong(drawn)));
  });

  it('takes a whole view of 20 000 ids in one request', async () => {
    const ids = [...drawn, ...Array.from({ length: 20_000 - drawn.length }, (_, i) => `not-drawn-${i}`)];
    expect(sortedIds(await among({ ids }))).toEqual(sortedIds(seedRelationshipsAmong(drawn)));
  });

  it.each([
    ['no ids', { ids: [] }],
    ['more than 20 000 ids', { ids: Array.from({ length: 20_001 }, (_, i) => `n-${i}`) }],
    ['an unknown type', { ids: [JAN], types: ['KNOWS'] }],
    ['a type written as Cypher', { ids: [JAN], types: ['LED_BY]-() DETACH DELETE n //'] }],
    ['an impossible date', { ids: [JAN], asOf: '2018-02-30' }],
    ['a partial date', { ids: [JAN], asOf: '2018-06' }],
    ['ids that are not a list', { ids: JAN }],
    ['an unknown field', { ids: [JAN], depth: 2 }],
  ])('answers 400 with a JSON error for %s', async (_what, body) => {
    const response = await request(app).post('/api/relationships/among').send(body).expect(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/body/);
  });

  it('answers 400 for a request without a JSON body', async () => {
    const response = await request(app).post('/api/relationships/among').expect(400);
    expect(errorBody.parse(response.body).error.code).toBe('BAD_REQUEST');
  });
});

describe('the relationships-among query plan', () => {
  // A scan of every relationship (or of every node) would cost the whole graph per request, however few
  // nodes are drawn; an index seek per id and an expansion from it costs what the drawn nodes touch.
  it.each([
    ['no filters', { types: null, asOf: null }],
    ['a type and a date', { types: ['FOUGHT', 'MEMBER_OF'], asOf: '2018-06-01' }],
  ])('seeks each id in the unique index and expands from it, with %s', async (_what, filters) => {
    const { uri, user, password } = inject('neo4j');
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    const session = driver.session();
    try {
      const result = await session.run(`PROFILE ${cypher('relationshipsAmong')}`, {
        ids: drawn,
        knownUntil: null,
        ...filters,
      });
      type Plan = { operatorType: string; children: Plan[] };
      const operators = (plan: Plan): string[] => [plan.operatorType, ...plan.children.flatMap(operators)];
      const used = operators(result.summary.profile as unknown as Plan).join(' ');
      expect(used, used).toContain('NodeUniqueIndexSeek');
      expect(used, used).toMatch(/Expand\(All\)/);
      expect(used, used).not.toMatch(
        /Scan|CartesianProduct|HashJoin|RelationshipIndexSeek|RelationshipIndexContainsScan/,
      );
    } finally {
      await session.close();
      await driver.close();
    }
  });
});
