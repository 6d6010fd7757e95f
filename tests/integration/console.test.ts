/**
 * The Cypher console: POST /api/cypher runs an analyst's query only when the database plans it as
 * read-only, refuses everything else with a JSON error and nothing run (proved by the database being
 * unchanged), reports syntax errors with their position, caps rows, and maps nodes, relationships and
 * paths to elements (the other values: consoleValues.test.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp, cypherRunner } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const runCypher = cypherRunner(app);

/** Everything a refused query could have touched: data, schema, users, label and property tokens. */
async function databaseState(): Promise<string> {
  const indexes = await db.runAdmin(
    'SHOW INDEXES YIELD name, type, state RETURN collect([name, type, state]) AS indexes',
  );
  const constraints = await db.runAdmin('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS constraints');
  const users = await db.runAdmin('SHOW USERS YIELD user RETURN collect(user) AS users');
  const tokens = await db.runAdmin(
    `CALL db.labels() YIELD label WITH collect(label) AS labels
     CALL db.propertyKeys() YIELD propertyKey RETURN labels, collect(propertyKey) AS keys`,
  );
  return JSON.stringify([await fingerprint(db), indexes, constraints, users, tokens]);
}

/** A query refused (status and error code), nothing run, nothing changed. */
async function expectRefused(query: string, status: number, code: string) {
  const before = await databaseState();
  const response = await request(app).post('/api/cypher').send({ query }).expect(status);
  const body = errorBody.parse(response.body);
  expect(body.error.code).toBe(code);
  expect(await databaseState()).toBe(before);
  return body.error;
}

