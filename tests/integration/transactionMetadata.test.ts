/**
 * A user's writes carry the user in their transaction's metadata (issue 10), so the database's own
 * `SHOW TRANSACTIONS` tells who runs what. Read honestly, with no timing: a test transaction holds the
 * lock a write needs (an investigation's node, the import lock), so the app's transaction is caught
 * waiting on it, open, in SHOW TRANSACTIONS; then the lock is let go and the write finishes.
 */
import express from 'express';
import neo4j, { type Driver, type Transaction } from 'neo4j-driver';
import request from 'supertest';
import type { Agent } from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { investigation } from '../../contract/investigation.ts';
import { currentUser, runAsUser, transactionsRunAs } from '../../server/db/transactionUser.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = authApp(db);
const ANALYST = 'meta-analyst';
let analyst: Agent;
let driver: Driver;

beforeAll(async () => {
  await freshSeededDatabase(db);
  await createTestUser(db, ANALYST, 'analyst');
  analyst = await signedIn(app, ANALYST);
  const { uri, user, password } = inject('neo4j');
  driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
});
afterAll(async () => {
  await driver.close();
  await db.close();
});

/** A transaction of the test's own holding the write lock that `lockQuery` takes; roll it back to let go. */
async function holding(lockQuery: string, params: Record<string, unknown> = {}): Promise<Transaction> {
  const tx = driver.session().beginTransaction();
  await tx.run(lockQuery, params);
  return tx;
}

/** The metadata of the app's open transactions of `type`, once there is one (the app waits on our lock). */
async function openTransactionsOf(type: string): Promise<Record<string, unknown>[]> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const rows = await db.runAdmin('SHOW TRANSACTIONS YIELD metaData WHERE metaData.type = $type RETURN metaData', {
      type,
    });
    if (rows.length > 0) return rows.map((r) => r.metaData as Record<string, unknown>);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no open transaction of type ${type}`);
}

describe('the user in the transaction metadata', () => {
  it('of a save: SHOW TRANSACTIONS names the user who saves', async () => {
    const created = investigation.parse(
      (await analyst.post('/api/investigations').send({ title: 'Metadata' }).expect(201)).body,
    );
    const document = {
      title: 'Metadata',
      description: '',
      view: created.view,
      annotations: [],
      queries: [],
      snapshot: { nodes: [], edges: [] },
      version: 1,
    };
    const lock = await holding('MATCH (i:Investigation {id: $id}) SET i.held = true', { id: created.id });
    const saving = analyst
      .put(`/api/investigations/${created.id}`)
      .send(document)
      .then((r) => r);
    try {
      const [metadata] = await openTransactionsOf('investigation-save');
      expect(metadata).toEqual({ app: 'faction-atlas', type: 'investigation-save', user: ANALYST });
    } finally {
      await lock.rollback();
    }
    expect((await saving).status).toBe(200);
  });

  it('of an import: SHOW TRANSACTIONS names the user who imports', async () => {
    const lock = await holding("MERGE (l:ImportLock {id: 'import'}) SET l.held = true");
    const file = { nodes: [{ label: 'Person', id: 'meta-person', name: 'Meta Person', sources: ['ref-1'] }] };
    const importing = analyst
      .post('/api/import')
      .send(file)
      .then((r) => r);
    try {
      const [metadata] = await openTransactionsOf('import');
      expect(metadata).toEqual({ app: 'faction-atlas', type: 'import', user: ANALYST });
    } finally {
      await lock.rollback();
    }
    expect((await importing).status).toBe(200);
  });
});

describe('the user of a request, for every transaction it starts', () => {
  it('is in the metadata of a read that names no user (db/transactionUser.ts)', async () => {
    const seen = await runAsUser('meta-reader', () =>
      db.read('metadata-probe', async (tx) => {
        await tx.run('countFactions'); // the transaction is open on the server from here
        return db.runAdmin("SHOW TRANSACTIONS YIELD metaData WHERE metaData.type = 'metadata-probe' RETURN metaData");
      }),
    );
    expect(seen.map((r) => r.metaData)).toEqual([
      { app: 'faction-atlas', type: 'metadata-probe', user: 'meta-reader' },
    ]);
  });

  it('reaches a route handler past the body parser, across its awaits', async () => {
    const probe = express();
    probe.use(express.json());
    // No user (a stranger signing in): the request runs as nobody.
    probe.use(transactionsRunAs((req) => req.headers['x-user'] as string | undefined));
    probe.post('/probe', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      res.json({ user: currentUser() ?? null });
    });
    const answer = await request(probe).post('/probe').set('x-user', 'meta-poster').send({ some: 'body' }).expect(200);
    expect(answer.body).toEqual({ user: 'meta-poster' });
    const stranger = await request(probe).post('/probe').send({ some: 'body' }).expect(200);
    expect(stranger.body).toEqual({ user: null });
    expect(currentUser()).toBeUndefined();
  });
});
