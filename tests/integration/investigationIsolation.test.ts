/**
 * Investigations are workspace, never network: search, a node's lookup, neighbourhoods, paths, lineage,
 * relationships among drawn nodes and the console never return them or route through them, whatever
 * their titles say and whichever network ids their snapshots hold. In the database they carry no
 * :Entity label and no relationship. (Counting, `MATCH (n) RETURN count(n)`, does count them: Neo4j
 * Community has one database and no access control; docs/architecture.md says so.)
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Investigation } from '../../contract/investigation.ts';
import { connectTestDatabase, cypherRunner, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { createThrough, documentOf, drawnNeighbourhood, NASR, saveThrough } from '../support/investigations.ts';

const db = connectTestDatabase();
const app = testApp(db);
const cypher = cypherRunner(app);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

/** A title that reads like the network, so a search that saw investigations would find it. */
const TITLE = 'Jaysh al-Nasr Falcons of al-Ghab Murak';
const MARKER = 'zqxmarker';
let investigation: Investigation;

beforeAll(async () => {
  const drawn = await drawnNeighbourhood(app);
  investigation = await createThrough(app, { ...documentOf(drawn, TITLE), description: MARKER });
  await saveThrough(app, investigation.id, { ...documentOf(drawn, TITLE), description: MARKER }, 1).expect(200);
});

/** The answer's text holds neither the investigation's id nor its marker. */
function expectNone(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain(investigation.id);
  expect(text).not.toContain(MARKER);
  expect(text).not.toMatch(/"label":"Investigation|InvestigationRevision"/);
}

describe('investigations are invisible to exploration', () => {
  it('in the database: no :Entity label and no relationship, their network ids only inside JSON', async () => {
    const rows = await db.runAdmin(
      `MATCH (n) WHERE n:Investigation OR n:InvestigationRevision
       RETURN labels(n) AS labels, COUNT { (n)--() } AS degree`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { labels: ['Investigation'], degree: 0 },
        { labels: ['InvestigationRevision'], degree: 0 },
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it.each([
    ['search by its title', `/api/search?q=${encodeURIComponent(TITLE)}&limit=100`],
    ['search by its description', `/api/search?q=${MARKER}`],
    ['neighbours', `/api/nodes/${NASR}/neighbors?depth=3&limit=1000`],
    ['paths', `/api/paths?from=${NASR}&to=syrian-arab-army&maxLength=6`],
    ['lineage', `/api/lineage/${NASR}?depth=5`],
  ])('%s never returns them', async (_what, path) => {
    const response = await request(app).get(path);
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    expectNone(response.body);
  });

  it('a node lookup by an investigation id is 404', async () => {
    await request(app).get(`/api/nodes/${investigation.id}`).expect(404);
    await request(app).get(`/api/nodes/${investigation.id}/neighbors`).expect(404);
  });

  it('relationships among drawn nodes never touch them, even given their ids', async () => {
    const response = await request(app)
      .post('/api/relationships/among')
      .send({ ids: [NASR, 'falcons-of-al-ghab', investigation.id] })
      .expect(200);
    expect(response.body.edges.length).toBeGreaterThan(0);
    expectNone(response.body);
  });
});

describe('investigations are left out of console results', () => {
  it('MATCH (n) RETURN n: every network node, none of the workspace, and a notice of how many', async () => {
    const result = await cypher('MATCH (n) RETURN n');
    expectNone(result.rows);
    expectNone(result.graph);
    const [count] = await db.runAdmin('MATCH (n:Entity) RETURN count(n) AS n');
    expect(result.rows).toHaveLength(Number(count?.n));
    // One investigation, its two revisions, the audit entries of its create and save, and the import lock.
    expect(result.summary.notifications).toContainEqual(
      expect.objectContaining({
        code: 'FactionAtlas.WorkspaceWithheld',
        description: expect.stringMatching(/^6 values/),
      }),
    );
  });

  it('asked for by label, inside a list or a map, they are left out too', async () => {
    expect((await cypher('MATCH (i:Investigation) RETURN i')).rows).toEqual([]);
    const listed = await cypher('MATCH (r:InvestigationRevision) RETURN collect(r) AS revisions, 1 AS one');
    expect(listed.rows).toEqual([[[], 1]]);
    const mapped = await cypher(
      'MATCH (i:Investigation) MATCH (f:Faction {id: $id}) RETURN {investigation: i, faction: f} AS m',
      { id: NASR },
    );
    expect(mapped.rows).toHaveLength(1);
    expectNone(mapped.rows);
    expect(mapped.rows[0]?.[0]).toMatchObject({ faction: { data: { id: NASR } } });
  });
});
