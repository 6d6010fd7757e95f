/**
 * Compressed uploads cannot take the API down. A 149 KB gzip that inflates to 48 MB of import JSON full
 * of problems once cost 8 s of the API's one thread, a 118 MB answer and 1.5 GB; sixteen at once made the
 * API unusable for six minutes. Now a bomb stops inflating at IMPORT_MAX_INFLATE_RATIO × its size, off
 * the event loop (413); imports beyond the queue are refused unread (429); health and search answer all
 * along; nothing is imported. Production limits (50 MiB, ratio 50); memory and time are in bench/uploads.ts.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { DEFAULT_REQUEST_LIMITS } from '../../server/middleware/requestLimits.ts';
import { type AppServer, startAppServer } from '../support/appServer.ts';
import { connectTestDatabase, fingerprint } from '../support/fixtures.ts';
import { httpRequest } from '../support/rawHttp.ts';
import { rounds } from '../support/resilience.ts';

/** An import file of `bytes` bytes, every relationship in it wrong several ways. */
function fileOfProblems(bytes: number): Buffer {
  const item = '{"id":"Bad Id","type":"NOPE","source":1,"target":2,"sources":[]},';
  const head = '{"relationships":[';
  const count = Math.floor((bytes - head.length - 60) / item.length);
  return Buffer.from(`${head}${item.repeat(count)}{"id":"last","type":"NOPE"}]}`);
}

let db: Database;
let app: AppServer;
let bomb: Buffer;
let before: string;

beforeAll(async () => {
  db = connectTestDatabase();
  app = await startAppServer(db, { client: false });
  // Just under IMPORT_MAX_BYTES inflated, so that only the ratio can stop it.
  bomb = gzipSync(fileOfProblems(DEFAULT_REQUEST_LIMITS.importMaxBytes - 2 * 1024 * 1024), { level: 9 });
  before = await fingerprint(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const sendBomb = () =>
  httpRequest(app.url, {
    method: 'POST',
    path: '/api/import',
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    body: bomb,
  });

it('answers one gzip bomb 413 PAYLOAD_TOO_LARGE naming the ratio, and imports nothing', async () => {
  expect(bomb.length).toBeLessThan(200 * 1024);
  const response = await sendBomb();
  expect(response.status).toBe(413);
  expect(response.json().error).toMatchObject({
    code: 'PAYLOAD_TOO_LARGE',
    message: expect.stringContaining('IMPORT_MAX_INFLATE_RATIO'),
  });
  expect(await fingerprint(db)).toBe(before);
});

describe.each(Array.from({ length: rounds(1, 5) }, (_, i) => i + 1))('sixteen gzip bombs at once (round %i)', () => {
  it('answers each 413 or 429, while health and search keep answering, and imports nothing', async () => {
    let done = false;
    const bombs = Promise.all(Array.from({ length: 16 }, sendBomb)).finally(() => {
      done = true;
    });
    const others: number[] = [];
    do {
      for (const path of ['/api/health', '/api/search?q=nasr']) others.push((await fetch(`${app.url}${path}`)).status);
    } while (!done);
    const answers = await bombs;

    for (const answer of answers) {
      expect([413, 429], answer.text.slice(0, 200)).toContain(answer.status);
      if (answer.status === 429) expect(answer.headers['retry-after']).toBeDefined();
    }
    expect(answers.filter((a) => a.status === 413).length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThanOrEqual(2);
    expect(others.every((status) => status === 200)).toBe(true);
    expect(await fingerprint(db)).toBe(before);
  });
});

it('answers a 48 MB file of problems, sent uncompressed, with its first 100 problems in a small answer', async () => {
  const response = await httpRequest(app.url, {
    method: 'POST',
    path: '/api/import',
    headers: { 'Content-Type': 'application/json' },
    body: fileOfProblems(48 * 1024 * 1024),
  });
  expect(response.status).toBe(400);
  const { error } = response.json();
  expect(error.details).toHaveLength(100);
  expect(error.detailsTruncated).toBe(true);
  expect(response.text.length).toBeLessThan(50_000);
  expect(await fingerprint(db)).toBe(before);
});
