/**
 * A reader never sees an import half applied: while a large import runs, readers asking through the
 * API (the console, as an analyst would) see none of it or all of it. The import is one write
 * transaction (server/services/importer.ts); this proves it stays so, at a size where a batched
 * import would show its batches.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherResponse } from '../../contract/console.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { rounds } from '../support/resilience.ts';

const db = connectTestDatabase(60_000);
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const SIZE = 1_500;

function bigImport(round: number) {
  const source = `atomic-source-${round}`;
  return {
    sources: [{ id: source, name: `Atomicity source ${round}`, title: null }],
    nodes: Array.from({ length: SIZE }, (_, i) => ({
      label: 'Faction',
      id: `atomic-${round}-${i}`,
      name: `Atomic faction ${round}-${i}`,
      sources: [source],
    })),
    relationships: Array.from({ length: SIZE }, (_, i) => ({
      id: `atomic-${round}-${i}-in`,
      type: 'MEMBER_OF',
      source: `atomic-${round}-${i}`,
      target: 'jaysh-al-nasr',
      sources: [source],
    })),
  };
}

/** What a reader sees of round `round`: its factions and their memberships. */
async function seen(round: number): Promise<[number, number]> {
  const response = await request(app)
    .post('/api/cypher')
    .send({
      query: `MATCH (f:Faction) WHERE f.id STARTS WITH $prefix
              OPTIONAL MATCH (f)-[m:MEMBER_OF]->()
              RETURN count(DISTINCT f) AS factions, count(m) AS memberships`,
      params: { prefix: `atomic-${round}-` },
    })
    .expect(200);
  const [row] = cypherResponse.parse(response.body).rows;
  return [Number(row?.[0]), Number(row?.[1])];
}

describe('an import in progress, seen by readers', () => {
  const ROUNDS = rounds(2, 8);
  it(`is seen whole or not at all (${ROUNDS} imports of ${SIZE} factions and ${SIZE} relationships)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      let done = false;
      const importing = request(app)
        .post('/api/import')
        .send(bigImport(round))
        .then((response) => {
          done = true;
          return response;
        });
      const views: Array<[number, number]> = [];
      while (!done) views.push(await seen(round));
      expect((await importing).status).toBe(200);
      views.push(await seen(round));

      for (const view of views)
        expect([
          [0, 0],
          [SIZE, SIZE],
        ]).toContainEqual(view);
      expect(views.at(-1)).toEqual([SIZE, SIZE]);
      expect(views.length, 'no reader ran during the import').toBeGreaterThan(1);
    }
  });
});
