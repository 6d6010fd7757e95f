/**
 * The per-user write limit (issue 10, middleware/rateLimits.ts, the route table's `write` in
 * auth/policy.ts): POST/PUT/PATCH/DELETE count, but not the POSTs that only read (the console, named
 * queries, the relationships among drawn nodes), and signing out is never blocked by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';
import { NASR } from '../support/investigations.ts';

const db = connectTestDatabase();
beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, 'writes-analyst', 'analyst');
});
afterAll(() => db.close());

describe('the write limit', () => {
  it('does not count read-only POSTs, counts writes, and never blocks signing out', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: { writesPerMinute: 2 } } });
    const analyst = await signedIn(app, 'writes-analyst');
    for (let i = 0; i < 4; i++) {
      await analyst.post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
      await analyst.post('/api/queries/factionLeaders').send({}).expect(200);
      await analyst
        .post('/api/relationships/among')
        .send({ ids: [NASR] })
        .expect(200);
    }
    await analyst.post('/api/investigations').send({ title: 'one' }).expect(201);
    await analyst.post('/api/investigations').send({ title: 'two' }).expect(201);
    const limited = await analyst.post('/api/investigations').send({ title: 'three' });
    expect(limited.status).toBe(429);
    expect(errorBody.parse(limited.body).error.code).toBe('TOO_MANY_WRITES');
    // Past the limit, reading still goes on, and signing out ends the session.
    await analyst.post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
    await analyst.delete('/api/session').expect(204);
    await analyst.get('/api/session').expect(401);
  });
});
