/**
 * Rate limits on sign-in (issue 10, middleware/rateLimits.ts): wrong passwords are limited per address
 * and username (in any case), then answered 429 with Retry-After even for the right password; successful sign-ins do
 * not count; the limit of one username leaves others alone until the per-address limit. A limit
 * reached is audited once per window and key (not once per refused request), saying until when. Wrong
 * current passwords in a password change are limited the same way, per user, and each is audited.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import type { AuditAction } from '../../contract/auth.ts';
import { listAudit } from '../../server/services/audit.ts';
import { authApp, createTestUser, signedIn, TEST_PASSWORD } from '../support/auth.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const limits = { signInFailuresPerUser: 3, signInFailuresPerAddress: 8, signInWindowMs: 15 * 60_000 };
beforeAll(async () => {
  await db.applySchema();
  for (const name of ['ratelimit-a', 'ratelimit-b', 'ratelimit-c', 'ratelimit-d', 'ratelimit-e']) {
    await createTestUser(db, name, 'viewer');
  }
});
afterAll(() => db.close());

/** The audit entries of `user` with `action`, newest first. */
const entries = async (user: string, action: AuditAction) =>
  (await listAudit(db, { user, action, limit: 100, format: 'json' })).entries;

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
    // The same account in another case is the same account (sign-in looks it up in any case).
    expect((await attempt(app, 'RateLimit-A', TEST_PASSWORD)).status).toBe(429);
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

  it('audits a limit reached once per window and key, at the first refusal, saying until when', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'ratelimit-d', 'wrong password')).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await attempt(app, 'ratelimit-d', 'wrong password')).status).toBe(429);
    const limited = await entries('ratelimit-d', 'session.signInLimited');
    expect(limited).toHaveLength(1);
    const until = /refused until (\S+):/.exec(limited[0]?.detail ?? '')?.[1] ?? '';
    expect(Date.parse(until)).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(limited[0]?.detail).toContain('per address and username');
    expect(await entries('ratelimit-d', 'session.signInFailed')).toHaveLength(3);

    // The per-address limit, reached by a sweep over names that hide characters: one entry, under the
    // visible form of the name whose attempt met it.
    const sweep = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    for (let i = 0; i < 8; i++) await attempt(sweep, `ratelimit-sweep-${i}`, 'wrong password');
    for (let i = 0; i < 3; i++) expect((await attempt(sweep, 'sweep\u202Eend', 'wrong password')).status).toBe(429);
    const swept = await entries('"sweep\\u{202E}end"', 'session.signInLimited');
    expect(swept).toHaveLength(1);
    expect(swept[0]?.detail).toContain('per address in 15 min');
  });

  it('limits wrong current passwords in a password change per user, and audits each', async () => {
    const app = authApp(db, { auth: { mode: 'on', rateLimits: limits } });
    const user = await signedIn(app, 'ratelimit-e');
    const change = (currentPassword: string, newPassword = 'a brand new password') =>
      user.put('/api/session/password').send({ currentPassword, newPassword });
    // A refused new password (400) is no guess at the current one: not counted.
    for (let i = 0; i < 4; i++) expect((await change(TEST_PASSWORD, 'short')).status).toBe(400);
    for (let i = 0; i < 3; i++) {
      const wrong = await change('not the password');
      expect(wrong.status).toBe(401);
      expect(errorBody.parse(wrong.body).error.code).toBe('INVALID_CREDENTIALS');
    }
    for (let i = 0; i < 3; i++) {
      const limited = await change(i === 0 ? TEST_PASSWORD : 'not the password');
      expect(limited.status).toBe(429);
      expect(errorBody.parse(limited.body).error.code).toBe('TOO_MANY_PASSWORD_CHANGES');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    const failed = await entries('ratelimit-e', 'session.passwordChangeFailed');
    expect(failed.map((e) => e.detail.startsWith('refused until'))).toEqual([true, false, false, false]);
    expect(failed.every((e) => e.ids[0] === 'ratelimit-e')).toBe(true);
    expect(await entries('ratelimit-e', 'session.passwordChange')).toEqual([]);
    // The password was not changed by the refused right one.
    await user.get('/api/session').expect(200);
    expect((await attempt(app, 'ratelimit-e', TEST_PASSWORD)).status).toBe(200);
  });
});
