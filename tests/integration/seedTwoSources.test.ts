/**
 * The seed grows from one source to two (issue 12): seed/sham-legion.json, the Sham Legion article's
 * facts, refers to what seed/jaysh-al-nasr.json holds by its ids. Imported after it (as `npm start`
 * seeds), no node is doubled, the second source's claims cite it, and where the two sources disagree
 * both claims stand. Every source is graded F: nothing is judged that was not.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunResponse } from '../../contract/curation.ts';
import { importFile } from '../../contract/importFile.ts';
import { importGraph } from '../../server/services/importer.ts';
import { foldWords } from '../../server/services/nameFolding.ts';
import { readSeed, readSeeds, seedIfEmpty } from '../../server/services/seed.ts';
import { connectTestDatabase, emptyDatabase, fingerprint, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
const [first, second] = readSeeds().map((f) => importFile.parse(f));
const SECOND = 'wikipedia-sham-legion';

/**
 * The possible duplicates the dry run of the second file reports against the first, each resolved: a
 * different entity kept beside the held one (docs/seed-changes.md, "The second source").
 */
const KEPT_BOTH = [
  { incoming: 'syrian-national-army', existing: 'syrian-arab-army' },
  { incoming: 'syrian-national-army', existing: 'free-syrian-army' },
];

beforeAll(async () => {
  await emptyDatabase(db);
  await db.applySchema();
  await importGraph(db, readSeed());
});
afterAll(() => db.close());

describe('the second source', () => {
  it('a dry run against the first finds only the duplicates the file resolves, and writes nothing', async () => {
    const before = await fingerprint(db);
    const response = await request(app)
      .post('/api/import?dryRun=true')
      .set('content-type', 'application/json')
      .send(second as object);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const answer = dryRunResponse.parse(response.body);
    expect(answer.possibleDuplicates.map(({ incoming, existing }) => ({ incoming, existing }))).toEqual(KEPT_BOTH);
    expect(answer.changes).toEqual({
      sourcesCreated: second!.sources.length,
      sourcesUpdated: 0,
      nodesCreated: second!.nodes.length,
      nodesUpdated: 0,
      relationshipsCreated: second!.relationships.length,
      relationshipsUpdated: 0,
    });
    expect(await fingerprint(db)).toBe(before);
  });

  it('seeds both files in order on an empty database, and none of the first is changed', async () => {
    await emptyDatabase(db);
    await db.applySchema();
    expect(await seedIfEmpty(db)).toBe(true);
    const [row] = await db.runAdmin(
      'MATCH (n:Entity) RETURN sum(CASE WHEN n:Source THEN 1 ELSE 0 END) AS sources, sum(CASE WHEN n:Source THEN 0 ELSE 1 END) AS nodes',
    );
    expect(Number(row?.sources)).toBe(first!.sources.length + second!.sources.length);
    expect(Number(row?.nodes)).toBe(first!.nodes.length + second!.nodes.length);
    const [rels] = await db.runAdmin('MATCH ()-[r]->() RETURN count(r) AS n');
    expect(Number(rels?.n)).toBe(first!.relationships.length + second!.relationships.length);
  });

  it('doubles no node: no two nodes share a name or alias as search folds them', async () => {
    const rows = await db.runAdmin(
      'MATCH (n:Entity) WHERE NOT n:Source RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases',
    );
    const owners = new Map<string, Set<string>>();
    for (const r of rows) {
      for (const name of [r.name as string, ...(r.aliases as string[])]) {
        const key = foldWords(name).join(' ');
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(r.id as string);
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids]}`);
    expect(shared).toEqual([]);
  });

  it('cites the second source on each of its claims, and grades every source F', async () => {
    const rows = await db.runAdmin('MATCH ()-[r]->() WHERE $source IN r.sources RETURN r.id AS id ORDER BY id', {
      source: SECOND,
    });
    expect(rows.map((r) => r.id)).toEqual(second!.relationships.map((r) => r.id).sort());
    const grades = await db.runAdmin('MATCH (s:Source) RETURN DISTINCT s.reliability AS grade');
    expect(grades).toEqual([{ grade: 'F' }]);
  });

  it('keeps both claims where the two sources disagree', async () => {
    const claims = async (source: string, target: string) =>
      (
        await db.runAdmin(
          `MATCH (:Entity {id: $source})-[r:MEMBER_OF]->(:Entity {id: $target})
           RETURN r.sources AS sources, r.from AS from, r.to AS to ORDER BY r.id`,
          { source, target },
        )
      ).map((r) => ({ sources: r.sources, from: r.from, to: r.to }));
    // The first source names the room without dates; the second says "until 2018".
    expect(await claims('sham-legion', 'north-hama-countryside-operations-room')).toEqual([
      { sources: ['ref-13'], from: null, to: null },
      { sources: [SECOND], from: null, to: '2018' },
    ]);
    // The first names only the Legion's northern Hama branch in the NFL; the second the whole Legion.
    expect(await claims('sham-legion-northern-hama-branch', 'national-front-for-liberation')).toHaveLength(1);
    expect(await claims('sham-legion', 'national-front-for-liberation')).toEqual([
      { sources: [SECOND], from: '2018-05', to: null },
    ]);
  });
});
