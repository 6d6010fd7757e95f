/**
 * Integers in paths and query strings are plain decimal digits, nothing else JavaScript's Number() reads:
 * `/restore/0x1` once restored revision 1, `offset=0x10` paged from 16 and `limit=1e2` asked for 100.
 * Hex, binary, octal, exponents, signs, fractions and blanks are refused with 400 naming the parameter,
 * on every route that takes an integer; plain digits still work.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededApp } from '../support/fixtures.ts';
import {
  createThrough,
  documentOf,
  drawnNeighbourhood,
  getThrough,
  NASR,
  saveThrough,
} from '../support/investigations.ts';

const { app } = seededApp();

const NOT_DECIMAL = ['0x10', '1e2', '0b1', '0o7', '+5', '5.0', ' 5', '1_0', '٣'];

/** Every query parameter that is an integer, on a request that is otherwise valid, with a value that works. */
const QUERY_INTEGERS: [path: string, others: Record<string, string>, name: string, good: string][] = [
  ['/api/entities', { label: 'Faction' }, 'offset', '16'],
  ['/api/entities', { label: 'Faction' }, 'limit', '100'],
  ['/api/search', { q: 'nasr' }, 'limit', '5'],
  [`/api/nodes/${NASR}/neighbors`, {}, 'depth', '1'],
  [`/api/nodes/${NASR}/neighbors`, {}, 'limit', '100'],
  ['/api/paths', { from: NASR, to: 'free-syrian-army' }, 'maxLength', '4'],
  ['/api/paths', { from: NASR, to: 'free-syrian-army' }, 'limit', '5'],
  [`/api/lineage/${NASR}`, {}, 'depth', '3'],
  ['/api/sources/ref-4/claims', {}, 'limit', '100'],
];

describe.each(QUERY_INTEGERS)('GET %s ?%o: %s', (path, others, name, good) => {
  it.each(NOT_DECIMAL)(`refuses ${name}=%s with 400 naming it`, async (value) => {
    const response = await request(app)
      .get(path)
      .query({ ...others, [name]: value });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.message).toContain(name);
  });

  it(`takes ${name}=${good}`, async () => {
    const response = await request(app)
      .get(path)
      .query({ ...others, [name]: good });
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
  });
});

it('pages the entity list from offset=16 as digits, exactly as far as asked', async () => {
  const all = await request(app).get('/api/entities').query({ label: 'Faction', limit: '100' }).expect(200);
  const page = await request(app).get('/api/entities').query({ label: 'Faction', offset: '16' }).expect(200);
  expect(page.body.rows[0]).toEqual(all.body.rows[16]);
});

describe('revision numbers in paths', () => {
  it.each(NOT_DECIMAL.map((n) => encodeURIComponent(n)))(
    'refuses /revisions/%s and /restore/%s with 400 naming n, and restores nothing',
    async (n) => {
      const drawn = await drawnNeighbourhood(app);
      const created = await createThrough(app, documentOf(drawn, 'Numbered'));
      await saveThrough(app, created.id, documentOf(drawn, 'Numbered, saved'), 1).expect(200);
      const read = await request(app).get(`/api/investigations/${created.id}/revisions/${n}`);
      expect(read.status).toBe(400);
      expect(read.body.error.message).toMatch(/\bn\b/);
      const restore = await request(app).post(`/api/investigations/${created.id}/restore/${n}`).send({});
      expect(restore.status).toBe(400);
      expect(restore.body.error.message).toMatch(/\bn\b/);
      expect((await getThrough(app, created.id)).version).toBe(2);
    },
  );

  it('restores /restore/1 written as digits', async () => {
    const drawn = await drawnNeighbourhood(app);
    const created = await createThrough(app, documentOf(drawn, 'First'));
    await saveThrough(app, created.id, documentOf(drawn, 'Second'), 1).expect(200);
    const restored = await request(app).post(`/api/investigations/${created.id}/restore/1`).send({}).expect(200);
    expect(restored.body).toMatchObject({ version: 3, title: 'First' });
  });
});
