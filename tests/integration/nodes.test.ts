/**
 * A node: GET /api/nodes/:id answers the node with every property it was imported with and the
 * Source nodes it cites (says who), or a 404 JSON error for an id that is not there.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, nodeDetail } from '../../contract/api.ts';
import { importFile, type ImportFile } from '../../contract/importFile.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
const seed: ImportFile = importFile.parse(readSeed());
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const seedNode = (id: string) => {
  const node = seed.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`${id} is not in the seed`);
  return node;
};
const seedSource = (id: string) => seed.sources.find((s) => s.id === id);

async function getNode(id: string) {
  const response = await request(app)
    .get(`/api/nodes/${encodeURIComponent(id)}`)
    .expect(200);
  return nodeDetail.parse(response.body);
}

describe('GET /api/nodes/:id', () => {
  it('answers Jaysh al-Nasr with every property it was imported with, its lifetime, and nothing internal', async () => {
    const { node } = await getNode('jaysh-al-nasr');
    const { label, ...properties } = seedNode('jaysh-al-nasr');
    expect(node.label).toBe(label);
    expect(node).toMatchObject(properties);
    expect(node).not.toHaveProperty('searchKeys');
    // Founded August 2015 and never dissolved (contract/validTime.ts derives it at import).
    expect(node).toMatchObject({ validFrom: '2015-08-01', validTo: '9999-12-31' });
    // And when the import recorded it (transaction time, contract/knownTime.ts; the seed has no user).
    expect(node.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Object.keys(node).sort()).toEqual(
      ['label', 'validFrom', 'validTo', 'recordedAt', ...Object.keys(properties)].sort(),
    );
  });

  it('answers the sources a node cites, with title, publisher, author, date and number', async () => {
    const { node, sources } = await getNode('jaysh-al-nasr');
    expect(sources.map((s) => s.id).sort()).toEqual([...(node.sources as string[])].sort());
    for (const source of sources) {
      const imported = seedSource(source.id);
      expect(imported, source.id).toBeDefined();
      expect(source.name).toBe(imported?.name);
      expect(source.title).toBe(imported?.title ?? null);
      expect(source.publisher).toBe(imported?.publisher ?? null);
      expect(source.author).toBe(imported?.author ?? null);
      expect(source.date).toBe(imported?.date ?? null);
      expect(source.number).toBe(imported?.number ?? null);
      expect(source.url).toBe(imported?.url ?? null);
    }
    const ref1 = sources.find((s) => s.id === 'ref-1');
    expect(ref1?.publisher).toBe('The Syrian Observer');
  });

  it('lists numbered references in reference order', async () => {
    const { sources } = await getNode('jaysh-al-nasr');
    const numbers = sources.map((s) => s.number).filter((n): n is number => n !== null);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(sources.at(-1)?.id).toBe('wikipedia-jaysh-al-nasr'); // unnumbered sources after the references
  });

  it('answers a person and an event too, each with its own label and sources', async () => {
    for (const id of ['muhammad-mansour', 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun']) {
      const { node, sources } = await getNode(id);
      expect(node.label).toBe(seedNode(id).label);
      expect(sources.map((s) => s.id).sort()).toEqual([...seedNode(id).sources].sort());
    }
  });

  it('answers a source itself, which cites nothing', async () => {
    const { node, sources } = await getNode('ref-1');
    expect(node).toMatchObject({ id: 'ref-1', label: 'Source', title: seedSource('ref-1')?.title });
    expect(sources).toEqual([]);
  });

  it('answers 404 with a JSON error for an id that is not there', async () => {
    const response = await request(app).get('/api/nodes/no-such-faction').expect(404).expect('content-type', /json/);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no-such-faction');
  });

  it('answers 404 for ids that only look like Cypher', async () => {
    for (const id of ["x' OR 1=1 //", '*', 'jaysh-al-nasr"})-[r]-() DETACH DELETE r //']) {
      await request(app)
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(404);
    }
    await getNode('jaysh-al-nasr');
  });

  it('answers 400 for an id longer than any id can be', async () => {
    await request(app)
      .get(`/api/nodes/${'x'.repeat(201)}`)
      .expect(400);
  });
});
