/**
 * An import with many problems is answered with its first MAX_REPORTED_PROBLEMS (100) and
 * `detailsTruncated`, never a list as long as the file: a file of a million bad items once built a
 * 118 MB answer and 1.5 GB of memory. Every phase is capped: the schema (item by item, stopping at the
 * cap), the whole-file checks, and the conflicts with the database (409). Nothing is written.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { MAX_ITEM_LIST, MAX_REPORTED_PROBLEMS } from '../../contract/importFile.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
let before: string;
beforeAll(async () => {
  await freshSeededDatabase(db);
  before = await fingerprint(db);
});
afterAll(() => db.close());

const postImport = (file: unknown) =>
  request(app)
    .post('/api/import')
    .send(file as object);

/** `count` relationships whose id, type and ends are all wrong: several problems each. */
const badRelationships = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `Bad Id ${i}`, type: 'NOPE', source: 1, target: 2, sources: [] }));

/** `count` people who cite a source that exists nowhere: one whole-file problem each. */
const unsourcedPeople = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    label: 'Person',
    id: `capped-person-${i}`,
    name: `P ${i}`,
    sources: ['ref-999'],
  }));

async function rejected(file: unknown, status = 400) {
  const response = await postImport(file);
  expect(response.status).toBe(status);
  expect(await fingerprint(db)).toBe(before);
  return { error: errorBody.parse(response.body).error, bytes: response.text.length };
}

describe('schema problems', () => {
  it('answers a file of 20,000 bad relationships with its first 100 problems and detailsTruncated', async () => {
    const { error, bytes } = await rejected({ relationships: badRelationships(20_000) });
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.details).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.details?.[0]?.path).toBe('relationships[0].id');
    expect(error.detailsTruncated).toBe(true);
    expect(error.message).toMatch(/first 100 problems are listed; there are more/);
    expect(bytes).toBeLessThan(50_000);
  });

  it('stops reading at the 101st problem: a file whose JSON breaks after it is answered with its problems', async () => {
    const text = JSON.stringify({ relationships: badRelationships(200) });
    const response = await request(app)
      .post('/api/import')
      .set('Content-Type', 'application/json')
      .send(`${text.slice(0, -2)}, {"id": this is not JSON`);
    expect(response.status).toBe(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.details).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.detailsTruncated).toBe(true);
  });

  it('answers a wrong outline at once, naming it', async () => {
    const outline = async (body: string) => {
      const response = await request(app).post('/api/import').set('Content-Type', 'application/json').send(body);
      expect(response.status).toBe(400);
      return errorBody.parse(response.body).error.details;
    };
    expect(await outline(`{"nodes": 42, "relationships": [${'{},'.repeat(1000)}{}]}`)).toEqual([
      { path: 'nodes', message: 'Invalid input: expected array, received number' },
    ]);
    expect(await outline(`{"people": [${'{},'.repeat(1000)}{}]}`)).toEqual([
      { path: '', message: 'Unrecognized key: "people"' },
    ]);
    expect(await outline('[{"nodes": []}]')).toEqual([
      { path: '', message: 'Invalid input: expected object, received array' },
    ]);
  });

  it('answers one node with 100,000 aliases with one problem, not one per alias', async () => {
    const node = {
      label: 'Person',
      id: 'many-names',
      name: 'Many',
      aliases: Array(100_000).fill(7),
      sources: ['ref-1'],
    };
    const { error } = await rejected({ nodes: [node] });
    expect(error.details).toEqual([
      { path: 'nodes[0].aliases', message: expect.stringContaining(String(MAX_ITEM_LIST)) },
    ]);
    expect(error.detailsTruncated).toBeUndefined();
  });

  it('keeps a problem message short when it names 50,000 unknown fields', async () => {
    const node = { label: 'Person', id: 'odd-fields', name: 'Odd', sources: ['ref-1'] } as Record<string, unknown>;
    for (let i = 0; i < 50_000; i++) node[`field${i}`] = i;
    const { error, bytes } = await rejected({ nodes: [node] });
    expect(error.details?.[0]?.path).toBe('nodes[0]');
    expect(bytes).toBeLessThan(5_000);
  });

  it('lists exactly 100 problems without detailsTruncated when there are exactly 100', async () => {
    const file = { nodes: unsourcedPeople(1).map((p) => ({ ...p, sources: [] })), relationships: [] as unknown[] };
    file.nodes = Array.from({ length: 100 }, (_, i) => ({ ...file.nodes[0]!, id: `empty-citations-${i}` }));
    const { error } = await rejected(file);
    expect(error.details).toHaveLength(100);
    expect(error.detailsTruncated).toBeUndefined();
  });
});

describe('whole-file problems and conflicts', () => {
  it('answers 3,000 people citing an unknown source with the first 100 and detailsTruncated', async () => {
    const { error } = await rejected({ nodes: unsourcedPeople(3_000) });
    expect(error.details).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.details?.[0]).toEqual({ path: 'nodes[0].sources[0]', message: 'unknown source "ref-999"' });
    expect(error.detailsTruncated).toBe(true);
  });

  it('answers 409 with the first 100 of 300 conflicts with the database', async () => {
    const people = Array.from({ length: 300 }, (_, i) => ({
      label: 'Person',
      id: `held-${i}`,
      name: `Held ${i}`,
      sources: ['ref-1'],
    }));
    expect((await postImport({ nodes: people })).status).toBe(200);
    before = await fingerprint(db);
    const { error } = await rejected({ nodes: people.map((p) => ({ ...p, label: 'Faction' })) }, 409);
    expect(error.code).toBe('IMPORT_CONFLICT');
    expect(error.details).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.details?.[0]?.message).toBe('id "held-0" is already a Person in the database');
    expect(error.detailsTruncated).toBe(true);
  });
});
