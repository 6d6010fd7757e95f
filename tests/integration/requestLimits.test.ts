/**
 * Requests past the HTTP edge's limits are answered with the API's JSON errors and the right status,
 * on the production server (server/http.ts): URLs too long (414), heads too large (431), bytes that
 * are not HTTP (400), bodies where none belongs (400), JSON bodies too large (413), import bodies too
 * large as sent or as inflated (413), codings we do not read (415) or that are broken (400), and imports
 * beyond the queue (429). Small limits here, so that each fault is cheap to send.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { type AppServer, startAppServer } from '../support/appServer.ts';
import { connectTestDatabase, fingerprint } from '../support/fixtures.ts';
import { httpRequest, parseRawAnswer, rawExchange } from '../support/rawHttp.ts';

const LIMITS = { importMaxBytes: 256 * 1024, importMaxInflateRatio: 20, jsonMaxBytes: 16 * 1024 };
let db: Database;
let app: AppServer;

beforeAll(async () => {
  db = connectTestDatabase();
  app = await startAppServer(db, { client: false, requestLimits: LIMITS, importQueue: { running: 1, waiting: 0 } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** A valid import of `count` people citing one source, about 120 bytes each, compressing as real files do (5×). */
function peopleFile(count: number, prefix = 'limits') {
  return JSON.stringify({
    sources: [{ id: `${prefix}-report`, name: 'A report', title: 'A report' }],
    nodes: Array.from({ length: count }, (_, i) => ({
      label: 'Person',
      id: `${prefix}-person-${i}`,
      name: `Person ${crypto.randomUUID().slice(0, 8)}`,
      sources: [`${prefix}-report`],
    })),
  });
}

