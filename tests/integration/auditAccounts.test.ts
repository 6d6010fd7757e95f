/**
 * The audit trail of the accounts (issue 10): one entry for each kind of account write (sign-in, a
 * failed sign-in under the username tried, sign-out, password change, user create, update and delete)
 * with who, when, from which address and the ids touched; none for a refused write; filters by user,
 * action and time, paging with `before`, and the JSON lines export.
 */
import type { Agent } from 'supertest';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, auditEntry, auditPage } from '../../contract/auth.ts';
import { authApp, createTestUser, signedIn, TEST_PASSWORD } from '../support/auth.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = authApp(db);
const ADMIN = 'auditacc-admin';
const USER = `auditacc-user-${Date.now()}`;
let admin: Agent;
let startedAt: string;

beforeAll(async () => {
  await db.applySchema();
  await createTestUser(db, ADMIN, 'admin');
  await createTestUser(db, 'auditacc-viewer', 'viewer');
  startedAt = new Date().toISOString();
  admin = await signedIn(app, ADMIN);
});
afterAll(() => db.close());

async function trail(query: Record<string, string | number>): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const response = await admin.get('/api/audit').query(query);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return auditPage.parse(response.body);
}

const ofUser = async (user: string, action: string) =>
  (await trail({ user, action, since: startedAt, limit: 1000 })).entries;

describe('audit entries of account writes', () => {
  it('records each kind: user create, sign-in, failure, password change, sign-out, update, delete', async () => {
    await admin.post('/api/users').send({ username: USER, password: TEST_PASSWORD, role: 'viewer' }).expect(201);
    await request(app).post('/api/session').send({ username: USER, password: 'wrong password' }).expect(401);
    const user = await signedIn(app, USER);
    await user
      .put('/api/session/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'another long password' })
      .expect(204);
    await user.delete('/api/session').expect(204);
    await admin.patch(`/api/users/${USER}`).send({ role: 'analyst', disabled: true }).expect(200);
    await admin.delete(`/api/users/${USER}`).expect(204);

    const byAdmin = (action: string) => ofUser(ADMIN, action);
    const byUser = (action: string) => ofUser(USER, action);
    const [create] = (await byAdmin('user.create')).filter((e) => e.ids.includes(USER));
    const [failed] = await byUser('session.signInFailed');
    const [signIn] = await byUser('session.signIn');
    const [change] = await byUser('session.passwordChange');
    const [signOut] = await byUser('session.signOut');
    const [update] = (await byAdmin('user.update')).filter((e) => e.ids.includes(USER));
    const [remove] = (await byAdmin('user.delete')).filter((e) => e.ids.includes(USER));
    for (const entry of [create, failed, signIn, change, signOut, update, remove]) {
      expect(entry).toBeDefined();
      expect(auditEntry.parse(entry).address).toMatch(/127\.0\.0\.1|::1/);
      expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(startedAt));
    }
    expect(create?.detail).toContain('viewer');
    expect(failed?.ids).toEqual([]);
    expect(signIn?.ids).toEqual([USER]);
    expect(update?.detail).toMatch(/viewer → analyst.*disabled/);
    expect(remove?.ids).toEqual([USER]);
  });

  it('records a failed sign-in of an unknown user under the username tried', async () => {
    const tried = `auditacc-nobody-${Date.now()}`;
    await request(app).post('/api/session').send({ username: tried, password: 'whatever it is' }).expect(401);
    const [failed] = await ofUser(tried, 'session.signInFailed');
    expect(failed?.detail).toBe('unknown user');
  });

  it('records nothing when a write is refused (a viewer creating a user, an admin deleting nobody)', async () => {
    const before = await trail({ since: startedAt, limit: 1000 });
    const viewer = await signedIn(app, 'auditacc-viewer');
    const afterSignIn = await trail({ since: startedAt, limit: 1000 });
    await viewer
      .post('/api/users')
      .send({ username: 'auditacc-refused', password: TEST_PASSWORD, role: 'admin' })
      .expect(403);
    await admin.delete('/api/users/auditacc-no-such-user').expect(404);
    await admin
      .post('/api/users')
      .send({ username: 'auditacc-viewer', password: TEST_PASSWORD, role: 'admin' })
      .expect(409);
    await admin.patch(`/api/users/${ADMIN}`).send({ role: 'viewer', password: 'x' }).expect(400);
    expect(afterSignIn.entries.length).toBe(before.entries.length + 1);
    expect((await trail({ since: startedAt, limit: 1000 })).entries).toEqual(afterSignIn.entries);
  });
});

describe('reading the trail', () => {
  it('filters by user, action and time, and pages on with `before`', async () => {
    for (let i = 0; i < 3; i++) {
      await request(app).post('/api/session').send({ username: 'auditacc-pager', password: 'wrong password' });
    }
    const all = await ofUser('auditacc-pager', 'session.signInFailed');
    expect(all.length).toBe(3);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    const first = await trail({ user: 'auditacc-pager', limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(first.next).toBe(all[1]?.id);
    const second = await trail({ user: 'auditacc-pager', limit: 2, before: first.next ?? '' });
    expect(second.entries.map((e) => e.id)).toEqual([all[2]?.id]);
    expect(second.next).toBeNull();
    const none = await trail({ user: 'auditacc-pager', until: startedAt });
    expect(none.entries).toEqual([]);
    const wrongAction = await trail({ user: 'auditacc-pager', action: 'session.signIn' });
    expect(wrongAction.entries).toEqual([]);
  });

  it('exports every match as JSON lines that parse one by one', async () => {
    const response = await admin
      .get('/api/audit')
      .query({ format: 'jsonl', since: startedAt })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
        });
        res.on('end', () => done(null, text));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (response.body as string).split('\n');
    expect(lines.at(-1)).toBe('');
    const entries = lines.slice(0, -1).map((line) => auditEntry.parse(JSON.parse(line)));
    const page = await trail({ since: startedAt, limit: 1000 });
    expect(entries.map((e) => e.id)).toEqual(page.entries.map((e) => e.id));
    expect(entries.length).toBeGreaterThan(8);
  });
});
