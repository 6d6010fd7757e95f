/**
 * Search: GET /api/search finds a node by any of its names, in Latin or Arabic script, whatever the
 * case, hyphens, diacritics, article or transliteration; while typing (a prefix) too. Bad parameters
 * are 400s, and no input reaches Lucene as syntax.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, searchResponse, type SearchResult } from '../../contract/api.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

async function search(q: string, limit?: number): Promise<SearchResult[]> {
  const response = await request(app)
    .get('/api/search')
    .query(limit === undefined ? { q } : { q, limit })
    .expect(200);
  return searchResponse.parse(response.body).results;
}

/** The analyst finds the node when it is the best match. */
async function expectBestMatch(q: string, id: string) {
  const [best] = await search(q);
  expect(best?.id, `best match for ${JSON.stringify(q)}`).toBe(id);
}

describe('GET /api/search', () => {
  it('answers with id, label, name, aliases and score of each match, best first', async () => {
    const results = await search('Jaysh al-Nasr');
    expect(results[0]).toMatchObject({ id: 'jaysh-al-nasr', label: 'Faction', name: 'Jaysh al-Nasr' });
    expect(results[0]?.aliases).toContain('Army of Victory');
    expect(results[0]?.score).toBeGreaterThan(0);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each([
    'Jaysh al-Nasr',
    'jaish al nasr',
    'JAYSH AL-NASR',
    'Army of Victory',
    'جيش النصر',
    'Jaysh Nasr',
    'al-Nasr',
    'Jaysh al-Na',
    'Jaysh al-Naṣr',
    'Jaysh-al-Nasr',
    '#JayshAlNasr',
  ])('finds Jaysh al-Nasr by %j', (q) => expectBestMatch(q, 'jaysh-al-nasr'));

  it.each([
    ['Suqour al-Ghab', 'falcons-of-al-ghab'],
    ['Suqur al Ghab', 'falcons-of-al-ghab'],
    ['Faylaq al-Sham', 'sham-legion'],
    ['Failaq al-Sham', 'sham-legion'],
    ['لواء الأقصى', 'jund-al-aqsa'],
    ['لواء الاقصى', 'jund-al-aqsa'],
    ['Musa al-Omar', 'moussa-al-omar'],
    ['muhammad mans', 'muhammad-mansour'],
  ])('finds %j as %s', (q, id) => expectBestMatch(q, id));

  it('finds nothing for a name that is not there', async () => {
    expect(await search('Hezbollah')).toEqual([]);
  });

  it('answers at most `limit` results', async () => {
    const all = await search('Jaysh al-Nasr', 100);
    expect(all.length).toBeGreaterThan(2);
    expect(await search('Jaysh al-Nasr', 2)).toHaveLength(2);
  });

  it('keeps Lucene syntax in the words from reaching the index', async () => {
    for (const q of ['al-Nasr)(*:~', 'name:*', '"unbalanced', 'a AND OR NOT', '[2015 TO 2016]', '\\', '*', '~']) {
      const response = await request(app).get('/api/search').query({ q });
      expect(response.status, q).toBe(200);
      searchResponse.parse(response.body);
    }
    await expectBestMatch('al-Nasr)(*:~', 'jaysh-al-nasr');
  });

  it.each([
    ['missing q', {}],
    ['empty q', { q: '' }],
    ['blank q', { q: '   ' }],
    ['q too long', { q: 'x'.repeat(201) }],
    ['limit 0', { q: 'nasr', limit: '0' }],
    ['limit 101', { q: 'nasr', limit: '101' }],
    ['limit abc', { q: 'nasr', limit: 'abc' }],
    ['limit 2.5', { q: 'nasr', limit: '2.5' }],
  ])('answers 400 with a JSON error for %s', async (_case, query) => {
    const response = await request(app).get('/api/search').query(query).expect(400).expect('content-type', /json/);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/\b(q|limit)\b/);
  });

  it('answers 400 when q is given twice', async () => {
    await request(app).get('/api/search?q=nasr&q=ghab').expect(400);
  });
});
