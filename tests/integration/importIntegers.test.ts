/**
 * Integers stay integers: an import's integer values (a source's `number`, a figure's `casualties`) are
 * stored as Neo4j INTEGER, not as the FLOAT the driver makes of a JavaScript number; and a database
 * written by the code that stored them as FLOATs is corrected by importing the same file again.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResponse } from '../../contract/api.ts';
import { importGraph } from '../../server/services/importer.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

/** Every stored integer field: its type and its text, by id. */
const storedIntegers = () =>
  db.runAdmin(
    `MATCH (s:Source) WHERE s.number IS NOT NULL
     RETURN s.id AS id, valueType(s.number) AS type, toString(s.number) AS text
     UNION ALL
     MATCH ()-[r:FOUGHT]->() WHERE r.casualties IS NOT NULL
     RETURN r.id AS id, valueType(r.casualties) AS type, toString(r.casualties) AS text`,
  );

describe('integers in an import are stored as INTEGER', () => {
  it('stores source numbers and casualty figures as INTEGER NOT NULL, whose text has no ".0"', async () => {
    const rows = await storedIntegers();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.type, String(row.id)).toBe('INTEGER NOT NULL');
    expect(rows).toContainEqual({ id: 'ref-4', type: 'INTEGER NOT NULL', text: '4' });
    expect(rows).toContainEqual({
      id: 'jund-al-aqsa-killed-80-jaysh-al-nasr-prisoners-ref-19',
      type: 'INTEGER NOT NULL',
      text: '80',
    });
  });

  it('answers integers as JSON numbers, as before', async () => {
    const detail = (await request(app).get('/api/nodes/jaysh-al-nasr').expect(200)).body as {
      sources: Array<{ id: string; number: unknown }>;
    };
    expect(detail.sources.find((s) => s.id === 'ref-4')?.number).toBe(4);
  });

  it('corrects FLOATs that older imports stored, by importing the same file again, and then changes nothing', async () => {
    await db.runAdmin('MATCH (s:Source) WHERE s.number IS NOT NULL SET s.number = toFloat(s.number)');
    await db.runAdmin(
      'MATCH ()-[r:FOUGHT]->() WHERE r.casualties IS NOT NULL SET r.casualties = toFloat(r.casualties)',
    );
    const floats = await storedIntegers();
    expect(floats).toContainEqual({ id: 'ref-4', type: 'FLOAT NOT NULL', text: '4.0' });

    const corrected = importResponse.parse(
      (
        await request(app)
          .post('/api/import')
          .send(readSeed() as object)
          .expect(200)
      ).body,
    );
    expect(corrected.changes.propertiesSet).toBeGreaterThanOrEqual(floats.length);
    const rows = await storedIntegers();
    expect(rows.map((r) => r.type)).toEqual(floats.map(() => 'INTEGER NOT NULL'));
    expect(rows).toContainEqual({ id: 'ref-4', type: 'INTEGER NOT NULL', text: '4' });

    const again = await importGraph(db, readSeed());
    expect(again.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
  });
});