describe('POST /api/cypher refuses what is not a read, with nothing run and the database unchanged', () => {
  it.each([
    ['CREATE', `CREATE (:Faction:Entity {id: 'intruders', name: 'Intruders'})`],
    ['MERGE', `MERGE (f:Faction:Entity {id: 'intruders'}) RETURN f`],
    ['SET', `MATCH (f:Faction {id: 'jaysh-al-nasr'}) SET f.name = 'Renamed'`],
    ['DELETE', `MATCH ()-[r:LED_BY]->() DELETE r`],
    ['DETACH DELETE', `MATCH (n) DETACH DELETE n`],
    ['REMOVE', `MATCH (f:Faction) REMOVE f:Faction`],
    ['a write inside FOREACH', `MATCH (f:Faction) FOREACH (x IN [1] | SET f.touched = x)`],
    ['a write inside a subquery', `MATCH (f:Faction) CALL (f) { SET f.touched = true } RETURN count(*) AS n`],
    [
      'a write after a read',
      `MATCH (f:Faction {id: 'jaysh-al-nasr'}) WITH f RETURN f.name AS name UNION MATCH (x) SET x.touched = 1 RETURN 'x' AS name`,
    ],
  ])('refuses %s (a write) with 403 QUERY_REFUSED', async (_what, query) => {
    const error = await expectRefused(query, 403, 'QUERY_REFUSED');
    expect(error.message).toMatch(/writes to the database.*Nothing was run/);
  });

  it.each([
    ['CREATE INDEX', 'CREATE INDEX faction_name_probe FOR (f:Faction) ON (f.name)'],
    ['CREATE CONSTRAINT', 'CREATE CONSTRAINT faction_name_unique FOR (f:Faction) REQUIRE f.name IS UNIQUE'],
    ['DROP INDEX', 'DROP INDEX entity_names'],
    ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id'],
  ])('refuses %s (schema) with 403 QUERY_REFUSED', async (_what, query) => {
    const error = await expectRefused(query, 403, 'QUERY_REFUSED');
    expect(error.message).toMatch(/schema|administers/);
  });

  it.each([
    ['CREATE USER', `CREATE USER intruder SET PASSWORD 'intruder-password'`],
    ['ALTER USER', `ALTER USER neo4j SET PASSWORD 'another-password'`],
    ['CREATE DATABASE', 'CREATE DATABASE other'],
    ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
    ['TERMINATE TRANSACTIONS', `TERMINATE TRANSACTIONS 'neo4j-transaction-1'`],
    ['SHOW SETTINGS', 'SHOW SETTINGS'],
  ])('refuses the command %s with 403 QUERY_REFUSED', async (_what, query) => {
    await expectRefused(query, 403, 'QUERY_REFUSED');
  });

  it('refuses LOAD CSV from a file, even one that only reads', async () => {
    const error = await expectRefused(`LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line`, 403, 'QUERY_REFUSED');
    expect(error.message).toContain('LOAD CSV');
  });

  it('refuses LOAD CSV from the network without fetching anything', async () => {
    await withCsvServer(async (url, requests) => {
      const error = await expectRefused(
        `LOAD CSV FROM '${url}' AS line CREATE (:Faction {id: line[0]})`,
        403,
        'QUERY_REFUSED',
      );
      expect(error.message).toContain('LOAD CSV');
      expect(requests()).toBe(0);
    });
  });

  it.each([
    ['that write', `MATCH (f:Faction) CALL (f) { SET f.touched = true } IN TRANSACTIONS OF 10 ROWS`],
    ['that only read', `UNWIND [1, 2] AS x CALL (x) { RETURN x * 2 AS y } IN TRANSACTIONS RETURN y`],
  ])('refuses CALL { } IN TRANSACTIONS %s', async (_what, query) => {
    const error = await expectRefused(query, 403, 'QUERY_REFUSED');
    expect(error.message).toContain('IN TRANSACTIONS');
  });

  it.each([
    ['db.createLabel, which writes', `CALL db.createLabel('Intruder')`],
    ['db.clearQueryCaches, an admin procedure', 'CALL db.clearQueryCaches()'],
    ['db.awaitIndexes, read-only but not on the list', 'CALL db.awaitIndexes(1)'],
    ['db.prepareForReplanning, read-only but acting', 'CALL db.prepareForReplanning()'],
    ['dbms.listConfig', 'CALL dbms.listConfig() YIELD name RETURN name'],
    ['dbms.components, even in a read', 'MATCH (f:Faction) CALL dbms.components() YIELD name RETURN f.id, name'],
  ])('refuses the procedure %s with 403 QUERY_REFUSED', async (_what, query) => {
    const error = await expectRefused(query, 403, 'QUERY_REFUSED');
    expect(error.message).toMatch(/procedure|schema|administers|writes/);
  });

  it.each([
    ['dbms.setConfigValue (not in Community)', `CALL dbms.setConfigValue('db.transaction.timeout', '1s')`],
    ['an unknown apoc procedure', `CALL apoc.create.node(['Intruder'], {id: 'x'})`],
  ])('refuses %s, which the database cannot plan, with 400 QUERY_INVALID', async (_what, query) => {
    const error = await expectRefused(query, 400, 'QUERY_INVALID');
    expect(error.message).toMatch(/no procedure/i);
  });

  it('answers a syntax error with 400, the database message and the position in the query as sent', async () => {
    const query = "MATCH (f:Faction {id: 'jaysh-al-nasr'}\nRETURN f";
    const error = await expectRefused(query, 400, 'SYNTAX_ERROR');
    expect(error.message).toMatch(/^Invalid input 'RETURN'/);
    expect(error.message).toContain('(line 2, column 1)');
    expect(error.message).not.toContain('EXPLAIN');
    expect(error.position).toEqual({ line: 2, column: 1, offset: query.indexOf('RETURN') });
  });

  it('places a semantic error on the first line correctly too', async () => {
    const error = await expectRefused('MATCH (f:Faction) RETURN g', 400, 'SYNTAX_ERROR');
    expect(error.message).toContain('Variable `g` not defined');
    expect(error.position).toEqual({ line: 1, column: 26, offset: 25 });
  });

  it('validates the request: an empty query or a bad run id is a 400', async () => {
    for (const body of [{ query: '' }, { query: 'RETURN 1', runId: 'no spaces allowed' }, { params: {} }]) {
      const response = await request(app).post('/api/cypher').send(body).expect(400);
      expect(errorBody.parse(response.body).error.code).toBe('BAD_REQUEST');
    }
  });
});

