/**
 * Every write to investigations and every import leaves one audit entry, written in the write's own
 * transaction (issue 10): who, from which address, what, the ids touched and a short account; an
 * admin reads it through GET /api/audit. A refused write (400, 403, 404, 409) leaves none.
 */
import type { Agent } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, auditPage } from '../../contract/auth.ts';
import { investigation } from '../../contract/investigation.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = authApp(db);
const ANALYST = 'audit-analyst';
const OTHER = 'audit-other';
let analyst: Agent;
let other: Agent;
let admin: Agent;

beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, ANALYST, 'analyst');
  await createTestUser(db, OTHER, 'analyst');
  await createTestUser(db, 'audit-admin', 'admin');
  analyst = await signedIn(app, ANALYST);
  other = await signedIn(app, OTHER);
  admin = await signedIn(app, 'audit-admin');
});
afterAll(() => db.close());

/** The entries of `action`, newest first, as an admin reads them. */
async function entries(action: string): Promise<AuditEntry[]> {
  const response = await admin.get('/api/audit').query({ action, limit: 1000 });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return auditPage.parse(response.body).entries;
}

/** A whole document to save, as its creation answered it (an empty view and snapshot). */
function documentFrom(body: unknown, title: string) {
  const created = investigation.parse(body);
  const snapshot = { nodes: created.snapshot.nodes, edges: created.snapshot.edges };
  return { title, description: '', view: created.view, annotations: [], queries: [], snapshot };
}

/** How many entries the trail holds for the writes of this file (sign-ins aside). */
async function writeEntries(): Promise<number> {
  const [row] = await db.runAdmin(
    `MATCH (a:AuditEntry) WHERE a.action = 'import' OR a.action STARTS WITH 'investigation.' RETURN count(a) AS n`,
  );
  return Number(row?.n);
}

/** The newest entry of `action`: by ANALYST, from an address, touching `ids`, with `detail` matching. */
async function expectEntry(action: string, ids: string[], detail: RegExp) {
  const [newest] = await entries(action);
  expect(newest).toMatchObject({ username: ANALYST, action, ids });
  expect(newest?.address).not.toBe('');
  expect(newest?.detail).toMatch(detail);
}

describe('an audit entry for each kind of write', () => {
  let id: string;

  it('create, save, restore, share, delete and undelete an investigation', async () => {
    const created = await analyst.post('/api/investigations').send({ title: 'Audited' }).expect(201);
    id = investigation.parse(created.body).id;
    await expectEntry('investigation.create', [id], /Audited/);
    const document = documentFrom(created.body, 'Audited');

    const saved = await analyst.put(`/api/investigations/${id}`).send({ ...document, version: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await expectEntry('investigation.save', [id], /revision 2/);

    await analyst.post(`/api/investigations/${id}/restore/1`).send({ version: 2 }).expect(200);
    await expectEntry('investigation.restore', [id], /revision 3.*revision 1/);

    await analyst
      .put(`/api/investigations/${id}/shares`)
      .send({ shares: [{ username: OTHER, access: 'read' }] })
      .expect(200);
    await expectEntry('investigation.share', [id], new RegExp(`${OTHER} \\(read\\)`));

    await analyst.delete(`/api/investigations/${id}`).expect(200);
    await expectEntry('investigation.delete', [id], /bin/);
    await analyst.post(`/api/investigations/${id}/undelete`).expect(200);
    await expectEntry('investigation.undelete', [id], /bin/);
  });

  it('import of an investigation file', async () => {
    const exported = await analyst.get(`/api/investigations/${id}/export`).expect(200);
    const imported = await analyst.post('/api/investigations/import').send(exported.body).expect(201);
    await expectEntry('investigation.import', [investigation.parse(imported.body).id], /Audited/);
  });

  it('import of a graph file, with the ids it wrote and its totals', async () => {
    const file = {
      nodes: [
        { label: 'Person', id: 'audit-person-1', name: 'Audit One', sources: ['ref-1'] },
        { label: 'Person', id: 'audit-person-2', name: 'Audit Two', sources: ['ref-1'] },
      ],
    };
    const response = await analyst.post('/api/import').send(file);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await expectEntry('import', ['audit-person-1', 'audit-person-2'], /2 nodes.*2 nodes and 0 relationships created/);
  });
});

describe('no entry for a refused write', () => {
  it('400, 403, 404 and 409 leave the trail as it was', async () => {
    const created = await analyst.post('/api/investigations').send({ title: 'Refusals' }).expect(201);
    const id = investigation.parse(created.body).id;
    await analyst
      .put(`/api/investigations/${id}/shares`)
      .send({ shares: [{ username: OTHER, access: 'read' }] })
      .expect(200);
    const unshared = investigation.parse(
      (await analyst.post('/api/investigations').send({ title: 'Unshared' }).expect(201)).body,
    ).id;
    const before = await writeEntries();
    const document = documentFrom(created.body, 'Refused');

    const refusals: [Agent, 'put' | 'post' | 'delete', string, object | undefined, number][] = [
      [analyst, 'put', `/api/investigations/${id}`, { ...document, version: 7 }, 409],
      [analyst, 'put', `/api/investigations/${id}`, { ...document, title: '', version: 1 }, 400],
      [
        analyst,
        'put',
        `/api/investigations/${id}/shares`,
        { shares: [{ username: 'audit-nobody', access: 'read' }] },
        400,
      ],
      [other, 'put', `/api/investigations/${id}`, { ...document, version: 1 }, 403],
      [other, 'delete', `/api/investigations/${id}`, undefined, 403],
      [other, 'delete', `/api/investigations/${unshared}`, undefined, 404],
      [other, 'post', '/api/investigations/00000000-0000-4000-8000-000000000000/restore/1', {}, 404],
      [analyst, 'post', '/api/import', { nodes: [{ label: 'Person', id: 'audit-bad' }] }, 400],
    ];
    for (const [agent, method, path, body, status] of refusals) {
      const response = await agent[method](path).send(body);
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
    }
    expect(await writeEntries()).toBe(before);
  });
});
