/**
 * "As known on" (issue 12, contract/knownTime.ts) on every read that draws the network: a node's
 * detail, its neighbourhood, the relationships among drawn nodes, paths and lineage answer the graph as
 * it stood at the end of a day, or just before an instant, and 400 for anything else. A faction and its
 * membership are added on one day, the membership corrected the next and retracted the day after,
 * through the API on the app's clock (in 2027, after the seed was recorded).
 */
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
let clock = new Date('2027-06-01T09:00:00.000Z');
const app = createApp({ db, logger: pino({ level: 'silent' }), now: () => clock });
const NODE = 'brigade-known-later';
const ROOT = 'jaysh-al-nasr';
let corrected = '';

beforeAll(async () => {
  await freshSeededDatabase(db);
  const ok = (response: request.Response) => {
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body as { id: string; recordedAt: string };
  };
  ok(
    await request(app)
      .post('/api/sources')
      .send({ source: { id: 'known-report', name: 'Report', title: null } }),
  );
  const node = { label: 'Faction', id: NODE, name: 'Brigade Known Later', aliases: [], sources: ['known-report'] };
  ok(await request(app).post('/api/nodes').send({ node, keepBoth: true }));
  const claim = { id: 'known-membership', type: 'MEMBER_OF', source: NODE, target: ROOT, sources: ['known-report'] };
  const added = ok(await request(app).post('/api/relationships').send({ claim }));
  clock = new Date('2027-06-02T09:00:00.000Z');
  corrected = ok(
    await request(app)
      .patch('/api/relationships/known-membership')
      .send({ claim: { ...claim, from: '2016' }, basedOn: added.recordedAt }),
  ).recordedAt;
  clock = new Date('2027-06-03T09:00:00.000Z');
  ok(await request(app).post('/api/relationships/known-membership/retraction').send({ reason: 'wrong group' }));
});
afterAll(() => db.close());

type Edge = { id: string; from: string | null };
const membership = (edges: Array<{ data: Edge }>) => edges.map((e) => e.data).find((e) => e.id === 'known-membership');

describe('knownOn', () => {
  it('answers a node only from the day it was recorded', async () => {
    expect((await request(app).get(`/api/nodes/${NODE}`).query({ knownOn: '2027-05-31' })).status).toBe(404);
    expect((await request(app).get(`/api/nodes/${NODE}`).query({ knownOn: '2027-06-01' })).status).toBe(200);
    expect((await request(app).get(`/api/nodes/${NODE}`)).status).toBe(200);
  });

  it('draws the neighbourhood as known on a day or just before an instant', async () => {
    const neighbours = async (knownOn?: string) => {
      const response = await request(app)
        .get(`/api/nodes/${NODE}/neighbors`)
        .query(knownOn ? { knownOn } : {});
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: Edge }> };
    };
    expect(membership((await neighbours('2027-06-01')).edges)).toMatchObject({ from: null });
    expect(membership((await neighbours('2027-06-02')).edges)).toMatchObject({ from: '2016' });
    expect(membership((await neighbours(corrected)).edges)).toMatchObject({ from: null });
    expect(membership((await neighbours('2027-06-03')).edges)).toBeUndefined();
    const now = await neighbours();
    expect(membership(now.edges)).toBeUndefined();
    expect(now.nodes.map((n) => n.data.id)).toEqual([NODE]);
  });

  it('draws the relationships among drawn nodes as known then', async () => {
    const among = async (knownOn?: string) =>
      (
        await request(app)
          .post('/api/relationships/among')
          .send({ ids: [NODE, ROOT], ...(knownOn ? { knownOn } : {}) })
          .expect(200)
      ).body.edges as Array<{ data: Edge }>;
    expect(membership(await among('2027-06-02'))).toMatchObject({ from: '2016' });
    expect(membership(await among())).toBeUndefined();
  });

  it('finds paths as known then', async () => {
    const paths = async (knownOn?: string) => {
      const response = await request(app)
        .get('/api/paths')
        .query({ from: NODE, to: ROOT, ...(knownOn ? { knownOn } : {}) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as { paths: Array<{ edges: string[] }> };
    };
    expect((await paths('2027-06-02')).paths[0]?.edges).toEqual(['known-membership']);
    expect((await paths()).paths).toEqual([]);
  });

  it('draws a lineage as known then', async () => {
    const lineage = async (knownOn?: string) =>
      (
        await request(app)
          .get(`/api/lineage/${ROOT}`)
          .query(knownOn ? { knownOn } : {})
          .expect(200)
      ).body as { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: Edge }> };
    const then = await lineage('2027-06-01');
    expect(membership(then.edges)).toBeDefined();
    expect(then.nodes.map((n) => n.data.id)).toContain(NODE);
    const now = await lineage();
    expect(membership(now.edges)).toBeUndefined();
    expect(now.nodes.map((n) => n.data.id)).not.toContain(NODE);
    // The seed was recorded before 2027: its lineage is there then and now.
    expect(now.edges.length).toBeGreaterThan(0);
    expect(then.edges.length).toBe(now.edges.length + 1);
  });

  it.each(['yesterday', '2027-13-01', '2027-06', '2027-06-01T10:00', '2027-06-01T10:00:00+02:00'])(
    'refuses knownOn=%s with 400 on every read',
    async (knownOn) => {
      const answers = await Promise.all([
        request(app).get(`/api/nodes/${NODE}`).query({ knownOn }),
        request(app).get(`/api/nodes/${NODE}/neighbors`).query({ knownOn }),
        request(app).get('/api/paths').query({ from: NODE, to: ROOT, knownOn }),
        request(app).get(`/api/lineage/${ROOT}`).query({ knownOn }),
        request(app)
          .post('/api/relationships/among')
          .send({ ids: [NODE], knownOn }),
      ]);
      for (const a of answers) {
        expect(a.status, JSON.stringify(a.body)).toBe(400);
        expect(a.body.error.message).toMatch(/knownOn/);
      }
    },
  );
});

describe('source grades as known on', () => {
  it('answers the grade a source had then: the old one before a regrade, none before it was recorded', async () => {
    const grades = async (knownOn?: string) => {
      const response = await request(app)
        .post('/api/sources/grades')
        .send({ ids: ['known-report', 'ref-4'], ...(knownOn ? { knownOn } : {}) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body as { grades: Record<string, string> }).grades;
    };
    const held = await request(app).get('/api/nodes/known-report');
    clock = new Date('2027-06-04T09:00:00.000Z');
    const source = { id: 'known-report', name: 'Report', title: null, reliability: 'B' };
    const basedOn = held.body.node.changedAt ?? held.body.node.recordedAt;
    const regraded = await request(app).patch('/api/sources/known-report').send({ source, basedOn });
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);

    expect(await grades()).toEqual({ 'known-report': 'B', 'ref-4': 'F' });
    expect(await grades('2027-06-04')).toEqual({ 'known-report': 'B', 'ref-4': 'F' });
    expect(await grades('2027-06-03')).toEqual({ 'known-report': 'F', 'ref-4': 'F' });
    expect(await grades(regraded.body.recordedAt)).toEqual({ 'known-report': 'F', 'ref-4': 'F' });
    // Before the report was recorded it was not known at all; the seed's source was.
    expect(await grades('2027-05-31')).toEqual({ 'ref-4': 'F' });
    // Before the seed was imported (its import stamped recordedAt) neither was known.
    expect(await grades('2020-01-01')).toEqual({});
    const bad = await request(app)
      .post('/api/sources/grades')
      .send({ ids: ['ref-4'], knownOn: '2027-02-30' });
    expect(bad.status).toBe(400);
  });
});
