/**
 * Signing in and out (issue 10): the session cookie and its attributes, wrong passwords told apart from
 * nothing (same answer for an unknown user), expiry, password change ending the user's other sessions,
 * disabled users kept out, and sessions stored only as hashes.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { sessionAnswer } from '../../contract/auth.ts';
import { updateUser } from '../../server/services/users.ts';
import { authApp, createTestUser, sessionCookieOf, signedIn, TEST_PASSWORD } from '../support/auth.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = authApp(db);
const proxied = authApp(db, { trustProxy: true });
const admin = { username: 'signin-admin', role: 'admin' as const, address: '127.0.0.1' };

beforeAll(async () => {
  await db.applySchema();
  await createTestUser(db, 'signin-analyst', 'analyst');
  await createTestUser(db, 'signin-changer', 'viewer');
  await createTestUser(db, 'signin-disabled', 'viewer');
  await createTestUser(db, 'signin-expiring', 'viewer');
  await createTestUser(db, 'signin-case', 'viewer');
  await createTestUser(db, 'signin-same', 'viewer');
});
afterAll(() => db.close());

const cookieHeader = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('atlas_session=')) ?? '';

describe('signing in and out', () => {
  it('signs in, answers who the session belongs to, and signs out', async () => {
    const agent = request.agent(app);
    const signIn = await agent.post('/api/session').send({ username: 'signin-analyst', password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(sessionAnswer.parse(signIn.body).user).toEqual({ username: 'signin-analyst', role: 'analyst', auth: true });

    const who = await agent.get('/api/session').expect(200);
    expect(sessionAnswer.parse(who.body).user.username).toBe('signin-analyst');
    await agent.get('/api/entities?label=Faction').expect(200);

    const out = await agent.delete('/api/session').expect(204);
    expect(cookieHeader(out)).toMatch(/^atlas_session=;/);
    // The agent dropped the cookie; the old token itself must no longer work either.
    await request(app).get('/api/session').set('Cookie', sessionCookieOf(signIn)).expect(401);
  });

  it('answers 401 without a session, and GET /api/session says so', async () => {
    const response = await request(app).get('/api/session').expect(401);
    expect(errorBody.parse(response.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 INVALID_CREDENTIALS with the same message for a wrong password and an unknown user', async () => {
    const wrong = await request(app)
      .post('/api/session')
      .send({ username: 'signin-analyst', password: 'not the password' });
    const unknown = await request(app)
      .post('/api/session')
      .send({ username: 'signin-nobody', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorBody.parse(wrong.body).error).toEqual(errorBody.parse(unknown.body).error);
    expect(errorBody.parse(wrong.body).error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a disabled user with the answer of a wrong password (the right one tells nothing), and ends their sessions', async () => {
    const agent = await signedIn(app, 'signin-disabled');
    await updateUser(db, admin, 'signin-disabled', { disabled: true });
    await agent.get('/api/session').expect(401);
    const again = await request(app)
      .post('/api/session')
      .send({ username: 'signin-disabled', password: TEST_PASSWORD });
    const wrong = await request(app)
      .post('/api/session')
      .send({ username: 'signin-disabled', password: 'not the password' });
    const unknown = await request(app)
      .post('/api/session')
      .send({ username: 'signin-nobody', password: 'not the password' });
    for (const response of [again, wrong, unknown]) expect(response.status).toBe(401);
    const error = errorBody.parse(again.body).error;
    expect(error).toEqual(errorBody.parse(wrong.body).error);
    expect(error).toEqual(errorBody.parse(unknown.body).error);
    expect(error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Wrong username or password, or the account is disabled.',
    });
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('looks the username up in any case, as uniqueness does, and signs in the stored one', async () => {
    const agent = request.agent(app);
    const response = await agent.post('/api/session').send({ username: 'SIGNIN-Case', password: TEST_PASSWORD });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(sessionAnswer.parse(response.body).user.username).toBe('signin-case');
    expect(sessionAnswer.parse((await agent.get('/api/session').expect(200)).body).user.username).toBe('signin-case');
    const sessions = await db.runAdmin('MATCH (s:Session) WHERE toLower(s.username) = $key RETURN s.username AS u', {
      key: 'signin-case',
    });
    expect(sessions).toEqual([{ u: 'signin-case' }]);
  });

  it('ends a session past its absolute expiry, and one left idle too long', async () => {
    const first = await signedIn(app, 'signin-expiring');
    await first.get('/api/session').expect(200);
    await db.runAdmin("MATCH (s:Session {username: 'signin-expiring'}) SET s.expiresAt = '2000-01-01T00:00:00.000Z'");
    await first.get('/api/session').expect(401);
    const [{ left }] = (await db.runAdmin(
      "MATCH (s:Session {username: 'signin-expiring'}) RETURN count(s) AS left",
    )) as [{ left: number }];
    expect(left).toBe(0);

    const second = await signedIn(app, 'signin-expiring');
    const nineHoursAgo = new Date(Date.now() - 9 * 3600_000).toISOString();
    await db.runAdmin("MATCH (s:Session {username: 'signin-expiring'}) SET s.lastSeenAt = $at", { at: nineHoursAgo });
    await second.get('/api/session').expect(401);
  });

  it('changes the password: the old one stops working and the user’s other sessions end, not this one', async () => {
    const here = await signedIn(app, 'signin-changer');
    const elsewhere = await signedIn(app, 'signin-changer');
    const wrongCurrent = await here
      .put('/api/session/password')
      .send({ currentPassword: 'not the password', newPassword: 'a brand new passphrase' });
    expect(wrongCurrent.status).toBe(401);
    await here
      .put('/api/session/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(204);
    await here.get('/api/session').expect(200);
    await elsewhere.get('/api/session').expect(401);
    await request(app).post('/api/session').send({ username: 'signin-changer', password: TEST_PASSWORD }).expect(401);
    await signedIn(app, 'signin-changer', 'a brand new passphrase');
  });

  it('refuses a new password that is the current one: 400, nothing written, no session ended', async () => {
    const here = await signedIn(app, 'signin-same');
    const elsewhere = await signedIn(app, 'signin-same');
    const hashOf = async () =>
      (await db.runAdmin("MATCH (u:User {username: 'signin-same'}) RETURN u.passwordHash AS h")) as [{ h: string }];
    const audited = async () =>
      (await db.runAdmin(
        "MATCH (a:AuditEntry {username: 'signin-same'}) WHERE a.action STARTS WITH 'session.password' RETURN count(a) AS n",
      )) as [{ n: number }];
    const [hash, entries] = [await hashOf(), await audited()];
    const response = await here
      .put('/api/session/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(response.status).toBe(400);
    expect(errorBody.parse(response.body).error.message).toMatch(/new password is the current one/);
    expect(await hashOf()).toEqual(hash);
    expect(await audited()).toEqual(entries);
    await here.get('/api/session').expect(200);
    await elsewhere.get('/api/session').expect(200);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const response = await request(app)
      .post('/api/session')
      .send({ username: 'signin-analyst', password: TEST_PASSWORD });
    const cookie = cookieHeader(response);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it('is Secure when the request came over HTTPS through the trusted proxy (X-Forwarded-Proto)', async () => {
    const response = await request(proxied)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'signin-analyst', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(cookieHeader(response)).toMatch(/; Secure/i);
  });

  it('is stored only as a hash: the token is nowhere in the database', async () => {
    const response = await request(app)
      .post('/api/session')
      .send({ username: 'signin-analyst', password: TEST_PASSWORD });
    const token = sessionCookieOf(response).split('=')[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const everything = JSON.stringify(await db.runAdmin('MATCH (n) RETURN properties(n) AS p'));
    expect(everything).not.toContain(token);
    const sessions = await db.runAdmin("MATCH (s:Session {username: 'signin-analyst'}) RETURN s.tokenHash AS hash");
    expect(sessions.length).toBeGreaterThan(0);
  });
});
