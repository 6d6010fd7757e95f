/**
 * Rate limits on sign-in (issue 10, middleware/rateLimits.ts): wrong passwords are limited per address
 * and username, then answered 429 with Retry-After even for the right password; successful sign-ins do
 * not count; the limit of one username leaves others alone until the per-address limit.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { authApp, createTestUser, TEST_PASSWORD } from '../support/auth.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const limits = { signInFailuresPerUser: 3, signInFailuresPerAddress: 8, signInWindowMs: 15 * 60_000 };
beforeAll(async () => {
  await db.applySchema();
  for (const name of ['ratelimit-a', 'ratelimit-b', 'ratelimit-c']) await createTestUser(db, name, 'viewer');
});
afterAll(() => db.close());

const attempt = (app: ReturnType<typeof authApp>, username: string, password: string) =>
  request(app).post('/api/session').send({ username, password });

describe('sign-in rate limits', () => {
  it('limits wrong passwords: 429 TOO_MANY_SIGN_INS with Retry-After, then also for the right password', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'ratelimit-a', 'wrong password')).status).toBe(401);
    const limited = await attempt(app, 'ratelimit-a', 'wrong password');
    expect(limited.status).toBe(429);
    expect(errorBody.parse(limited.body).error.code).toBe('TOO_MANY_SIGN_INS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const right = await attempt(app, 'ratelimit-a', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    // Another username from the same address is not limited by that one's failures.
    expect((await attempt(app, 'ratelimit-b', TEST_PASSWORD)).status).toBe(200);
  });

  it('does not count successful sign-ins', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    for (let i = 0; i < 6; i++) expect((await attempt(app, 'ratelimit-c', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await attempt(app, 'ratelimit-c', 'wrong password')).status).toBe(401);
    expect((await attempt(app, 'ratelimit-c', TEST_PASSWORD)).status).toBe(200);
  });

  it('limits failures per address across usernames', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    for (let i = 0; i < 8; i++) {
      expect((await attempt(app, `ratelimit-nobody-${i}`, 'wrong password')).status).toBe(401);
    }
    expect((await attempt(app, 'ratelimit-nobody-new', 'wrong password')).status).toBe(429);
  });
});
