/**
 * The Host check and the cross-site check (issue 10): a request for a host name the server was not
 * configured with (DNS rebinding) is refused before any route; a browser's cross-site form post is
 * refused with nothing written, in both modes; a same-origin write goes through. No /api answer may
 * sit in a cache.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, fingerprint, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
const signInApp = authApp(db);
const named = authApp(db, { allowedHosts: ['atlas.example.org'] });
beforeAll(async () => {
  await db.applySchema();
  await createTestUser(db, 'hosts-admin', 'admin');
});
afterAll(() => db.close());

describe('the Host header', () => {
  it('a forged Host (a rebound name) answers 421 HOST_NOT_ALLOWED and reaches no route', async () => {
    const before = await fingerprint(db);
    for (const target of [app, signInApp]) {
      const read = await request(target).get('/api/health').set('Host', 'evil.example:8080');
      expect(read.status).toBe(421);
      expect(errorBody.parse(read.body).error.code).toBe('HOST_NOT_ALLOWED');
      const write = await request(target)
        .post('/api/session')
        .set('Host', 'evil.example')
        .send({ username: 'hosts-admin', password: 'correct horse battery' });
      expect(write.status).toBe(421);
      expect(write.headers['set-cookie']).toBeUndefined();
    }
    // Not even the audit trail saw the sign-in: the route was not reached.
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers the loopback names by default, and the configured ones', async () => {
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:8080', 'LOCALHOST']) {
      await request(app).get('/api/health').set('Host', host).expect(200);
    }
    await request(named).get('/api/health').set('Host', 'Atlas.Example.org:443').expect(200);
    await request(named).get('/api/health').set('Host', 'localhost').expect(421);
  });
});

describe('cross-site writes', () => {
  const formPost = (target: typeof app, path: string) =>
    request(target)
      .post(path)
      .set('Origin', 'http://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send('username=hosts-admin&password=correct+horse+battery');

  it('a cross-site form post is refused 403 CROSS_SITE_REFUSED, nothing written, with sign-in on or off', async () => {
    const before = await fingerprint(db);
    const admin = await signedIn(signInApp, 'hosts-admin');
    const afterSignIn = await fingerprint(db);
    for (const response of [
      await formPost(app, '/api/import'),
      await formPost(app, '/api/investigations'),
      await formPost(signInApp, '/api/session'),
      await admin
        .post('/api/users')
        .set('Origin', 'http://evil.example')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ username: 'hosts-made', password: 'a long enough password', role: 'admin' }),
    ]) {
      expect(response.status).toBe(403);
      expect(errorBody.parse(response.body).error.code).toBe('CROSS_SITE_REFUSED');
    }
    expect(before).not.toBe(afterSignIn); // the sign-in did write: the fingerprint sees accounts
    expect(await fingerprint(db)).toBe(afterSignIn);
  });

  it('an Origin of another host is refused when the browser sends no Fetch Metadata', async () => {
    const response = await request(app)
      .post('/api/cypher')
      .set('Origin', 'http://evil.example')
      .send({ query: 'RETURN 1 AS one' });
    expect(response.status).toBe(403);
    const nullOrigin = await request(app).post('/api/cypher').set('Origin', 'null').send({ query: 'RETURN 1 AS one' });
    expect(nullOrigin.status).toBe(403);
  });

  it('a same-origin write goes through, and so does one without either header (curl)', async () => {
    const admin = await signedIn(signInApp, 'hosts-admin');
    const sameOrigin = await admin
      .post('/api/users')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'http://127.0.0.1')
      .send({ username: `hosts-made-${Date.now()}`, password: 'a long enough password', role: 'viewer' });
    expect(sameOrigin.status, JSON.stringify(sameOrigin.body)).toBe(201);
    const host = '127.0.0.1:8080';
    await request(app)
      .post('/api/cypher')
      .set('Host', host)
      .set('Origin', `http://${host}`)
      .send({ query: 'RETURN 1 AS one' })
      .expect(200);
    await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  });
});

describe('caches', () => {
  it('every /api answer says Cache-Control: no-store (accounts, the trail, investigations, errors), in both modes', async () => {
    const admin = await signedIn(signInApp, 'hosts-admin');
    const answers = [
      await admin.get('/api/session'),
      await admin.get('/api/users'),
      await admin.get('/api/audit'),
      await admin.get('/api/investigations'),
      await admin.get('/api/no-such-route'),
      await request(signInApp).get('/api/users'),
      await request(signInApp).get('/api/health'),
      await request(named).get('/api/health'),
      await request(app).get('/api/investigations'),
      await request(app).get('/api/openapi.json'),
    ];
    for (const [i, response] of answers.entries()) {
      expect(response.headers['cache-control'], `answer ${i} (${response.status})`).toBe('no-store');
    }
  });
});
