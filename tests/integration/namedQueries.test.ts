/**
 * Named queries: GET /api/queries lists the questions kept in cypher/queries/ with their typed
 * parameters; POST /api/queries/:name answers each one against the seed with what the article says,
 * fills in defaults, and refuses a bad parameter with a 400 naming it, an unknown query with a 404.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { cypherResponse, namedQueryList, type CypherResponse, type NamedQueryParam } from '../../contract/console.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
let seeded: string;
beforeAll(async () => {
  await freshSeededDatabase(db);
  seeded = await fingerprint(db);
});
afterAll(async () => {
  // Named queries only read.
  expect(await fingerprint(db)).toBe(seeded);
  await db.close();
});

async function ask(name: string, params: Record<string, unknown> = {}) {
  const response = await request(app).post(`/api/queries/${name}`).send({ params }).expect(200);
  return cypherResponse.parse(response.body);
}

/** Rows as objects keyed by column, for reading. */
const records = (result: CypherResponse) =>
  result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));

const edges = (result: CypherResponse) =>
  result.graph.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);

const EXPECTED = [
  'coalitionMembersAsOf',
  'factionLeaders',
  'factsCitingSource',
  'foughtCoalitionMembers',
  'linkedToEvent',
  'mergerLineage',
  'mostConnectedFactions',
  'sharedCoalitions',
];

describe('GET /api/queries', () => {
  it('lists every named query with a title, a description, its Cypher and typed parameters', async () => {
    const response = await request(app).get('/api/queries').expect(200);
    const { queries } = namedQueryList.parse(response.body);
    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining(EXPECTED));
    for (const query of queries) {
      expect(query.title.length, query.name).toBeGreaterThan(5);
      expect(query.description.length, query.name).toBeGreaterThan(20);
      expect(query.cypher, query.name).not.toMatch(/^\/\/ @/m);
      for (const param of query.params)
        expect(query.cypher, `${query.name} uses $${param.name}`).toContain(`$${param.name}`);
    }
    const lineage = queries.find((q) => q.name === 'mergerLineage');
    expect(lineage?.params).toEqual([
      expect.objectContaining({ name: 'faction', type: 'id', required: false, default: 'jaysh-al-nasr' }),
      expect.objectContaining({ name: 'depth', type: 'integer', default: 3, min: 1, max: 5 }),
    ]);
  });
});

