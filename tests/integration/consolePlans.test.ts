/**
 * EXPLAIN and PROFILE in the console: the read-only check plans the query without them (Neo4j refuses
 * two execution modes in one query), then the query runs as typed and its plan or profile comes back
 * in the summary; a write behind either is still refused with nothing run, and error positions refer
 * to the query as sent.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp, cypherRunner } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const runCypher = cypherRunner(app);

async function expectError(query: string, status: number, code: string) {
  const response = await request(app).post('/api/cypher').send({ query }).expect(status);
  const { error } = errorBody.parse(response.body);
  expect(error.code).toBe(code);
  return error;
}

const MEMBERS = 'MATCH (x)-[:MEMBER_OF]->(f:Faction) RETURN x.id AS member, f.id AS faction ORDER BY member, faction';

describe('PROFILE in the console', () => {
  it('runs the query: the same rows as without it, and each operator with its rows and database hits', async () => {
    const plain = await runCypher(MEMBERS);
    expect(plain.rows.length).toBeGreaterThan(1);
    expect(plain.summary.plan).toBeNull();

    const profiled = await runCypher(`PROFILE ${MEMBERS}`);
    expect(profiled.rows).toEqual(plain.rows);
    const plan = profiled.summary.plan!;
    expect(plan.profiled).toBe(true);
    expect(plan.runtime).toBeTruthy();
    expect(plan.operators[0]).toMatchObject({ depth: 0, operator: 'ProduceResults', rows: plain.rows.length });
    for (const op of plan.operators) {
      expect(op.operator).not.toContain('@');
      expect(op.rows).toBeGreaterThanOrEqual(0);
      expect(op.dbHits).toBeGreaterThanOrEqual(0);
    }
    // Children follow their parent one level deeper; something read the store.
    for (const [i, op] of plan.operators.entries()) {
      if (i > 0) expect(op.depth).toBeLessThanOrEqual(plan.operators[i - 1]!.depth + 1);
    }
    expect(plan.operators.some((op) => /MEMBER_OF/.test(op.details))).toBe(true);
    expect(plan.totalDbHits).toBe(plan.operators.reduce((sum, op) => sum + op.dbHits!, 0));
    expect(plan.totalDbHits).toBeGreaterThan(0);
  });

  it.each([
    ['lower case', 'profile RETURN 1 AS one'],
    ['after CYPHER options', 'CYPHER runtime=slotted PROFILE RETURN 1 AS one'],
    ['after a version and comments', '// why\nCYPHER 5 /* a note */ PROFILE\nRETURN 1 AS one'],
    ['before CYPHER options', 'PROFILE CYPHER runtime = slotted RETURN 1 AS one'],
  ])('is found %s', async (_where, query) => {
    const result = await runCypher(query);
    expect(result.rows).toEqual([[1]]);
    expect(result.summary.plan?.profiled).toBe(true);
  });

  it('reports the profile of a query cut at the row cap', async () => {
    const result = await runCypher('PROFILE UNWIND range(1, 6000) AS x RETURN x');
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(5000);
    expect(result.summary.plan?.operators.map((o) => o.operator)).toEqual(['ProduceResults', 'Unwind']);
  });
});

describe('EXPLAIN in the console', () => {
  it('plans without running: no rows, each operator with its estimated rows and no counts', async () => {
    const result = await runCypher(`EXPLAIN ${MEMBERS}`);
    expect(result.rows).toEqual([]);
    const plan = result.summary.plan!;
    expect(plan.profiled).toBe(false);
    expect(plan.totalDbHits).toBeNull();
    expect(plan.operators[0]).toMatchObject({ depth: 0, operator: 'ProduceResults', rows: null, dbHits: null });
    expect(plan.operators.every((op) => op.estimatedRows >= 0)).toBe(true);
  });

  it('is found after CYPHER options too', async () => {
    const result = await runCypher('explain CYPHER 5 MATCH (f:Faction) RETURN f');
    expect(result.summary.plan?.operators.map((o) => o.operator)).toEqual(['ProduceResults', 'NodeByLabelScan']);
  });
});

describe('the read-only check behind PROFILE and EXPLAIN', () => {
  it.each([
    ['PROFILE', "PROFILE CREATE (:Faction:Entity {id: 'intruders', name: 'Intruders'})"],
    ['EXPLAIN', 'EXPLAIN MATCH (n) DETACH DELETE n'],
    ['CYPHER options and PROFILE', "CYPHER runtime=slotted PROFILE MATCH (f:Faction) SET f.name = 'Renamed'"],
  ])('still refuses a write behind %s, with nothing run', async (_what, query) => {
    const before = await fingerprint(db);
    const error = await expectError(query, 403, 'QUERY_REFUSED');
    expect(error.message).toMatch(/writes to the database/);
    expect(await fingerprint(db)).toBe(before);
  });

  it('places a syntax error in a PROFILE query where it is in the query as sent', async () => {
    const query = '  PROFILE MATCH (f:Faction)\nRETRUN f';
    const error = await expectError(query, 400, 'SYNTAX_ERROR');
    expect(error.message).not.toMatch(/EXPLAIN/);
    expect(error.position).toEqual({ line: 2, column: 1, offset: query.indexOf('RETRUN') });
  });

  it('places a semantic error after CYPHER options and PROFILE where it is in the query as sent', async () => {
    const query = 'CYPHER runtime=slotted PROFILE MATCH (f:Faction) RETURN g';
    const error = await expectError(query, 400, 'SYNTAX_ERROR');
    expect(error.message).toContain('Variable `g` not defined');
    expect(error.position).toEqual({ line: 1, column: query.length, offset: query.length - 1 });
  });

  it('answers EXPLAIN and PROFILE together as a failed query, as the database does', async () => {
    const error = await expectError('EXPLAIN PROFILE RETURN 1', 400, 'QUERY_FAILED');
    expect(error.message).toMatch(/execution mode/);
  });
});
