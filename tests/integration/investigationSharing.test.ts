/**
 * Investigations have an owner, and only whom the owner shares one with may open it (issue 10): over
 * every investigation route, a stranger gets 404 as if it did not exist (also in the list and the
 * bin), a read share reads but never writes (403), an edit share saves but never shares, bins or
 * restores, a share with everyone ('*') reaches every signed-in user, a viewer never writes, and a
 * share naming nobody is refused. Every refusal leaves the workspace exactly as it was. When sign-in
 * is turned on, the local user's investigations (and ownerless older ones) go to the first admin.
 */
import request, { type Agent } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements } from '../../contract/api.ts';
import { investigation, investigationList, investigationSummary } from '../../contract/investigation.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { adoptLocalInvestigations } from '../../server/services/investigationSharing.ts';
import { updateUser } from '../../server/services/users.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { documentOf, NASR } from '../support/investigations.ts';
import { workspaceFingerprint } from '../support/workspace.ts';

const db = connectTestDatabase();
const app = authApp(db);
const USERS = {
  owner: 'share-owner',
  reader: 'share-reader',
  editor: 'share-editor',
  stranger: 'share-stranger',
  anyone: 'share-anyone',
  viewer: 'share-viewer',
} as const;
type Who = keyof typeof USERS;
const as = {} as Record<Who, Agent>;
let document: ReturnType<typeof documentOf>;
/** The investigation under test (owned by share-owner), and one of theirs in the bin. */
let id: string;
let binned: string;

beforeAll(async () => {
  await freshSeededDatabase(db);
  for (const who of Object.keys(USERS) as Who[]) {
    await createTestUser(db, USERS[who], who === 'viewer' ? 'viewer' : 'analyst');
    as[who] = await signedIn(app, USERS[who]);
  }
  const drawn = await as.owner.get(`/api/nodes/${NASR}/neighbors`).query({ depth: 1 }).expect(200);
  const { nodes, edges } = elements.parse(drawn.body);
  document = documentOf({ nodes: nodes.map((n) => n.data), edges: edges.map((e) => e.data) }, 'Shared work');
  id = investigation.parse((await as.owner.post('/api/investigations').send(document).expect(201)).body).id;
  await as.owner
    .put(`/api/investigations/${id}`)
    .send({ ...document, version: 1 })
    .expect(200);
  binned = investigation.parse(
    (await as.owner.post('/api/investigations').send({ title: 'Binned' }).expect(201)).body,
  ).id;
  await as.owner.delete(`/api/investigations/${binned}`).expect(200);
});
afterAll(() => db.close());

/** The admin who changes users here, through services/users.ts. */
const SHARE_ADMIN = { username: 'share-admin', role: 'admin' as const, address: '127.0.0.1' };

const share = (shares: { username: string; access: 'read' | 'edit' }[]) =>
  as.owner.put(`/api/investigations/${id}/shares`).send({ shares });

const listed = async (who: Who, deleted = false) =>
  investigationList.parse((await as[who].get('/api/investigations').query({ deleted }).expect(200)).body)
    .investigations;

/** Every route that reads one investigation, and what a visible one answers on it. */
const READS = ['', '/revisions', '/revisions/1', '/changes', '/export'];

/** Every route that writes one, with a body that would be accepted from its owner. */
const writes = (version: number) =>
  [
    ['put', '', { ...document, version }],
    ['put', '/shares', { shares: [] }],
    ['delete', '', undefined],
    ['post', '/undelete', undefined],
    ['post', '/restore/1', { version }],
  ] as const;

async function currentVersion(): Promise<number> {
  return investigation.parse((await as.owner.get(`/api/investigations/${id}`).expect(200)).body).version;
}

/** Sends `method path body` as `who` and expects `status`, and that the workspace did not change. */
async function refusedWithoutTrace(
  who: Who,
  method: 'put' | 'post' | 'delete',
  path: string,
  body: unknown,
  status: number,
) {
  const before = await workspaceFingerprint(db);
  const response = await as[who][method](`/api/investigations/${id}${path}`).send(body as object);
  expect(response.status, `${who} ${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  expect(await workspaceFingerprint(db)).toBe(before);
  return response;
}

describe('an investigation shared with nobody is its owner’s alone', () => {
  it('answers 404 INVESTIGATION_NOT_FOUND to a stranger on every read route', async () => {
    for (const path of READS) {
      const response = await as.stranger.get(`/api/investigations/${id}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code, path).toBe('INVESTIGATION_NOT_FOUND');
    }
  });

  it('answers 404 to a stranger on every write route, and writes nothing', async () => {
    for (const [method, path, body] of writes(await currentVersion())) {
      const response = await refusedWithoutTrace('stranger', method, path, body, 404);
      expect(response.body.error.code).toBe('INVESTIGATION_NOT_FOUND');
    }
  });

  it('is not in a stranger’s list nor their bin; its owner sees both, as owner', async () => {
    expect((await listed('stranger')).map((i) => i.id)).not.toContain(id);
    expect((await listed('stranger', true)).map((i) => i.id)).not.toContain(binned);
    const own = (await listed('owner')).find((i) => i.id === id);
    expect(own).toMatchObject({ owner: USERS.owner, access: 'owner', shares: [] });
    expect((await listed('owner', true)).map((i) => i.id)).toContain(binned);
  });
});

