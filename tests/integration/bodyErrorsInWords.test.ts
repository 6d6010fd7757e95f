/**
 * A body the API cannot take is refused in words the sender can act on, not the parser's own: `null`
 * (valid JSON, RFC 8259 §2) was answered "Unexpected token 'n', "null" is not valid JSON"; bytes sent
 * as gzip that are not gzip were answered zlib's "incorrect header check". Both on the investigation
 * routes (their own JSON parser), the other JSON routes, and the import's own body reader.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { documentOf } from '../support/investigations.ts';
import { httpRequest } from '../support/rawHttp.ts';

const db = connectTestDatabase();
let server: Server;
let url: string;
beforeAll(async () => {
  await freshSeededDatabase(db);
  // Raw bytes on the wire: supertest would send a Buffer with a JSON type as JSON of the Buffer.
  server = testApp(db).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db.close();
});

async function post(path: string, body: string | Buffer, encoding?: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (encoding) headers['Content-Encoding'] = encoding;
  const response = await httpRequest(url, { method: 'POST', path, headers, body });
  return { status: response.status, body: JSON.parse(response.text) };
}

const ZLIB_WORDS = /incorrect header check|unexpected end of file|incorrect data check|Decompression failed/;

describe('a JSON body that is no object', () => {
  it.each([
    ['/api/investigations', 'null'],
    ['/api/investigations', '1'],
    ['/api/investigations/import', '"a file"'],
    ['/api/investigations/00000000-0000-4000-8000-000000000000/restore/1', 'null'],
    ['/api/cypher', 'true'],
  ])('POST %s with %s: 400 saying the body must be a JSON object', async (path, body) => {
    const before = await fingerprint(db);
    const response = await post(path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^The body must be a JSON object, not /);
    expect(response.body.error.message).not.toMatch(/Unexpected token|is not valid JSON/);
    expect(await fingerprint(db)).toBe(before);
  });

  it('still says when a body is not JSON at all', async () => {
    const response = await post('/api/investigations', '{"title": ');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_JSON');
  });
});

describe('a compressed body that does not decompress', () => {
  const file = gzipSync(JSON.stringify(documentOf({ nodes: [], edges: [] }, 'Zipped')));

  it.each([
    ['/api/investigations', 'gzip', Buffer.from('{"title":"not zipped"}'), /is not gzip data/],
    ['/api/investigations/import', 'gzip', Buffer.from('{"format":"not zipped"}'), /is not gzip data/],
    ['/api/investigations', 'gzip', file.subarray(0, file.length - 12), /cut short/],
    ['/api/investigations', 'deflate', Buffer.from('plain'), /is not deflate data/],
    ['/api/cypher', 'gzip', Buffer.from('{"query":"RETURN 1"}'), /is not gzip data/],
    ['/api/import', 'gzip', Buffer.from('{"nodes":[]}'), /is not gzip data/],
    ['/api/import', 'gzip', gzipSync('{"nodes":[]}').subarray(0, 15), /cut short/],
    ['/api/import', 'br', Buffer.from('{"nodes":[]}'), /is not br data/],
  ])('POST %s sent as %s: 400 INVALID_ENCODING in words', async (path, coding, body, words) => {
    const before = await fingerprint(db);
    const response = await post(path, body, coding);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.code).toBe('INVALID_ENCODING');
    expect(response.body.error.message).toMatch(words);
    expect(response.body.error.message).not.toMatch(ZLIB_WORDS);
    expect(await fingerprint(db)).toBe(before);
  });

  it('still takes a whole gzip body', async () => {
    const response = await post('/api/investigations', file, 'gzip');
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(201);
  });
});
