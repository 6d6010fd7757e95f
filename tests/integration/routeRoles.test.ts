/**
 * Route roles (issue 10, auth/policy.ts) with sign-in on: every /api route the OpenAPI document lists
 * answers 401 without a session, but health and signing in or out; a viewer's writes (an import, a new
 * investigation, users) and reads of the audit trail answer 403 with nothing written; an analyst may
 * not manage users or read the trail. A viewer writes no investigation, refused before the body is read;
 * the directory of usernames is for analysts and admins. Refusals come before the body is read, and
 * routing's case insensitivity does not open a way around the table.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { userDirectory } from '../../contract/auth.ts';
import { updateUser } from '../../server/services/users.ts';
import { authApp, createTestUser, sessionCookieOf, signedIn, TEST_PASSWORD } from '../support/auth.ts';
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

describe('a viewer and investigations', () => {
  it('every write under /api/investigations (save, share, bin, undelete, restore) gets 403 from the table', async () => {
    const viewer = await signedIn(app, 'roles-viewer');
    const before = await fingerprint(db);
    for (const response of [
      await viewer.put('/api/investigations/roles-some-id').send({ title: 'x', version: 1 }),
      await viewer.put('/api/investigations/roles-some-id/shares').send({ shares: [] }),
      await viewer.delete('/api/investigations/roles-some-id'),
      await viewer.post('/api/investigations/roles-some-id/undelete').send({}),
      await viewer.post('/api/investigations/roles-some-id/restore/1').send({}),
      await viewer.patch('/API/Investigations/roles-some-id/').send({}),
    ]) {
      expect(response.status, JSON.stringify(response.body)).toBe(403);
      expect(errorBody.parse(response.body).error.code).toBe('FORBIDDEN');
    }
    expect(await fingerprint(db)).toBe(before);
  });

  it('a 60 MB save by a viewer is refused 403 before its body is read (the body never ends here)', async () => {
    const cookie = sessionCookieOf(
      await request(app).post('/api/session').send({ username: 'roles-viewer', password: TEST_PASSWORD }).expect(200),
    );
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/api/investigations/roles-some-id',
          headers: { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024), cookie },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        // The first kilobyte only: an answer can come only from a server that does not wait for the rest.
        req.write(`{"title":"${'x'.repeat(1024)}`);
      });
      expect(answer.status).toBe(403);
      expect(errorBody.parse(JSON.parse(answer.body)).error.code).toBe('FORBIDDEN');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('the directory of usernames (GET /api/usernames)', () => {
  it('lists enabled users’ usernames and roles, sorted, nothing else, to analysts and admins; viewers get 403', async () => {
    await createTestUser(db, 'roles-dir-disabled', 'analyst');
    await updateUser(db, { username: 'test', role: 'admin', address: '127.0.0.1' }, 'roles-dir-disabled', {
      disabled: true,
    });
    const viewer = await signedIn(app, 'roles-viewer');
    expect((await viewer.get('/api/usernames')).status).toBe(403);
    const analyst = await signedIn(app, 'roles-analyst');
    const response = await analyst.get('/api/usernames').expect(200);
    const { users } = userDirectory.parse(response.body);
    expect(response.body.users.every((u: object) => Object.keys(u).sort().join() === 'role,username')).toBe(true);
    expect(users).toEqual(expect.arrayContaining([{ username: 'roles-viewer', role: 'viewer' }]));
    expect(users).toEqual(expect.arrayContaining([{ username: 'roles-analyst', role: 'analyst' }]));
    expect(users.map((u) => u.username)).not.toContain('roles-dir-disabled');
    expect(users.map((u) => u.username)).toEqual([...users.map((u) => u.username)].sort());
    await request(app).get('/api/usernames').expect(401);
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