const postImport = (body: string | Buffer, headers: Record<string, string> = {}) =>
  httpRequest(app.url, {
    method: 'POST',
    path: '/api/import',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('the request head', () => {
  it('answers a 100 kB URL with 414 URI_TOO_LONG as JSON', async () => {
    const response = await httpRequest(app.url, { path: `/api/search?q=${'a'.repeat(100_000)}` });
    expect(response.status).toBe(414);
    expect(response.json().error.code).toBe('URI_TOO_LONG');
  });

  it('answers headers past 128 KiB with 431 HEADERS_TOO_LARGE as JSON, not a bare close', async () => {
    const answer = await rawExchange(
      app.url,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(140 * 1024)}\r\n\r\n`,
    );
    const { status, body } = parseRawAnswer(answer);
    expect(status).toBe(431);
    expect(body.error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('answers bytes that are not HTTP with 400 MALFORMED_REQUEST as JSON', async () => {
    const { status, body } = parseRawAnswer(await rawExchange(app.url, 'HELLO THERE\r\n\r\n'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('MALFORMED_REQUEST');
  });
});

describe('bodies where none belongs', () => {
  it.each([
    ['GET', '/api/search?q=nasr'],
    ['DELETE', '/api/cypher/some-run'],
  ])('answers %s %s with a body 400 BODY_NOT_ALLOWED', async (method, path) => {
    const response = await httpRequest(app.url, {
      method,
      path,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: Array(1000).fill('x') }),
    });
    expect(response.status).toBe(400);
    expect(response.json().error.code).toBe('BODY_NOT_ALLOWED');
  });

  it('still answers a GET with Content-Length: 0, as some clients send', async () => {
    const response = await httpRequest(app.url, { path: '/api/search?q=nasr', body: '' });
    expect(response.status).toBe(200);
  });
});

describe('JSON bodies of every route but the import', () => {
  it('answers a body past JSON_MAX_BYTES with 413 PAYLOAD_TOO_LARGE naming the limit', async () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `node-${i}`);
    const response = await httpRequest(app.url, {
      method: 'POST',
      path: '/api/relationships/among',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids }),
    });
    expect(response.status).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('16 KiB'),
    });
  });

  it('answers a JSON body in another charset with 415', async () => {
    const response = await httpRequest(app.url, {
      method: 'POST',
      path: '/api/relationships/among',
      headers: { 'Content-Type': 'application/json; charset=utf-16le' },
      body: Buffer.from(JSON.stringify({ ids: ['jaysh-al-nasr'] }), 'utf16le'),
    });
    expect(response.status).toBe(415);
  });

  it('answers a body that is not JSON (text/plain, or no type) with 415 naming the type, not a schema error', async () => {
    for (const type of ['text/plain', undefined]) {
      const response = await httpRequest(app.url, {
        method: 'POST',
        path: '/api/cypher',
        headers: type ? { 'Content-Type': type } : {},
        body: Buffer.from('RETURN 1'),
      });
      expect(response.status, String(type)).toBe(415);
      expect(response.json().error.message).toMatch(/Content-Type: application\/json/);
    }
  });
});

describe('import bodies', () => {
  it('takes an import far larger than JSON_MAX_BYTES', async () => {
    const file = peopleFile(800);
    expect(file.length).toBeGreaterThan(4 * LIMITS.jsonMaxBytes);
    const response = await postImport(file);
    expect(response.status, response.text).toBe(200);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('takes an import sent with Content-Encoding %s', async (coding, compress) => {
    const response = await postImport(compress(Buffer.from(peopleFile(50, coding))), { 'Content-Encoding': coding });
    expect(response.status, response.text).toBe(200);
    // 50 people and their source
    expect(JSON.parse(response.text)).toMatchObject({ nodes: 50, changes: { nodesCreated: 51 } });
  });

  it('takes an import that starts with a byte order mark, as Windows editors write them', async () => {
    const response = await postImport(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(peopleFile(2, 'bom'))]),
    );
    expect(response.status, response.text).toBe(200);
  });

  it('answers an import with bytes after its JSON with 400 INVALID_JSON', async () => {
    const response = await postImport(`${peopleFile(2, 'trailing')} {}`);
    expect(response.status).toBe(400);
    expect(response.json().error.code).toBe('INVALID_JSON');
  });

  it('answers an import past IMPORT_MAX_BYTES with 413 naming it, before reading it', async () => {
    const response = await postImport(peopleFile(3_000));
    expect(response.status).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('IMPORT_MAX_BYTES'),
    });
  });

  it('answers a chunked import that grows past IMPORT_MAX_BYTES with 413', async () => {
    const response = await postImport(peopleFile(3_000), { 'Transfer-Encoding': 'chunked' });
    expect(response.status).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a gzip import that inflates past IMPORT_MAX_INFLATE_RATIO with 413 naming the ratio, writing nothing', async () => {
    const before = await fingerprint(db);
    const bomb = gzipSync(`{"sources":[],"nodes":[],"relationships":[]${' '.repeat(200_000)}}`);
    expect(bomb.length * LIMITS.importMaxInflateRatio).toBeLessThan(200_000);
    const response = await postImport(bomb, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('IMPORT_MAX_INFLATE_RATIO'),
    });
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers a gzip import that inflates past IMPORT_MAX_BYTES (within the ratio) with 413 naming it', async () => {
    // Random hex compresses about 2:1: within the ratio, but 400 KiB inflated is past 256 KiB.
    const hex = Array.from({ length: (400 * 1024) / 32 }, () => crypto.randomUUID().replaceAll('-', '')).join('');
    const body = gzipSync(`{"sources":[],"nodes":[],"relationships":[],"x":"${hex}"}`);
    expect(body.length).toBeLessThan(LIMITS.importMaxBytes);
    const response = await postImport(body, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect(response.json().error.message).toContain('IMPORT_MAX_BYTES');
  });

  it('answers an unknown Content-Encoding with 415 UNSUPPORTED_ENCODING', async () => {
    const response = await postImport(peopleFile(1), { 'Content-Encoding': 'compress' });
    expect(response.status).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_ENCODING');
  });

  it('answers bytes that are not gzip, sent as gzip, with 400 INVALID_ENCODING', async () => {
    const response = await postImport(peopleFile(1), { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect(response.json().error.code).toBe('INVALID_ENCODING');
  });
});

describe('imports beyond the queue', () => {
  it('answers 429 IMPORT_BUSY with Retry-After while the queue is full, and takes imports again after', async () => {
    // An upload that never finishes holds the one place (running 1, waiting 0 in this file).
    const holder = connect(Number(new URL(app.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => holder.once('connect', () => resolve()));
    holder.write(
      'POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sou',
    );
    let busy: Awaited<ReturnType<typeof postImport>> | undefined;
    for (let attempt = 0; attempt < 50 && busy?.status !== 429; attempt++) busy = await postImport('{}');
    expect(busy?.status).toBe(429);
    expect(busy?.json().error.code).toBe('IMPORT_BUSY');
    expect(Number(busy?.headers['retry-after'])).toBeGreaterThan(0);

    holder.destroy();
    let after: Awaited<ReturnType<typeof postImport>> | undefined;
    for (let attempt = 0; attempt < 50 && after?.status !== 200; attempt++) {
      after = await postImport('{}');
      if (after.status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(after?.status).toBe(200);
  });
});
