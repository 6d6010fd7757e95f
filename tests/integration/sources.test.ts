/**
 * Sources as something to find and navigate from: GET /api/search finds them by title, author and
 * publisher (label 'Source'); GET /api/sources/:id/claims answers what a source states, the nodes and
 * relationships citing it with their end nodes, as elements; unknown ids and bad limits are JSON errors.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, errorBody, searchResponse, type SearchResult } from '../../contract/api.ts';
import { importFile } from '../../contract/importFile.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
const seed = importFile.parse(readSeed());
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

async function search(q: string): Promise<SearchResult[]> {
  const response = await request(app).get('/api/search').query({ q, limit: 100 }).expect(200);
  return searchResponse.parse(response.body).results;
}

const sourceIds = (results: SearchResult[]) => results.filter((r) => r.label === 'Source').map((r) => r.id);
const seedSourcesWhere = (test: (s: (typeof seed.sources)[number]) => boolean) =>
  seed.sources.filter(test).map((s) => s.id);

describe('sources found by search', () => {
  it('finds every Jamestown Foundation source by its publisher, labelled Source, with its title', async () => {
    const results = await search('Jamestown');
    const expected = seedSourcesWhere((s) => /Jamestown/.test(s.publisher ?? ''));
    expect(expected.length).toBeGreaterThan(0);
    expect(sourceIds(results).sort()).toEqual(expected.sort());
    const ref4 = results.find((r) => r.id === 'ref-4');
    expect(ref4).toMatchObject({ label: 'Source', title: seed.sources.find((s) => s.id === 'ref-4')?.title });
  });

  it("finds Nicholas Heras's article by its author", async () => {
    const [best] = await search('Heras');
    expect(best).toMatchObject({ id: 'ref-4', label: 'Source' });
    const [byFullName] = await search('Nicholas A. Heras');
    expect(byFullName?.id).toBe('ref-4');
  });

  it('finds sources by words of their titles, in Latin and Arabic script', async () => {
    expect(sourceIds(await search('Commanding the Jaysh al-Nasr Coalition'))[0]).toBe('ref-4');
    expect(sourceIds(await search('prisoners swap Hama'))).toContain('ref-17');
    expect(sourceIds(await search('الناجي الوحيد'))[0]).toBe('ref-22');
  });

  it('finds every source of one publisher: Enab Baladi', async () => {
    const expected = seedSourcesWhere((s) => s.publisher === 'Enab Baladi');
    expect(sourceIds(await search('Enab Baladi')).sort()).toEqual(expected.sort());
  });

  it('ranks a node above a source whose title repeats its name', async () => {
    const results = await search('Jaysh al-Nasr');
    expect(results[0]?.id).toBe('jaysh-al-nasr');
    expect(sourceIds(results)).toContain('wikipedia-jaysh-al-nasr');
  });

  it("answers each node's relationship types, and none for a source", async () => {
    const [nasr] = await search('Jaysh al-Nasr');
    expect(nasr?.types).toEqual(expect.arrayContaining(['MEMBER_OF', 'MERGED_INTO', 'LED_BY']));
    const [heras] = await search('Heras');
    expect(heras?.types).toEqual([]);
  });
});

async function claims(id: string, query: Record<string, string> = {}) {
  const response = await request(app)
    .get(`/api/sources/${encodeURIComponent(id)}/claims`)
    .query(query)
    .expect(200);
  return elements.parse(response.body);
}

describe('GET /api/sources/:id/claims', () => {
  it('answers every node and relationship citing the source, and the relationships’ end nodes', async () => {
    const answer = await claims('ref-4');
    const citingNodes = seed.nodes.filter((n) => n.sources.includes('ref-4')).map((n) => n.id);
    const citingRelationships = seed.relationships.filter((r) => r.sources.includes('ref-4'));
    expect(citingNodes.length + citingRelationships.length).toBeGreaterThan(0);
    const ends = citingRelationships.flatMap((r) => [r.source, r.target]);
    expect(answer.nodes.map((n) => n.data.id).sort()).toEqual([...new Set([...citingNodes, ...ends])].sort());
    expect(answer.edges.map((e) => e.data.id).sort()).toEqual(citingRelationships.map((r) => r.id).sort());
    for (const e of answer.edges) expect(e.data.sources).toContain('ref-4');
    expect(answer.truncated).toBe(false);
  });

  it('answers nothing to draw, not an error, for a source nothing cites', async () => {
    await request(app)
      .post('/api/import')
      .send({ sources: [{ id: 'uncited-source', name: 'An uncited source', title: 'Nothing rests on this' }] })
      .expect(200);
    expect(await claims('uncited-source')).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it('says truncated when more cite the source than the limit', async () => {
    const answer = await claims('ref-4', { limit: '1' });
    expect(answer.truncated).toBe(true);
    expect(answer.edges.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['an unknown id', 'ref-999'],
    ['a node that is not a source', 'jaysh-al-nasr'],
  ])('answers 404 NOT_FOUND for %s', async (_case, id) => {
    const response = await request(app).get(`/api/sources/${id}/claims`).expect(404).expect('content-type', /json/);
    expect(errorBody.parse(response.body).error).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.body.error.message).toContain(id);
  });

  it.each(['0', '5001', 'many'])('answers 400 BAD_REQUEST naming limit for limit=%s', async (limit) => {
    const response = await request(app).get('/api/sources/ref-4/claims').query({ limit }).expect(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/\blimit\b/);
  });

  it('is in the OpenAPI document', async () => {
    const response = await request(app).get('/api/openapi.json').expect(200);
    expect(Object.keys(response.body.paths)).toContain('/api/sources/{id}/claims');
  });
});
