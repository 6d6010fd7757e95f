/**
 * The audit trail of the accounts (issue 10): one entry for each kind of account write (sign-in, a
 * failed sign-in under the username tried, sign-out, password change, user create, update and delete)
 * with who, when, from which address and the ids touched; none for a refused write; filters by user,
 * action and time, paging with `before`, and the JSON lines export. A deleted user's investigations go
 * to the admin who deleted them and their shares go, so a new account of the name inherits nothing;
 * usernames are one whatever their case, and `local` and `system` are no one's.
 */
import type { Agent } from 'supertest';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { type AuditEntry, auditEntry, auditPage } from '../../contract/auth.ts';
import { investigation, investigationList } from '../../contract/investigation.ts';
import { getUser, migrateUsernameKeys } from '../../server/services/users.ts';
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

  it('records sign-ins in another case, failed ones and a disabled account’s too, under the stored username', async () => {
    const CASED = 'auditacc-cased';
    await createTestUser(db, CASED, 'viewer');
    await request(app)
      .post('/api/session')
      .send({ username: 'AUDITACC-Cased', password: 'wrong password' })
      .expect(401);
    await signedIn(app, 'AuditAcc-CASED');
    await admin.patch(`/api/users/${CASED}`).send({ disabled: true }).expect(200);
    await request(app).post('/api/session').send({ username: 'Auditacc-Cased', password: TEST_PASSWORD }).expect(401);
    expect((await ofUser(CASED, 'session.signIn')).map((e) => e.ids)).toEqual([[CASED]]);
    expect((await ofUser(CASED, 'session.signInFailed')).map((e) => e.detail).sort()).toEqual([
      'user disabled',
      'wrong password',
    ]);
    const tried = (await trail({ action: 'session.signInFailed', since: startedAt, limit: 1000 })).entries;
    expect(tried.map((e) => e.username)).not.toContain('AUDITACC-Cased');
    expect(tried.map((e) => e.username)).not.toContain('Auditacc-Cased');
  });

  it('PATCH and DELETE /api/users/:username reach the user whatever the case, audited under the stored name', async () => {
    const CASED = 'auditacc-route-cased';
    await createTestUser(db, CASED, 'viewer');
    const changed = await admin.patch('/api/users/AUDITACC-Route-Cased').send({ role: 'analyst' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.username).toBe(CASED);
    await admin.delete('/api/users/Auditacc-Route-CASED').expect(204);
    await admin.delete(`/api/users/${CASED}`).expect(404);
    expect((await ofUser(ADMIN, 'user.update')).filter((e) => e.ids[0] === CASED)).toHaveLength(1);
    expect((await ofUser(ADMIN, 'user.delete')).filter((e) => e.ids[0] === CASED)).toHaveLength(1);
  });

  it('stores a tried username that is no valid username in a visible form: quoted, hidden characters as \\u{X}', async () => {
    const tries: Array<[string, string]> = [
      ['auditacc-ana\nFAKE', '"auditacc-ana\\u{A}FAKE"'],
      ['auditacc-admin\u202Egnp.exe', '"auditacc-admin\\u{202E}gnp.exe"'],
      [' auditacc-ana', '" auditacc-ana"'],
      ['SYSTEM', '"SYSTEM"'],
    ];
    for (const [tried] of tries) {
      await request(app).post('/api/session').send({ username: tried, password: 'whatever it is' }).expect(401);
    }
    const failed = (await trail({ action: 'session.signInFailed', since: startedAt, limit: 1000 })).entries;
    for (const [tried, shown] of tries) {
      expect(failed.map((e) => e.username)).toContain(shown);
      expect(failed.map((e) => e.username)).not.toContain(tried);
    }
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

describe('a deleted user', () => {
  it('hands their investigations (the bin too) to the deleting admin and leaves no share: a new account of the name gets nothing', async () => {
    const LEAVER = 'auditacc-leaver';
    const SHARER = 'auditacc-sharer';
    await createTestUser(db, LEAVER, 'analyst');
    await createTestUser(db, SHARER, 'analyst');
    const leaver = await signedIn(app, LEAVER);
    const sharer = await signedIn(app, SHARER);
    const created = async (agent: Agent, title: string) =>
      investigation.parse((await agent.post('/api/investigations').send({ title }).expect(201)).body).id;
    const kept = await created(leaver, 'Leaver kept');
    const binned = await created(leaver, 'Leaver binned');
    await leaver.delete(`/api/investigations/${binned}`).expect(200);
    await leaver
      .put(`/api/investigations/${kept}/shares`)
      .send({ shares: [{ username: ADMIN, access: 'read' }] })
      .expect(200);
    const others = await created(sharer, 'Shared with the leaver');
    await sharer
      .put(`/api/investigations/${others}/shares`)
      .send({
        shares: [
          { username: LEAVER, access: 'edit' },
          { username: 'auditacc-viewer', access: 'read' },
        ],
      })
      .expect(200);

    await admin.delete(`/api/users/${LEAVER}`).expect(204);

    const [remove] = (await ofUser(ADMIN, 'user.delete')).filter((e) => e.ids.includes(LEAVER));
    expect(remove?.detail).toContain(`2 investigations handed to ${ADMIN}`);
    expect(remove?.ids).toEqual([LEAVER, ...[kept, binned].sort(), others]);
    await leaver.get('/api/session').expect(401);
    for (const [id, deleted] of [
      [kept, false],
      [binned, true],
    ] as const) {
      const list = investigationList.parse(
        (
          await admin
            .get('/api/investigations')
            .query({ deleted: String(deleted) })
            .expect(200)
        ).body,
      );
      const mine = list.investigations.find((i) => i.id === id);
      expect(mine?.owner).toBe(ADMIN);
      expect(mine?.access).toBe('owner');
      expect(mine?.shares).toEqual([]);
    }
    const left = investigation.parse((await sharer.get(`/api/investigations/${others}`).expect(200)).body);
    expect(left.shares).toEqual([{ username: 'auditacc-viewer', access: 'read' }]);

    await createTestUser(db, LEAVER, 'analyst');
    const again = await signedIn(app, LEAVER);
    for (const deleted of ['false', 'true']) {
      const list = investigationList.parse(
        (await again.get('/api/investigations').query({ deleted }).expect(200)).body,
      );
      expect(list.investigations.filter((i) => [kept, binned, others].includes(i.id))).toEqual([]);
    }
    for (const id of [kept, binned, others]) await again.get(`/api/investigations/${id}`).expect(404);
  });

  it('an admin cannot delete themself (409 SELF_DELETE, nothing written): whom would their investigations go to?', async () => {
    await createTestUser(db, 'auditacc-admin2', 'admin');
    const second = await signedIn(app, 'auditacc-admin2');
    const response = await second.delete('/api/users/auditacc-admin2');
    expect(response.status).toBe(409);
    expect(errorBody.parse(response.body).error.code).toBe('SELF_DELETE');
    await second.get('/api/users').expect(200);
  });
});

describe('usernames', () => {
  it('are one whatever their case: Admin cannot be created beside admin (409 USER_EXISTS), not even at once', async () => {
    const before = await trail({ since: startedAt, limit: 1000 });
    for (const name of [ADMIN.toUpperCase(), 'AuditAcc-Viewer']) {
      const response = await admin.post('/api/users').send({ username: name, password: TEST_PASSWORD, role: 'admin' });
      expect(response.status).toBe(409);
      expect(errorBody.parse(response.body).error.code).toBe('USER_EXISTS');
    }
    const twin = `auditacc-twin-${Date.now()}`;
    const twins = [twin, twin.toUpperCase(), `Auditacc-Twin-${twin.slice(14)}`];
    const answers = await Promise.all(
      twins.map((username) => admin.post('/api/users').send({ username, password: TEST_PASSWORD, role: 'viewer' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const users = (await admin.get('/api/users').expect(200)).body.users as { username: string }[];
    expect(users.filter((u) => u.username.toLowerCase() === twin)).toHaveLength(1);
    const created = (await trail({ since: startedAt, limit: 1000 })).entries.filter((e) => e.action === 'user.create');
    expect(created.length).toBe(before.entries.filter((e) => e.action === 'user.create').length + 1);
  });

  it('local and system are refused in any case: 400, nothing written', async () => {
    const before = await trail({ since: startedAt, limit: 1000 });
    for (const username of ['local', 'LOCAL', 'system', 'System']) {
      const response = await admin.post('/api/users').send({ username, password: TEST_PASSWORD, role: 'admin' });
      expect(response.status, username).toBe(400);
    }
    expect((await trail({ since: startedAt, limit: 1000 })).entries).toEqual(before.entries);
  });

  it('of accounts made before get their lower-case key at start, the older of two that differ by case only', async () => {
    const stamp = Date.now();
    const older = `auditacc-Legacy${stamp}`;
    const younger = `auditacc-legacy${stamp}`;
    await db.runAdmin(
      `UNWIND $users AS u CREATE (:User {username: u.name, role: 'viewer', passwordHash: 'x', createdAt: u.at, disabled: false})`,
      {
        users: [
          { name: younger, at: '2026-01-02T00:00:00.000Z' },
          { name: older, at: '2026-01-01T00:00:00.000Z' },
        ],
      },
    );
    expect(await migrateUsernameKeys(db)).toEqual([younger]);
    expect(await migrateUsernameKeys(db)).toEqual([younger]);
    const rows = await db.runAdmin(
      'MATCH (u:User) WHERE toLower(u.username) = $key RETURN u.username AS name, u.usernameKey AS key ORDER BY name',
      { key: younger.toLowerCase() },
    );
    expect(rows).toEqual([
      { name: older, key: younger.toLowerCase() },
      { name: younger, key: null },
    ]);
    const response = await admin
      .post('/api/users')
      .send({ username: older.toUpperCase(), password: TEST_PASSWORD, role: 'viewer' });
    expect(response.status).toBe(409);
    // Looked up, the younger (no key) is found by its exact name, the older by its key in any case.
    expect((await getUser(db, younger))?.username).toBe(younger);
    expect((await getUser(db, older.toUpperCase()))?.username).toBe(older);
    await db.runAdmin('MATCH (u:User) WHERE toLower(u.username) = $key DELETE u', { key: younger.toLowerCase() });
  });
});
