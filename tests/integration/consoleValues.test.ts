import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, freshSeededDatabase, testApp, cypherRunner } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const runCypher = cypherRunner(app);

describe('console values keep their Cypher type on the wire', () => {
  it('carries integers beyond 2^53 as {"$integer"} with every digit, the others as numbers', async () => {
    const union = await runCypher('RETURN -9223372036854775808 AS n UNION RETURN 2 AS n');
    expect(union.rows).toEqual([[{ $integer: '-9223372036854775808' }], [2]]);
    const result = await runCypher(
      `RETURN 9223372036854775807 AS max, 9007199254740993 AS big, -9007199254740993 AS negative,
              9007199254740991 AS safe, -42 AS small, valueType(9223372036854775807) AS type`,
    );
    expect(result.rows).toEqual([
      [
        { $integer: '9223372036854775807' },
        { $integer: '9007199254740993' },
        { $integer: '-9007199254740993' },
        9007199254740991,
        -42,
        'INTEGER NOT NULL',
      ],
    ]);
  });

  it('keeps floats floats: whole ones, NaN and the infinities as {"$float"} text, the others as numbers', async () => {
    const result = await runCypher(
      `RETURN 1.0 AS one, -3.0 AS minusThree, 2.5 AS half, 0.0 / 0.0 AS nan, 1.0 / 0 AS inf, -1.0 / 0 AS negInf,
              1e21 AS huge, -0.0 AS negativeZero, toFloat(7) AS converted`,
    );
    expect(result.rows).toEqual([
      [
        { $float: '1.0' },
        { $float: '-3.0' },
        2.5,
        { $float: 'NaN' },
        { $float: 'Infinity' },
        { $float: '-Infinity' },
        { $float: '1e+21' },
        { $float: '-0.0' },
        { $float: '7.0' },
      ],
    ]);
  });

  it('names temporal values, durations and points by their Cypher type, in ISO 8601', async () => {
    const result = await runCypher(
      `RETURN date('2018-02-09') AS date, datetime('2018-02-09T10:11:12.5+01:00') AS datetime,
              localdatetime('2018-02-09T10:11:12') AS local, time('10:11:12Z') AS time,
              localtime('10:11') AS localTime, duration('P1Y2M3D') AS duration, duration('PT1H30M') AS hours,
              datetime({year: 2018, month: 5, day: 28, timezone: 'Asia/Damascus'}) AS zoned,
              point({longitude: 36.2, latitude: 33.5}) AS geo, point({x: 1, y: 2, z: 3}) AS cartesian3d,
              '2018-02-09' AS text, true AS yes, null AS nothing`,
    );
    expect(result.rows).toEqual([
      [
        { $date: '2018-02-09' },
        { $datetime: '2018-02-09T10:11:12.500000000+01:00' },
        { $localdatetime: '2018-02-09T10:11:12' },
        { $time: '10:11:12Z' },
        { $localtime: '10:11:00' },
        { $duration: 'P1Y2M3D' },
        { $duration: 'PT1H30M' },
        { $datetime: '2018-05-28T00:00:00+03:00[Asia/Damascus]' },
        { $point: { srid: 4326, x: 36.2, y: 33.5 } },
        { $point: { srid: 9157, x: 1, y: 2, z: 3 } },
        '2018-02-09',
        true,
        null,
      ],
    ]);
  });

  it('keeps the kinds inside lists and maps, and wraps a map that would read as a typed value, an element or a path', async () => {
    const result = await runCypher(
      `RETURN [1, 1.0, 2.5, date('2015-10-01'), 9007199254740993, 'text'] AS list,
              {count: 3, share: 1.0, when: date('2015-10-01'), inner: {at: localtime('10:00')}} AS map,
              {\`$integer\`: '12'} AS dollar, {data: {id: 'x', label: 'Faction', name: 'X'}} AS element,
              {nodes: [], edges: []} AS pathLike`,
    );
    expect(result.rows).toEqual([
      [
        [1, { $float: '1.0' }, 2.5, { $date: '2015-10-01' }, { $integer: '9007199254740993' }, 'text'],
        {
          count: 3,
          share: { $float: '1.0' },
          when: { $date: '2015-10-01' },
          inner: { at: { $localtime: '10:00:00' } },
        },
        { $map: { $integer: '12' } },
        { $map: { data: { id: 'x', label: 'Faction', name: 'X' } } },
        { $map: { nodes: [], edges: [] } },
      ],
    ]);
    // None of these is drawn as a node: they are maps.
    expect(result.graph.nodes).toEqual([]);
  });

  it('carries a byte array as {"$bytes"} of unsigned bytes, not as a list of signed numbers', async () => {
    const result = await db.runConsoleQuery(
      'RETURN $bytes AS bytes',
      { bytes: Int8Array.from([0, 7, -1]) }, // the driver's byte arrays
      { timeoutMs: 10_000, rowCap: 10, runId: 'bytes' },
    );
    expect(result.rows).toEqual([[{ $bytes: [0, 7, 255] }]]);
  });
});