describe('POST /api/cypher runs reads', () => {
  it('runs a read with parameters; whole numbers reach Cypher as integers (LIMIT takes them)', async () => {
    const result = await runCypher(
      'MATCH (f:Faction) WHERE f.kind = $kind RETURN f.id AS id ORDER BY id LIMIT $limit',
      {
        kind: 'coalition',
        limit: 5,
      },
    );
    expect(result.columns).toEqual(['id']);
    expect(result.rows).toEqual([['national-front-for-liberation']]);
    expect(result.truncated).toBe(false);
    expect(result.summary.resultAvailableAfter).toBeGreaterThanOrEqual(0);
    expect(result.summary.resultConsumedAfter).toBeGreaterThanOrEqual(0);
  });

  it('passes whole numbers as integers and others as floats, inside lists and maps too', async () => {
    const result = await runCypher(
      'RETURN valueType($whole) AS whole, valueType($fraction) AS fraction, valueType($list[0]) AS inList, valueType($map.n) AS inMap',
      { whole: 5, fraction: 2.5, list: [7], map: { n: 9 } },
    );
    expect(result.rows).toEqual([['INTEGER NOT NULL', 'FLOAT NOT NULL', 'INTEGER NOT NULL', 'INTEGER NOT NULL']]);
  });

  it('runs the allow-listed procedures: labels, relationship types, property keys, full-text search, schema', async () => {
    const labels = await runCypher('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(labels.rows.flat()).toEqual(expect.arrayContaining(['Event', 'Faction', 'Person', 'Place', 'Source']));
    const types = await runCypher('CALL db.relationshipTypes()');
    expect(types.rows.flat()).toEqual(expect.arrayContaining(['MEMBER_OF', 'MERGED_INTO', 'LED_BY', 'FOUGHT']));
    const keys = await runCypher('CALL db.propertyKeys()');
    expect(keys.rows.flat()).toEqual(expect.arrayContaining(['from', 'to', 'sources']));
    const [fulltext] = await db.runAdmin(
      "SHOW FULLTEXT INDEXES YIELD name, entityType WHERE entityType = 'NODE' RETURN name ORDER BY name",
    );
    const found = await runCypher(
      `CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 1`,
      { index: fulltext?.name, q: 'mansour' },
    );
    expect(found.rows).toEqual([['muhammad-mansour']]);
    const schema = await runCypher('CALL db.schema.visualization()');
    expect(schema.columns).toEqual(['nodes', 'relationships']);
    expect(schema.graph.nodes.map((n) => n.data.name)).toEqual(expect.arrayContaining(['Faction', 'Person']));
  });

  it('reports the database notifications with their position', async () => {
    const result = await runCypher('MATCH (a:Faction), (b:Person) RETURN count(*) AS pairs');
    const cartesian = result.summary.notifications.find((n) => n.code.endsWith('CartesianProduct'));
    expect(cartesian?.position).toMatchObject({ line: 1 });
    expect(cartesian?.severity).toBeTruthy();
  });

  it('caps the rows at 5,000 and says the answer is truncated', async () => {
    const result = await runCypher('UNWIND range(1, 6000) AS x RETURN x');
    expect(result.rows).toHaveLength(5000);
    expect(result.rows[0]).toEqual([1]);
    expect(result.rows[4999]).toEqual([5000]);
    expect(result.truncated).toBe(true);
  });

  it('does not call exactly 5,000 rows truncated', async () => {
    const result = await runCypher('UNWIND range(1, 5000) AS x RETURN x');
    expect(result.rows).toHaveLength(5000);
    expect(result.truncated).toBe(false);
  });

  it('maps nodes, relationships and paths to elements, and gathers the graph from everywhere in the rows', async () => {
    const result = await runCypher(
      `MATCH p = (f:Faction {id: 'falcons-of-al-ghab'})-[m:MERGED_INTO]->(j:Faction)
       MATCH (j)-[l:LED_BY]->(leader:Person)
       RETURN f AS node, m AS relationship, p AS path, {leader: leader} AS map, [l] AS list`,
    );
    expect(result.rows).toHaveLength(1);
    type Element = { data: Record<string, unknown> };
    const [node, relationship, path, map, list] = result.rows[0] as [
      Element,
      Element,
      { nodes: Element[]; edges: Element[] },
      { leader: Element },
      Element[],
    ];
    expect(node.data).toMatchObject({ id: 'falcons-of-al-ghab', label: 'Faction', name: 'Falcons of al-Ghab' });
    expect(node.data).not.toHaveProperty('searchKeys');
    expect(relationship.data).toMatchObject({
      type: 'MERGED_INTO',
      source: 'falcons-of-al-ghab',
      target: 'jaysh-al-nasr',
      from: '2015-10',
      sources: ['ref-4', 'ref-23'],
    });
    expect(path.nodes.map((n) => n.data.id)).toEqual(['falcons-of-al-ghab', 'jaysh-al-nasr']);
    expect(path.edges.map((e) => [e.data.source, e.data.target])).toEqual([['falcons-of-al-ghab', 'jaysh-al-nasr']]);
    expect(map.leader.data).toMatchObject({ id: 'muhammad-mansour', label: 'Person' });
    // A relationship alone names its end nodes by our ids, not by the database's elementIds.
    expect(list[0]?.data).toMatchObject({ type: 'LED_BY', source: 'jaysh-al-nasr', target: 'muhammad-mansour' });

    const nodeIds = result.graph.nodes.map((n) => n.data.id).sort();
    expect(nodeIds).toEqual(['falcons-of-al-ghab', 'jaysh-al-nasr', 'muhammad-mansour']);
    const edges = result.graph.edges.map((e) => `${e.data.source}-${e.data.type}->${e.data.target}`).sort();
    expect(edges).toEqual(['falcons-of-al-ghab-MERGED_INTO->jaysh-al-nasr', 'jaysh-al-nasr-LED_BY->muhammad-mansour']);
  });

  it('adds the end nodes of relationships returned without them, so every edge can be drawn', async () => {
    const result = await runCypher(`MATCH (:Faction {id: 'jaysh-al-nasr'})-[r:LED_BY]->() RETURN r`);
    expect(result.graph.edges).toHaveLength(1);
    expect(result.graph.nodes.map((n) => n.data.id).sort()).toEqual(['jaysh-al-nasr', 'muhammad-mansour']);
    const ids = new Set(result.graph.nodes.map((n) => n.data.id));
    for (const edge of result.graph.edges) {
      expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
    }
  });

  it('answers a query that fails while running with 400 QUERY_FAILED and the database message', async () => {
    for (const [query, message] of [
      ['RETURN 1 / 0 AS x', '/ by zero'],
      ['RETURN $missing AS x', 'missing'],
    ] as const) {
      const response = await request(app).post('/api/cypher').send({ query }).expect(400);
      const body = errorBody.parse(response.body);
      expect(body.error.code).toBe('QUERY_FAILED');
      expect(body.error.message).toContain(message);
    }
  });
});

describe('the database configuration, in case a check is ever wrong', () => {
  it('refuses LOAD CSV from a file even in a write transaction', async () => {
    await expect(db.runAdmin(`LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line`)).rejects.toThrow(
      /allow_csv_import_from_file_urls/,
    );
  });

  it('refuses LOAD CSV from the network even in a write transaction, before connecting', async () => {
    await withCsvServer(async (url, requests) => {
      await expect(db.runAdmin(`LOAD CSV FROM '${url}' AS line RETURN line`)).rejects.toThrow(/blocked/);
      expect(requests()).toBe(0);
    });
  });
});

/** A CSV file served on a free local port, and how many requests reached it. */
async function withCsvServer(work: (url: string, requests: () => number) => Promise<void>): Promise<void> {
  let count = 0;
  const server = createServer((_req, res) => {
    count++;
    res.end('intruders,Intruders\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}/factions.csv`, () => count);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
