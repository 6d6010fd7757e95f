/**
 * Health: GET /api/health says the database answers and which one it is; with sign-in on, a request
 * without a session learns only the database's state. (The database away and back again is
 * tests/integration/databaseOutage.test.ts.)
 */
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { errorBody, healthResponse } from '../../contract/api.ts';
import { Database } from '../../server/db/database.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('answers 200 with the Neo4j it reached: address, database, version, edition', async () => {
    const response = await request(app).get('/api/health').expect(200).expect('content-type', /json/);
    const body = healthResponse.parse(response.body);
    expect(body.status).toBe('ok');
    expect(body.neo4j?.uri).toBe(inject('neo4j').uri);
    expect(body.neo4j?.database).toBe('neo4j');
    expect(body.neo4j?.version).toMatch(/^5\.\d+\.\d+/);
    expect(body.neo4j?.edition).toBe('community');
  });

  it('tags every answer with a request id, keeping a sensible one the caller sent', async () => {
    const generated = await request(app).get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(app).get('/api/health').set('x-request-id', 'analyst-trace-42');
    expect(kept.headers['x-request-id']).toBe('analyst-trace-42');
    const replaced = await request(app).get('/api/health').set('x-request-id', 'no spaces <allowed>');
    expect(replaced.headers['x-request-id']).not.toBe('no spaces <allowed>');
  });

  it('answers 503 DATABASE_AUTH, without the credentials, when the database refuses them', async () => {
    // Another user than neo4j, so that the failed logins cannot lock out the account the other tests use.
    const { uri } = inject('neo4j');
    const refused = new Database({
      uri,
      user: 'no-such-analyst',
      password: 'wrong-password',
      database: 'neo4j',
      queryTimeoutMs: 10_000,
    });
    try {
      const response = await request(testApp(refused)).get('/api/health').expect(503);
      const { error } = errorBody.parse(response.body);
      expect(error.code).toBe('DATABASE_AUTH');
      expect(JSON.stringify(response.body)).not.toContain('wrong-password');
    } finally {
      await refused.close();
    }
  });
});

describe('GET /api/health with sign-in on', () => {
  it('answers a stranger the database state only, a signed-in user all of it', async () => {
    await db.applySchema();
    await createTestUser(db, 'health-viewer', 'viewer');
    const signInApp = authApp(db);
    const stranger = await request(signInApp).get('/api/health').expect(200);
    expect(Object.keys(stranger.body).sort()).toEqual(['database', 'status']);
    expect(healthResponse.parse(stranger.body).database.state).toBe('up');
    expect(JSON.stringify(stranger.body)).not.toContain(inject('neo4j').uri);
    const viewer = await signedIn(signInApp, 'health-viewer');
    const signedInBody = healthResponse.parse((await viewer.get('/api/health').expect(200)).body);
    expect(signedInBody.neo4j?.uri).toBe(inject('neo4j').uri);
    expect(signedInBody.neo4j?.edition).toBe('community');
  });
});