describe('POST /api/queries/:name answers from the seed', () => {
  it('mergerLineage: the groups that merged into Jaysh al-Nasr, when, and when some left', async () => {
    const result = await ask('mergerLineage', { faction: 'jaysh-al-nasr', depth: 2 });
    const byId = new Map(records(result).map((r) => [r.id, r]));
    expect(byId.get('falcons-of-al-ghab')).toMatchObject({ relation: 'merged into it', merged: '2015-10', left: null });
    expect(byId.get('111th-regiment')).toMatchObject({ merged: '2015-10', left: '2018-02-09' });
    expect(byId.get('uwais-al-qarni-battalion')).toMatchObject({ merged: '2017-01-06', sources: ['ref-2'] });
    expect(edges(result)).toContain('falcons-of-al-ghab MERGED_INTO jaysh-al-nasr');

    const upward = await ask('mergerLineage', { faction: 'falcons-of-al-ghab' });
    expect(records(upward)).toEqual([expect.objectContaining({ relation: 'it merged into', id: 'jaysh-al-nasr' })]);
  });

  it('factionLeaders: who led a faction, in what role and from when, with sources', async () => {
    const nasr = records(await ask('factionLeaders', { faction: 'jaysh-al-nasr' }));
    expect(nasr).toEqual([
      expect.objectContaining({
        id: 'muhammad-mansour',
        role: 'commander',
        from: '2015-10',
        to: null,
        sources: ['ref-4', 'ref-11'],
      }),
    ]);
    const front = records(await ask('factionLeaders', { faction: 'national-front-for-liberation' }));
    expect(front).toEqual([
      expect.objectContaining({ id: 'muhammad-mansour', role: 'chief of staff', from: '2018-05-28' }),
    ]);
  });

  it('coalitionMembersAsOf: members of the National Front for Liberation on a day, by their intervals', async () => {
    const members = async (asOf: string) =>
      records(await ask('coalitionMembersAsOf', { coalition: 'national-front-for-liberation', asOf })).map((r) => r.id);
    const january2019 = await ask('coalitionMembersAsOf', {
      coalition: 'national-front-for-liberation',
      asOf: '2019-01-07',
    });
    expect(records(january2019)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'jaysh-al-nasr', via: null, from: '2018-05' }),
        expect.objectContaining({ id: 'sham-legion-northern-hama-branch', via: null, from: '2019-01-07' }),
      ]),
    );
    // Jaysh al-Nasr joined in May 2018. The 111th Regiment was in the Sham Legion's northern Hama branch
    // until it was expelled on 2019-01-06, the day before the branch joined: never a member through it.
    expect(await members('2018-04-30')).toEqual([]);
    expect(await members('2018-05-01')).toEqual(['jaysh-al-nasr']);
    expect(await members('2019-01-06')).toEqual(['jaysh-al-nasr']);
    expect(await members('2019-01-07')).not.toContain('111th-regiment');
  });

  it('coalitionMembersAsOf reads stored valid time: an undated membership holds only while its member exists', async () => {
    const members = async (asOf: string) =>
      records(await ask('coalitionMembersAsOf', { coalition: 'north-hama-countryside-operations-room', asOf })).map(
        (r) => r.id,
      );
    // Every membership of the room is undated; Jaysh al-Nasr was founded in August 2015.
    expect(await members('2016-01-01')).toContain('jaysh-al-nasr');
    const before = await members('2014-06-30');
    expect(before).not.toContain('jaysh-al-nasr');
    expect(before).toContain('sham-legion');
  });

  it('foughtCoalitionMembers: who fought members of the National Front for Liberation', async () => {
    const result = await ask('foughtCoalitionMembers', { coalition: 'national-front-for-liberation' });
    const rows = records(result);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'jund-al-aqsa',
          memberId: 'jaysh-al-nasr',
          from: '2017-02-07',
          to: '2017-02-14',
        }),
        expect.objectContaining({ id: 'syrian-arab-army', memberId: 'jaysh-al-nasr', from: '2015-08' }),
      ]),
    );
    expect(rows.map((r) => r.id)).not.toContain('national-front-for-liberation');
    expect(edges(result)).toContain('jund-al-aqsa FOUGHT jaysh-al-nasr');
  });

  it('sharedCoalitions: the coalitions two factions were both in, and whether together', async () => {
    const rows = records(await ask('sharedCoalitions', { first: 'jaysh-al-nasr', second: 'sham-legion' }));
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'north-hama-countryside-operations-room',
        together: true,
        firstSources: ['ref-13'],
      }),
    ]);
    const front = records(
      await ask('sharedCoalitions', { first: 'jaysh-al-nasr', second: 'sham-legion-northern-hama-branch' }),
    );
    expect(front).toEqual([
      expect.objectContaining({
        id: 'national-front-for-liberation',
        firstFrom: '2018-05',
        secondFrom: '2019-01-07',
        together: true,
        firstSources: ['ref-11'],
        secondSources: ['ref-24'],
      }),
    ]);
    expect(records(await ask('sharedCoalitions', { first: '111th-regiment', second: 'jaysh-al-nasr' }))).toEqual([]);
  });

  it('mostConnectedFactions: Jaysh al-Nasr first, fewer links when counted as of an early day', async () => {
    const allTime = records(await ask('mostConnectedFactions', { limit: 3 }));
    expect(allTime).toHaveLength(3);
    expect(allTime[0]).toMatchObject({ id: 'jaysh-al-nasr' });
    const counts = allTime.map((r) => r.neighbours as number);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const early = records(await ask('mostConnectedFactions', { limit: 3, asOf: '2016-01-01' }));
    expect(early[0]).toMatchObject({ id: 'jaysh-al-nasr' });
    expect(early[0]!.neighbours as number).toBeLessThan(allTime[0]!.neighbours as number);
  });

  it('mostConnectedFactions as of a day counts no link of Jaysh al-Nasr before it was founded (August 2015)', async () => {
    const rows = records(await ask('mostConnectedFactions', { limit: 100, asOf: '2014-06-30' }));
    expect(rows.find((r) => r.id === 'jaysh-al-nasr')).toMatchObject({ neighbours: 0, links: 0 });
    const founded = records(await ask('mostConnectedFactions', { limit: 100, asOf: '2015-08-01' }));
    expect(founded.find((r) => r.id === 'jaysh-al-nasr')?.links as number).toBeGreaterThan(0);
  });

  it('linkedToEvent: everyone linked to the killing of Jaysh al-Nasr prisoners, in what role', async () => {
    const event = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
    const rows = records(await ask('linkedToEvent', { event }));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'jund-al-aqsa', relationship: 'FOUGHT', role: 'perpetrator' }),
        expect.objectContaining({
          id: 'jaysh-al-nasr',
          relationship: 'PARTICIPATED_IN',
          role: 'victims: its captured members',
        }),
        expect.objectContaining({ id: 'jaysh-al-izza', relationship: 'PARTICIPATED_IN' }),
      ]),
    );
    // Each source's account of Jund al-Aqsa's part is its own relationship, so each is listed.
    const perpetratorSources = rows.filter((r) => r.id === 'jund-al-aqsa').flatMap((r) => r.sources as string[]);
    expect(new Set(perpetratorSources)).toEqual(new Set(['ref-7', 'ref-19', 'ref-20', 'ref-21']));
  });

  it('factsCitingSource: every node and relationship that rests on ref-11', async () => {
    const result = await ask('factsCitingSource', { source: 'ref-11' });
    const statements = records(result).map((r) => r.statement);
    expect(statements).toEqual(
      expect.arrayContaining([
        'Jaysh al-Nasr LED_BY Muhammad Mansour',
        'Jaysh al-Nasr MEMBER_OF National Front for Liberation',
        'National Front for Liberation LED_BY Muhammad Mansour',
        'Faction National Front for Liberation',
      ]),
    );
    expect(statements).not.toContain('Falcons of al-Ghab MERGED_INTO Jaysh al-Nasr'); // cites ref-4 and ref-23
    for (const edge of result.graph.edges) expect(edge.data.sources).toContain('ref-11');
  });

  it('fills in the declared defaults when parameters are left out', async () => {
    const explicit = await ask('factionLeaders', { faction: 'jaysh-al-nasr' });
    const defaulted = await ask('factionLeaders');
    expect(defaulted.rows).toEqual(explicit.rows);
  });
});