describe('a read share', () => {
  beforeAll(async () => {
    await share([
      { username: USERS.reader, access: 'read' },
      { username: USERS.editor, access: 'edit' },
    ]).expect(200);
  });

  it('opens it on every read route, read-only, showing the reader only their own share', async () => {
    for (const path of READS) {
      const response = await as.reader.get(`/api/investigations/${id}${path}`);
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    }
    const opened = investigation.parse((await as.reader.get(`/api/investigations/${id}`)).body);
    expect(opened).toMatchObject({ owner: USERS.owner, access: 'read' });
    expect(opened.shares).toEqual([{ username: USERS.reader, access: 'read' }]);
    expect((await listed('reader')).find((i) => i.id === id)?.access).toBe('read');
  });

  it('refuses every write with 403 FORBIDDEN, and writes nothing', async () => {
    for (const [method, path, body] of writes(await currentVersion())) {
      const response = await refusedWithoutTrace('reader', method, path, body, 403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('lets its owner see every share', async () => {
    const own = investigationSummary.parse((await as.owner.get(`/api/investigations/${id}`)).body);
    expect(own.shares).toEqual(
      expect.arrayContaining([
        { username: USERS.reader, access: 'read' },
        { username: USERS.editor, access: 'edit' },
      ]),
    );
    expect(own.shares).toHaveLength(2);
  });
});

describe('an edit share', () => {
  it('saves a new revision, still the owner’s', async () => {
    const version = await currentVersion();
    const saved = await as.editor.put(`/api/investigations/${id}`).send({ ...document, version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(investigation.parse(saved.body)).toMatchObject({ version: version + 1, owner: USERS.owner, access: 'edit' });
  });

  it('refuses sharing, binning, undeleting and restoring with 403, and writes nothing', async () => {
    for (const [method, path, body] of writes(await currentVersion()).filter(([m, p]) => !(m === 'put' && p === ''))) {
      const response = await refusedWithoutTrace('editor', method, path, body, 403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('is not given to a viewer: 400 VIEWER_CANNOT_EDIT naming them, and nothing written', async () => {
    const before = await workspaceFingerprint(db);
    const response = await share([
      { username: USERS.reader, access: 'read' },
      { username: USERS.viewer, access: 'edit' },
    ]);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VIEWER_CANNOT_EDIT');
    expect(response.body.error.message).toContain(USERS.viewer);
    expect(await workspaceFingerprint(db)).toBe(before);
  });

  it('with everyone is read for a viewer, who saves nothing (403) and creates nothing', async () => {
    await share([{ username: '*', access: 'edit' }]).expect(200);
    const opened = investigation.parse((await as.viewer.get(`/api/investigations/${id}`).expect(200)).body);
    expect(opened.access).toBe('read');
    const row = (await listed('viewer')).find((i) => i.id === id);
    expect(row?.access).toBe('read');
    expect((await listed('anyone')).find((i) => i.id === id)?.access).toBe('edit');
    await refusedWithoutTrace('viewer', 'put', '', { ...document, version: await currentVersion() }, 403);
    const created = await as.viewer.post('/api/investigations').send({ title: 'Mine?' });
    expect(created.status).toBe(403);
    await share([]).expect(200);
  });
});

describe('sharing', () => {
  it('with everyone reaches every signed-in user, who sees only the share with everyone', async () => {
    await share([
      { username: '*', access: 'read' },
      { username: USERS.reader, access: 'edit' },
    ]).expect(200);
    const opened = investigation.parse((await as.anyone.get(`/api/investigations/${id}`).expect(200)).body);
    expect(opened).toMatchObject({ access: 'read', shares: [{ username: '*', access: 'read' }] });
    expect((await listed('stranger')).map((i) => i.id)).toContain(id);
    await refusedWithoutTrace('anyone', 'put', '', { ...document, version: await currentVersion() }, 403);
    // A user's own edit share wins over the read share with everyone.
    const reader = investigation.parse((await as.reader.get(`/api/investigations/${id}`).expect(200)).body);
    expect(reader.access).toBe('edit');
  });

  it('with a username no user has is 400 naming it, and writes nothing', async () => {
    const before = await workspaceFingerprint(db);
    const response = await share([
      { username: USERS.reader, access: 'read' },
      { username: 'share-nobody', access: 'edit' },
    ]);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('share-nobody');
    expect(response.body.error.message).not.toContain(USERS.reader);
    expect(await workspaceFingerprint(db)).toBe(before);
  });

  it('with its owner or a disabled user is 400 naming them (SELF_SHARE, DISABLED_USERS), and writes nothing', async () => {
    await createTestUser(db, 'share-disabled', 'analyst');
    await updateUser(db, SHARE_ADMIN, 'share-disabled', { disabled: true });
    for (const [named, code] of [
      [USERS.owner, 'SELF_SHARE'],
      ['share-disabled', 'DISABLED_USERS'],
    ] as const) {
      const before = await workspaceFingerprint(db);
      const response = await share([
        { username: USERS.reader, access: 'read' },
        { username: named, access: 'read' },
      ]);
      expect(response.status, named).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toContain(named);
      expect(response.body.error.message).not.toContain(USERS.reader);
      expect(await workspaceFingerprint(db)).toBe(before);
    }
  });

  it('follows a user made a viewer: their edit shares turn read in the same write, so the owner can share on', async () => {
    await createTestUser(db, 'share-demoted', 'analyst');
    await share([
      { username: 'share-demoted', access: 'edit' },
      { username: USERS.reader, access: 'read' },
    ]).expect(200);
    await updateUser(db, SHARE_ADMIN, 'share-demoted', { role: 'viewer' });
    const opened = investigation.parse((await as.owner.get(`/api/investigations/${id}`).expect(200)).body);
    expect(opened.shares).toContainEqual({ username: 'share-demoted', access: 'read' });
    expect(opened.shares).not.toContainEqual({ username: 'share-demoted', access: 'edit' });
    // The owner's next change sends back the shares they see: not refused for one they did not make.
    await share([...opened.shares, { username: USERS.editor, access: 'edit' }]).expect(200);
    const [entry] = (await db.runAdmin(
      "MATCH (a:AuditEntry {action: 'user.update'}) WHERE 'share-demoted' IN a.ids RETURN a.ids AS ids, a.detail AS detail ORDER BY a.at DESC LIMIT 1",
    )) as [{ ids: string[]; detail: string }];
    expect(entry.ids).toEqual(['share-demoted', id]);
    expect(entry.detail).toContain('1 edit share made read-only');
    await share([]).expect(200);
  });

  it('ends when its owner bins it: the bin is the owner’s alone, and a share reaches nothing there', async () => {
    const shared = investigation.parse(
      (await as.owner.post('/api/investigations').send({ title: 'Shared, then binned' }).expect(201)).body,
    ).id;
    await as.owner
      .put(`/api/investigations/${shared}/shares`)
      .send({ shares: [{ username: '*', access: 'edit' }] })
      .expect(200);
    await as.owner.delete(`/api/investigations/${shared}`).expect(200);
    expect((await listed('anyone', true)).map((i) => i.id)).not.toContain(shared);
    expect((await as.anyone.post(`/api/investigations/${shared}/undelete`)).status).toBe(404);
    expect((await listed('owner', true)).map((i) => i.id)).toContain(shared);
  });

  it('with nobody again takes it away: 404 to the former readers', async () => {
    await share([]).expect(200);
    expect((await as.reader.get(`/api/investigations/${id}`)).status).toBe(404);
    expect((await as.anyone.get(`/api/investigations/${id}/export`)).status).toBe(404);
    expect((await listed('reader')).map((i) => i.id)).not.toContain(id);
  });
});

describe('handing over when sign-in is turned on', () => {
  it('gives the local user’s investigations, and ownerless ones, to the first admin, and no one else’s', async () => {
    const local = investigation.parse(
      (await request(testApp(db)).post('/api/investigations').send({ title: 'On a laptop' }).expect(201)).body,
    );
    expect(local.owner).toBe('local');
    // An investigation saved before they had owners: no owner, no shares.
    await db.runAdmin(
      `CREATE (:Investigation {id: 'older', title: 'Older', description: '', version: 0,
        createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z'})`,
    );
    expect(await adoptLocalInvestigations(db, USERS.anyone)).toBe(2);
    const mine = (await listed('anyone')).find((i) => i.id === local.id);
    expect(mine).toMatchObject({ owner: USERS.anyone, access: 'owner' });
    expect((await listed('stranger')).map((i) => i.id)).not.toContain(local.id);
    const [older] = await db.runAdmin('MATCH (i:Investigation {id: "older"}) RETURN i.owner AS owner');
    expect(older?.owner).toBe(USERS.anyone);
    expect((await as.owner.get(`/api/investigations/${id}`).expect(200)).body.owner).toBe(USERS.owner);
    expect(await adoptLocalInvestigations(db, USERS.anyone)).toBe(0);
  });
});