type Element = { data: { id: string; source?: string; target?: string } };
type PathValue = { nodes: Element[]; edges: Element[] };

/** Each relationship of the path as "start -> end" by our ids, as the database itself says. */
async function directionsInDatabase(match: string): Promise<string[]> {
  const [row] = await db.runAdmin(
    `${match} RETURN [r IN relationships(p) | startNode(r).id + ' -> ' + endNode(r).id] AS directions`,
  );
  return row?.directions as string[];
}

describe('a relationship inside a returned path', () => {
  it.each([
    [
      'walked against its direction',
      "MATCH p = (j:Faction {id: 'jaysh-al-nasr'})<-[:MEMBER_OF]-(x:Person {id: 'alaa-rakhmon'})",
      ['jaysh-al-nasr', 'alaa-rakhmon'],
    ],
    [
      'walked with and against its direction in one path',
      "MATCH p = (x:Person {id: 'alaa-rakhmon'})-[:MEMBER_OF]->(j:Faction {id: 'jaysh-al-nasr'})<-[:MERGED_INTO]-(f:Faction {id: 'falcons-of-al-ghab'})",
      ['alaa-rakhmon', 'jaysh-al-nasr', 'falcons-of-al-ghab'],
    ],
    [
      'in a path matched without a direction, from its end node',
      "MATCH p = (j:Faction {id: 'jaysh-al-nasr'})-[:MEMBER_OF]-(x:Person {id: 'alaa-rakhmon'})",
      ['jaysh-al-nasr', 'alaa-rakhmon'],
    ],
  ])('keeps its own direction when %s, in the rows and in the graph', async (_how, match, walk) => {
    const expected = await directionsInDatabase(match);
    expect(expected.length).toBeGreaterThan(0);
    const result = await runCypher(`${match} RETURN p`);
    expect(result.rows).toHaveLength(1);
    const path = result.rows[0]![0] as PathValue;
    expect(path.nodes.map((n) => n.data.id)).toEqual(walk);
    expect(path.edges.map((e) => `${e.data.source} -> ${e.data.target}`)).toEqual(expected);
    expect(result.graph.edges.map((e) => `${e.data.source} -> ${e.data.target}`).sort()).toEqual([...expected].sort());
  });

  it('names the relationship the article states: Alaa Rakhmon a member of Jaysh al-Nasr', async () => {
    const result = await runCypher(
      "MATCH p = (j:Faction {id: 'jaysh-al-nasr'})<-[r:MEMBER_OF]-(x:Person {id: 'alaa-rakhmon'}) RETURN p, r",
    );
    const [path, relationship] = result.rows[0] as [PathValue, Element];
    expect(path.edges[0]?.data).toMatchObject({
      id: 'alaa-rakhmon-member-of-jaysh-al-nasr',
      source: 'alaa-rakhmon',
      target: 'jaysh-al-nasr',
    });
    expect(relationship.data).toMatchObject({ source: 'alaa-rakhmon', target: 'jaysh-al-nasr' });
  });
});
