/**
 * Claims, nodes and sources through curation (issue 12), against the real Neo4j: a claim needs a
 * source; adding, correcting and retracting a claim each leave a history entry with the user, the
 * sources, the reason and the old and new values; a retraction keeps the claim "as known on" the days
 * before it and removes it after; two corrections of one version race to one 200 and one 409; viewers
 * may not write. The app's clock is the test's, so each change falls on a day of its own (in 2027,
 * after the seed was recorded).
 */
import type { Agent } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from '../../contract/auth.ts';
import { curationResponse, historyResponse } from '../../contract/curation.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
let clock = new Date('2027-03-01T10:00:00.000Z');
const app = authApp(db, { now: () => clock });
let analyst: Agent;
let viewer: Agent;
let admin: Agent;

const A = 'falcons-of-al-ghab';
const B = 'jaysh-al-izza';

beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, 'cur-analyst', 'analyst');
  await createTestUser(db, 'cur-viewer', 'viewer');
  await createTestUser(db, 'cur-admin', 'admin');
  analyst = await signedIn(app, 'cur-analyst');
  viewer = await signedIn(app, 'cur-viewer');
  admin = await signedIn(app, 'cur-admin');
});
afterAll(() => db.close());

async function count(query: string): Promise<number> {
  const [row] = await db.runAdmin(query);
  return Number(row?.n);
}

