/**
 * What one analyst can send the console must never take it down or answer 5xx: parameters nested past
 * any need are a 400 (they overflowed the stack, or made the database drop the connection: 500 and
 * 503 before), a query past the database's memory limit is a 4xx the analyst can act on, and the app's
 * own bookkeeping nodes (the import lock) are never drawn as factions.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherResponse, MAX_PARAM_DEPTH } from '../../contract/console.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

/** JSON text of a list nested `depth` deep, written as text: JSON.stringify itself overflows at such depths. */
const nestedList = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const nestedMap = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const body = (query: string, x: string) => `{"query":${JSON.stringify(query)},"params":{"x":${x}}}`;

describe('console parameters nested past any need', () => {
  it.each([
    ['a list', nestedList(MAX_PARAM_DEPTH + 1)],
    ['a list 2,000 deep', nestedList(2_000)],
    ['a list 100,000 deep', nestedList(100_000)],
    ['a map 50,000 deep', nestedMap(50_000)],
  ])('answer 400 naming the parameter for %s, and the console still runs', async (_what, value) => {
    const response = await request(app)
      .post('/api/cypher')
      .set('content-type', 'application/json')
      .send(body('RETURN $x IS NULL AS empty', value))
      .expect(400);
    // Past 64 levels the whole body is refused before it is parsed (server/middleware/jsonDepth.ts).
    expect(response.body.error.code).toMatch(/^(BAD_REQUEST|NESTED_TOO_DEEP)$/);
    expect(response.body.error.message).toMatch(/deep/);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  });

  it('run as they are when they nest as deep as allowed', async () => {
    const response = await request(app)
      .post('/api/cypher')
      .set('content-type', 'application/json')
      .send(body('RETURN size($x) AS n', nestedList(MAX_PARAM_DEPTH - 1)))
      .expect(200);
    expect(cypherResponse.parse(response.body).rows).toEqual([[1]]);
  });
});

describe('a query past the database memory limit', () => {
  it('answers 422 QUERY_MEMORY_LIMIT with what to do, and the database answers the next query', async () => {
    const response = await request(app)
      .post('/api/cypher')
      .send({ query: 'UNWIND range(1, 60000000) AS x WITH collect(x) AS c RETURN size(c) AS n' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'QUERY_MEMORY_LIMIT', message: expect.stringMatching(/memory/) });
    await request(app).get('/api/health').expect(200);
  });
});

describe("the app's bookkeeping nodes in a console result", () => {
  it('are left out of the rows, never drawn, and the notice says how many', async () => {
    // The import lock exists once anything was imported (the seed was); it is workspace, not network.
    const response = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (n:ImportLock) RETURN n' })
      .expect(200);
    const result = cypherResponse.parse(response.body);
    expect(result.rows).toEqual([]);
    expect(result.graph.nodes).toEqual([]);
    expect(result.summary.notifications).toContainEqual(
      expect.objectContaining({
        code: 'FactionAtlas.WorkspaceWithheld',
        description: expect.stringMatching(/^1 value/),
      }),
    );
  });
});
