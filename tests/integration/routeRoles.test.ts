/**
 * Route roles (issue 10, auth/policy.ts) with sign-in on: every /api route the OpenAPI document lists
 * answers 401 without a session, but health and signing in or out; a viewer's writes (an import, a new
 * investigation, users) and reads of the audit trail answer 403 with nothing written; an analyst may
 * not manage users or read the trail. Refusals come before the body is read, and routing's case
 * insensitivity does not open a way around the table.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { documentOf, drawnNeighbourhood } from '../support/investigations.ts';

const db = connectTestDatabase();
const app = authApp(db);
beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, 'roles-viewer', 'viewer');
  await createTestUser(db, 'roles-analyst', 'analyst');
});
afterAll(() => db.close());

/** Routes a stranger may reach. */
const OPEN = new Set(['GET /api/health', 'POST /api/session', 'DELETE /api/session']);

/** Every `METHOD /path` of the OpenAPI document, path parameters filled with plausible values. */
async function documentedRoutes(): Promise<Array<{ method: string; path: string; route: string }>> {
  const doc = (await request(testApp(db)).get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const values: Record<string, string> = {
    id: 'roles-some-id',
    n: '1',
    runId: 'run-1',
    name: 'factionLeaders',
    username: 'roles-viewer',
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({
        method: m.toUpperCase(),
        route: `${m.toUpperCase()} ${path}`,
        path: path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x'),
      })),
  );
}

const send = (agent: ReturnType<typeof request> | request.Agent, method: string, path: string) => {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = (agent as request.Agent)[m](path);
  return method === 'GET' || method === 'DELETE' ? req : req.send({});
};

describe('without a session', () => {
  it('every /api route of the OpenAPI document answers 401 UNAUTHENTICATED, but health and signing in or out', async () => {
    const routes = await documentedRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, path, route } of routes) {
      const response = await send(request(app), method, path);
      if (OPEN.has(route)) {
        expect(response.status, route).not.toBe(401);
        continue;
      }
      expect(response.status, route).toBe(401);
      expect(errorBody.parse(response.body).error.code, route).toBe('UNAUTHENTICATED');
    }
    await request(app).get('/api/health').expect(200);
    await request(app).delete('/api/session').expect(204);
  });

  it('refuses an import unread, and routes not in the document too', async () => {
    const before = await fingerprint(db);
    await request(app).post('/api/import').send({ nodes: [] }).expect(401);
    await request(app).get('/api/no-such-route').expect(401);
    await request(app).get('/API/USERS').expect(401);
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('a viewer', () => {
  it('explores and runs console queries', async () => {
    const viewer = await signedIn(app, 'roles-viewer');
    await viewer.get('/api/entities?label=Faction').expect(200);
    await viewer.post('/api/cypher').send({ query: 'MATCH (n:Faction) RETURN count(n) AS n' }).expect(200);
    await viewer.get('/api/investigations').expect(200);
  });

  it('writing (import, new investigation, users) or reading the audit trail gets 403, and nothing is written', async () => {
    const viewer = await signedIn(app, 'roles-viewer');
    const snapshot = await drawnNeighbourhood(testApp(db));
    const before = await fingerprint(db);
    const attempts = [
      viewer
        .post('/api/import')
        .send({ nodes: [{ label: 'Person', id: 'roles-person', name: 'Roles Person', sources: [] }] }),
      viewer.post('/api/investigations').send({ document: documentOf(snapshot) }),
      viewer.post('/api/investigations').send(documentOf(snapshot)),
      viewer.post('/api/investigations/import').send({}),
      viewer
        .post('/api/users')
        .send({ username: 'roles-made-by-viewer', password: 'a long enough password', role: 'admin' }),
      viewer.patch('/api/users/roles-viewer').send({ role: 'admin' }),
      viewer.delete('/api/users/roles-analyst'),
      viewer.get('/api/users'),
      viewer.get('/api/audit'),
      viewer.get('/API/Users/'),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status, JSON.stringify(response.body)).toBe(403);
      expect(errorBody.parse(response.body).error.code).toBe('FORBIDDEN');
    }
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('an analyst', () => {
  it('may not manage users or read the audit trail: 403', async () => {
    const analyst = await signedIn(app, 'roles-analyst');
    const before = await fingerprint(db);
    await analyst.get('/api/users').expect(403);
    await analyst
      .post('/api/users')
      .send({ username: 'roles-made', password: 'a long enough password', role: 'viewer' })
      .expect(403);
    await analyst.patch('/api/users/roles-analyst').send({ role: 'admin' }).expect(403);
    await analyst.get('/api/audit').expect(403);
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('the last admin', () => {
  it('cannot be deleted, demoted or disabled (409 LAST_ADMIN, nothing changed); with a second admin it can', async () => {
    // This file's database was emptied at its start: this is the only admin.
    await createTestUser(db, 'roles-admin', 'admin');
    const admin = await signedIn(app, 'roles-admin');
    const before = await fingerprint(db);
    for (const response of [
      await admin.patch('/api/users/roles-admin').send({ role: 'analyst' }),
      await admin.patch('/api/users/roles-admin').send({ disabled: true }),
      await admin.delete('/api/users/roles-admin'),
    ]) {
      expect(response.status).toBe(409);
      expect(errorBody.parse(response.body).error.code).toBe('LAST_ADMIN');
    }
    expect(await fingerprint(db)).toBe(before);
    await admin.patch('/api/users/roles-analyst').send({ role: 'admin' }).expect(200);
    await admin.patch('/api/users/roles-admin').send({ role: 'viewer' }).expect(200);
    // The demotion holds at the next request of the same session.
    await admin.get('/api/users').expect(403);
  });
});