/** The edges between A and B as the API draws them, as known on `knownOn` (now if absent). */
async function edgesAmong(knownOn?: string) {
  const response = await analyst
    .post('/api/relationships/among')
    .send({ ids: [A, B], ...(knownOn ? { knownOn } : {}) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.edges as Array<{ data: Record<string, unknown> }>).map((e) => e.data);
}

async function historyOf(id: string) {
  const response = await analyst.get(`/api/relationships/${id}/history`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return historyResponse.parse(response.body).changes;
}

const claim = (extra: Record<string, unknown> = {}) => ({
  type: 'SUPPORTED_BY',
  source: A,
  target: B,
  sources: ['cur-report'],
  description: 'supplied with ammunition',
  credibility: 2,
  ...extra,
});

describe('curating a claim', () => {
  let id: string;
  let added: string;
  let corrected: string;
  let retracted: string;

  it('refuses a claim without a source with 400, and writes nothing', async () => {
    const before = await count('MATCH (c:FactChange) RETURN count(c) AS n');
    const relationships = await count('MATCH ()-[r]->() RETURN count(r) AS n');
    const response = await analyst.post('/api/relationships').send({ claim: claim({ sources: [] }) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toMatch(/claim\.sources/);
    expect(await count('MATCH (c:FactChange) RETURN count(c) AS n')).toBe(before);
    expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(relationships);
  });

  it('refuses a claim citing a source that is not held, at the field', async () => {
    const response = await analyst.post('/api/relationships').send({ claim: claim({ sources: ['no-such-source'] }) });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual({
      path: 'claim.sources[0]',
      message: expect.stringMatching(/unknown source/),
    });
  });

  it('adds a graded source and a claim citing it, recorded with the user and the time', async () => {
    const source = await analyst
      .post('/api/sources')
      .send({ source: { id: 'cur-report', name: 'Field report', title: 'A field report', reliability: 'B' } });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const grades = await analyst.post('/api/sources/grades').send({ ids: ['cur-report', 'wikipedia-jaysh-al-nasr'] });
    expect(grades.body).toEqual({ grades: { 'cur-report': 'B', 'wikipedia-jaysh-al-nasr': 'F' } });

    const response = await analyst.post('/api/relationships').send({ claim: claim() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ({ id, recordedAt: added } = curationResponse.parse(response.body));
    expect(id).toBe(`${A}-supported-by-${B}`);
    expect(added).toBe('2027-03-01T10:00:00.000Z');
    const [edge] = (await edgesAmong()).filter((e) => e.id === id);
    expect(edge).toMatchObject({
      id,
      credibility: 2,
      recordedAt: added,
      recordedBy: 'cur-analyst',
      sources: ['cur-report'],
    });
  });

  it('corrects it: one edge with the same id now, the old version as known on the day before', async () => {
    clock = new Date('2027-03-02T10:00:00.000Z');
    const response = await analyst
      .patch(`/api/relationships/${id}`)
      .send({ claim: claim({ credibility: 3, description: 'supplied with fuel' }), basedOn: added, reason: 'misread' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    corrected = curationResponse.parse(response.body).recordedAt;

    const now = (await edgesAmong()).filter((e) => e.id === id);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ credibility: 3, description: 'supplied with fuel', recordedAt: corrected });
    const then = (await edgesAmong('2027-03-01')).filter((e) => e.id === id);
    expect(then).toHaveLength(1);
    expect(then[0]).toMatchObject({ credibility: 2, description: 'supplied with ammunition', supersededAt: corrected });
    // Just before the correction's instant, the old version; at it, the new one.
    expect((await edgesAmong(corrected)).find((e) => e.id === id)).toMatchObject({ credibility: 2 });
  });

  it('refuses a correction based on a replaced version (409) or changing the ends (400)', async () => {
    const stale = await analyst.patch(`/api/relationships/${id}`).send({ claim: claim(), basedOn: added });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('EDIT_CONFLICT');
    const moved = await analyst
      .patch(`/api/relationships/${id}`)
      .send({ claim: claim({ target: 'jaysh-al-nasr' }), basedOn: corrected });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details).toEqual([{ path: 'claim.target', message: expect.any(String) }]);
  });

  it('refuses a correction that changes nothing (400 NO_CHANGE), writing nothing', async () => {
    const changes = await count('MATCH (c:FactChange) RETURN count(c) AS n');
    const versions = await count(`MATCH ()-[r {claimId: '${id}'}]->() RETURN count(r) AS n`);
    const same = await analyst.patch(`/api/relationships/${id}`).send({
      claim: claim({ credibility: 3, description: 'supplied with fuel' }),
      basedOn: corrected,
      reason: 'again',
    });
    expect(same.status, JSON.stringify(same.body)).toBe(400);
    expect(same.body.error).toMatchObject({ code: 'NO_CHANGE', message: 'the correction changes nothing' });
    expect(await count('MATCH (c:FactChange) RETURN count(c) AS n')).toBe(changes);
    expect(await count(`MATCH ()-[r {claimId: '${id}'}]->() RETURN count(r) AS n`)).toBe(versions);
  });

  it('retracts it: known on the days before, gone after, nothing deleted', async () => {
    clock = new Date('2027-03-03T10:00:00.000Z');
    const response = await analyst
      .post(`/api/relationships/${id}/retraction`)
      .send({ reason: 'source withdrew it', basedOn: corrected });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    retracted = curationResponse.parse(response.body).recordedAt;

    expect((await edgesAmong()).some((e) => e.id === id)).toBe(false);
    expect((await edgesAmong('2027-03-03')).some((e) => e.id === id)).toBe(false);
    expect((await edgesAmong('2027-03-02')).find((e) => e.id === id)).toMatchObject({ credibility: 3 });
    expect((await edgesAmong('2027-03-01')).find((e) => e.id === id)).toMatchObject({ credibility: 2 });
    expect((await edgesAmong('2027-02-28')).some((e) => e.id === id)).toBe(false);
    expect(await count(`MATCH ()-[r {claimId: '${id}'}]->() RETURN count(r) AS n`)).toBe(2);
    const again = await analyst.post(`/api/relationships/${id}/retraction`).send({ reason: 'twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_RETRACTED');
    expect(again.body.error.message).toMatch(new RegExp(`retracted on ${retracted} by cur-analyst`));
    const fix = await analyst.patch(`/api/relationships/${id}`).send({ claim: claim(), basedOn: retracted });
    expect(fix.status).toBe(409);
    expect(fix.body.error.code).toBe('ALREADY_RETRACTED');
    expect((await analyst.post('/api/relationships/never-a-claim/retraction').send({ reason: 'x' })).status).toBe(404);
  });

  it('lists each change in its history with user, sources, reason, old and new values', async () => {
    const changes = await historyOf(id);
    expect(changes.map((c) => [c.action, c.at, c.username])).toEqual([
      ['recorded', added, 'cur-analyst'],
      ['corrected', corrected, 'cur-analyst'],
      ['retracted', retracted, 'cur-analyst'],
    ]);
    const [recorded, correction, retraction] = changes;
    expect(recorded).toMatchObject({ before: null, sources: ['cur-report'], reason: null });
    expect(recorded?.after).toMatchObject({ type: 'SUPPORTED_BY', source: A, target: B, credibility: 2 });
    expect(correction).toMatchObject({ reason: 'misread', sources: ['cur-report'] });
    expect(correction?.before).toMatchObject({ credibility: 2, description: 'supplied with ammunition' });
    expect(correction?.after).toMatchObject({ credibility: 3, description: 'supplied with fuel' });
    expect(retraction).toMatchObject({ reason: 'source withdrew it', after: null });
    expect(retraction?.before).toMatchObject({ credibility: 3 });

    const audit = await admin.get('/api/audit').query({ action: 'claim.retract' });
    expect(auditPage.parse(audit.body).entries[0]).toMatchObject({ username: 'cur-analyst', ids: [id] });
    expect((await analyst.get('/api/relationships/never-a-claim/history')).status).toBe(404);
  });

  it('gives a new claim between the same ends a new id, not the retracted one', async () => {
    const response = await analyst.post('/api/relationships').send({ claim: claim() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.id).toBe(`${id}-2`);
  });
});

describe('two corrections of one version', () => {
  it('answer one 200 and one 409, and the history has one correction', async () => {
    clock = new Date('2027-04-01T10:00:00.000Z');
    const added = await analyst.post('/api/relationships').send({ claim: claim({ id: 'cur-race', type: 'FOUGHT' }) });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const basedOn = added.body.recordedAt as string;
    clock = new Date('2027-04-02T10:00:00.000Z');
    const correct = (credibility: number) =>
      analyst.patch('/api/relationships/cur-race').send({ claim: claim({ type: 'FOUGHT', credibility }), basedOn });
    const answers = await Promise.all([correct(1), correct(5)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const changes = await historyOf('cur-race');
    expect(changes.filter((c) => c.action === 'corrected')).toHaveLength(1);
    expect(await count(`MATCH ()-[r {id: 'cur-race'}]->() RETURN count(r) AS n`)).toBe(1);
  });
});

describe('nodes and sources', () => {
  it('adds a node, edits it in place, and lists both changes', async () => {
    clock = new Date('2027-05-01T10:00:00.000Z');
    const node = { label: 'Faction', name: 'Brigade of the Quiet Test', aliases: [], sources: ['cur-report'] };
    const added = await analyst.post('/api/nodes').send({ node });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.id).toBe('brigade-of-the-quiet-test');
    clock = new Date('2027-05-02T10:00:00.000Z');
    const edited = await analyst
      .patch('/api/nodes/brigade-of-the-quiet-test')
      .send({ node: { ...node, founded: '2016' }, basedOn: added.body.recordedAt, reason: 'founding date found' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const relabelled = await analyst
      .patch('/api/nodes/brigade-of-the-quiet-test')
      .send({ node: { ...node, label: 'Person' }, basedOn: edited.body.recordedAt });
    expect(relabelled.status).toBe(400);
    const stale = await analyst
      .patch('/api/nodes/brigade-of-the-quiet-test')
      .send({ node, basedOn: added.body.recordedAt });
    expect(stale.status).toBe(409);

    const held = await analyst.get('/api/nodes/brigade-of-the-quiet-test');
    expect(held.body.node).toMatchObject({
      founded: '2016',
      recordedAt: added.body.recordedAt,
      changedAt: edited.body.recordedAt,
    });
    // Known from its recording on, whatever its later edits.
    expect((await analyst.get('/api/nodes/brigade-of-the-quiet-test').query({ knownOn: '2027-05-01' })).status).toBe(
      200,
    );
    expect((await analyst.get('/api/nodes/brigade-of-the-quiet-test').query({ knownOn: '2027-04-30' })).status).toBe(
      404,
    );

    const history = historyResponse.parse((await analyst.get('/api/nodes/brigade-of-the-quiet-test/history')).body);
    expect(history.changes.map((c) => c.action)).toEqual(['recorded', 'edited']);
    expect(history.changes[1]).toMatchObject({ reason: 'founding date found', username: 'cur-analyst' });
    expect(history.changes[1]?.before).not.toHaveProperty('founded');
    expect(history.changes[1]?.after).toMatchObject({ founded: '2016' });
    const unchanged = await analyst
      .patch('/api/nodes/brigade-of-the-quiet-test')
      .send({ node: { ...node, founded: '2016' }, basedOn: edited.body.recordedAt, reason: 'only a reason' });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(400);
    expect(unchanged.body.error.code).toBe('NO_CHANGE');
    const after = historyResponse.parse((await analyst.get('/api/nodes/brigade-of-the-quiet-test/history')).body);
    expect(after.changes).toHaveLength(2);
  });

  it('records a changed reliability as regraded', async () => {
    const held = await analyst.get('/api/sources/cur-report/history');
    const [recorded] = historyResponse.parse(held.body).changes;
    const response = await analyst
      .patch('/api/sources/cur-report')
      .send({ source: { name: 'Field report', title: 'A field report', reliability: 'C' }, basedOn: recorded?.at });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const changes = historyResponse.parse((await analyst.get('/api/sources/cur-report/history')).body).changes;
    expect(changes.map((c) => c.action)).toEqual(['recorded', 'regraded']);
    expect(changes[1]?.before).toMatchObject({ reliability: 'B' });
    expect(changes[1]?.after).toMatchObject({ reliability: 'C' });
    const unchanged = await analyst.patch('/api/sources/cur-report').send({
      source: { name: 'Field report', title: 'A field report', reliability: 'C' },
      basedOn: changes[1]?.at,
      reason: 'only a reason',
    });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(400);
    expect(unchanged.body.error.code).toBe('NO_CHANGE');
    expect(historyResponse.parse((await analyst.get('/api/sources/cur-report/history')).body).changes).toHaveLength(2);
  });
});

describe('a viewer', () => {
  it('may read histories and grades but not write (403)', async () => {
    const writes = [
      viewer.post('/api/relationships').send({ claim: claim() }),
      viewer.patch('/api/relationships/cur-race').send({ claim: claim(), basedOn: 'x' }),
      viewer.post('/api/relationships/cur-race/retraction').send({ reason: 'no' }),
      viewer.post('/api/nodes').send({ node: { label: 'Faction', name: 'X', sources: ['cur-report'] } }),
      viewer.patch('/api/nodes/jaysh-al-nasr').send({}),
      viewer.post('/api/sources').send({ source: { name: 'X', title: null } }),
      viewer.patch('/api/sources/cur-report').send({}),
    ];
    for (const response of await Promise.all(writes)) expect(response.status).toBe(403);
    expect((await viewer.get('/api/relationships/cur-race/history')).status).toBe(200);
    expect((await viewer.post('/api/sources/grades').send({ ids: ['cur-report'] })).status).toBe(200);
  });
});

describe('facts an import wrote', () => {
  it('start their history with a recorded entry made from the import stamps', async () => {
    const [row] = await db.runAdmin(
      'MATCH (a)-[r]->(b) WHERE r.recordedAt IS NOT NULL AND r.id IS NOT NULL AND NOT EXISTS { MATCH (c:FactChange {subject: r.id}) } RETURN r.id AS id, r.recordedAt AS at, r.recordedBy AS by, r.sources AS sources LIMIT 1',
    );
    expect(row, 'an imported, stamped claim').toBeDefined();
    const [first] = await historyOf(String(row?.id));
    expect(first).toMatchObject({
      action: 'recorded',
      at: row?.at,
      before: null,
      reason: 'imported from a file',
      sources: row?.sources,
    });
    expect(first?.after).toMatchObject({ id: row?.id });
    const node = historyResponse.parse((await analyst.get('/api/nodes/jaysh-al-nasr/history')).body).changes;
    expect(node[0]).toMatchObject({ action: 'recorded', reason: 'imported from a file', before: null });
    expect(node[0]?.after).toMatchObject({ label: 'Faction', name: expect.any(String) });
  });
});
