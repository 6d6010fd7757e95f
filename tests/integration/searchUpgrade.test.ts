/**
 * A database imported by an earlier version still searches like a new one after a start: the schema
 * drops the old full-text index (entity_names) for the new ones, and refreshSearchKeys refolds the
 * stored search keys that the earlier folding made (server/main.ts runs both at every start).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResponse } from '../../contract/api.ts';
import { refreshSearchKeys } from '../../server/services/searchKeys.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);

const fullTextIndexes = async () =>
  (await db.runAdmin('SHOW FULLTEXT INDEXES YIELD name RETURN name ORDER BY name')).map((r) => r.name);

async function bestMatch(q: string): Promise<string | undefined> {
  const response = await request(app).get('/api/search').query({ q }).expect(200);
  return searchResponse.parse(response.body).results[0]?.id;
}

/** The state an earlier version left: its one index, and keys without the run-together forms. */
async function downgrade(): Promise<void> {
  for (const name of await fullTextIndexes()) await db.runAdmin(`DROP INDEX ${name}`);
  await db.runAdmin(
    `CREATE FULLTEXT INDEX entity_names FOR (n:Faction|Person|Event|Place) ON EACH [n.name, n.aliases, n.searchKeys]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  );
  // Sources had none; a node had its split forms only (as the earlier folding made them), or none.
  await db.runAdmin('MATCH (n:Entity) REMOVE n.searchKeys');
  await db.runAdmin("MATCH (n:Entity {id: 'jaysh-al-nasr'}) SET n.searchKeys = ['jaish nasr', 'army of victory']");
}

beforeAll(async () => {
  await freshSeededDatabase(db);
  await downgrade();
});
afterAll(() => db.close());

describe('a database indexed by an earlier version', () => {
  it('gets the new indexes in place of the old one when the schema is applied', async () => {
    expect(await fullTextIndexes()).toEqual(['entity_names']);
    await db.applySchema();
    expect(await fullTextIndexes()).toEqual(['search_arabic_v2', 'search_folded_v2']);
  });

  it('finds run-together forms and sources only once its stale search keys are refolded', async () => {
    // (not "jayshalnasr": the alias JayshAlNasr, indexed as written, is one edit from it)
    expect(await bestMatch('jaysh alnasr')).toBeUndefined();
    expect(await bestMatch('Ascendancy')).toBeUndefined();

    expect(await refreshSearchKeys(db)).toBeGreaterThan(0);

    expect(await bestMatch('jaysh alnasr')).toBe('jaysh-al-nasr');
    expect(await bestMatch('Ascendancy')).toBe('ref-4');
  });

  it('rewrites nothing on a second start', async () => {
    expect(await refreshSearchKeys(db)).toBe(0);
  });
});
