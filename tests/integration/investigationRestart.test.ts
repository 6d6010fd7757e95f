/**
 * Investigations survive a restart of the database: on a Neo4j of this test's own (stopped and started
 * again on the same home and port), what was saved, its revisions, a restore, and the bin read back the
 * same through the same app, and saving goes on from the version it had.
 */
import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { revisionList } from '../../contract/investigation.ts';
import type { Database } from '../../server/db/database.ts';
import { type LocalServer, type LocalServerOptions, startLocalServer } from '../../server/neo4j/localServer.ts';
import { freshSeededDatabase, testApp } from '../support/fixtures.ts';
import {
  createThrough,
  documentOf,
  drawnNeighbourhood,
  getThrough,
  listThrough,
  saveThrough,
} from '../support/investigations.ts';
import { ownServerDatabase, ownServerOptions } from '../support/neo4j.ts';

let options: LocalServerOptions;
let server: LocalServer;
let db: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  options = await ownServerOptions('investigation-restart', 'restart-password');
  server = await startLocalServer(options);
  db = ownServerDatabase(options);
  await freshSeededDatabase(db);
  app = testApp(db);
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
  rmSync(options.home, { recursive: true, force: true });
});

describe('investigations across a restart of the database', () => {
  it('reads back everything saved, and saving goes on from the version it had', async () => {
    const drawn = await drawnNeighbourhood(app);
    const kept = await createThrough(app, documentOf(drawn, 'Kept'));
    await saveThrough(app, kept.id, documentOf(drawn, 'Kept, saved again'), 1).expect(200);
    await request(app).post(`/api/investigations/${kept.id}/restore/1`).send({ version: 2 }).expect(200);
    const binned = await createThrough(app, { title: 'Binned' });
    await request(app).delete(`/api/investigations/${binned.id}`).expect(200);
    const before = {
      kept: await getThrough(app, kept.id),
      revisions: (await request(app).get(`/api/investigations/${kept.id}/revisions`).expect(200)).body,
      list: await listThrough(app),
      bin: await listThrough(app, { deleted: 'true' }),
    };

    await server.stop();
    server = await startLocalServer(options);
    await vi.waitFor(() => request(app).get('/api/health').expect(200), { timeout: 30_000, interval: 250 });

    expect(await getThrough(app, kept.id)).toEqual(before.kept);
    const revisions = (await request(app).get(`/api/investigations/${kept.id}/revisions`).expect(200)).body;
    expect(revisions).toEqual(before.revisions);
    expect(revisionList.parse(revisions).revisions.map((r) => [r.n, r.restoredFrom])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect(await listThrough(app)).toEqual(before.list);
    expect(await listThrough(app, { deleted: 'true' })).toEqual(before.bin);

    await saveThrough(app, kept.id, documentOf(drawn, 'After the restart'), 2).expect(409);
    const next = await saveThrough(app, kept.id, documentOf(drawn, 'After the restart'), 3).expect(200);
    expect(next.body.version).toBe(4);
    await request(app).post(`/api/investigations/${binned.id}/undelete`).expect(200);
  }, 180_000); // a stop and a start of Neo4j take 10–30 s each
});