describe('POST /api/queries/:name refuses bad parameters', () => {
  const badValue: Record<NamedQueryParam['type'], unknown> = {
    id: 'Not A Slug!',
    date: '2018-02-30',
    partialDate: '2018-13',
    integer: 2.5,
    float: 'many',
    boolean: 'yes',
    string: 42,
  };

  it('answers 400 naming the parameter, for every parameter of every named query', async () => {
    const { queries } = namedQueryList.parse((await request(app).get('/api/queries').expect(200)).body);
    for (const query of queries) {
      for (const param of query.params) {
        const response = await request(app)
          .post(`/api/queries/${query.name}`)
          .send({ params: { [param.name]: badValue[param.type] } })
          .expect(400);
        const { error } = errorBody.parse(response.body);
        expect(error.code, `${query.name}.${param.name}`).toBe('BAD_REQUEST');
        expect(error.message, `${query.name}.${param.name}`).toContain(`params.${param.name}`);
      }
    }
  });

  it('answers 400 for an integer out of its declared range, and for an unknown parameter', async () => {
    const outOfRange = await request(app)
      .post('/api/queries/mostConnectedFactions')
      .send({ params: { limit: 1000 } })
      .expect(400);
    expect(errorBody.parse(outOfRange.body).error.message).toContain('params.limit');
    const unknown = await request(app)
      .post('/api/queries/factionLeaders')
      .send({ params: { leader: 'x' } })
      .expect(400);
    expect(errorBody.parse(unknown.body).error.message).toContain('leader');
  });

  it('answers 404 for a query that does not exist', async () => {
    const response = await request(app).post('/api/queries/whoWonTheWar').send({ params: {} }).expect(404);
    expect(errorBody.parse(response.body).error.code).toBe('NOT_FOUND');
  });
});
