/**
 * Deeply nested JSON, in every route that takes JSON and in the console's parameters, is answered 400,
 * never 500 or 503: a 100,000-deep array sails through V8's JSON.parse, then overflows the stack of
 * whatever recurses next (zod, JSON.stringify in a log or an error, the driver's encoder). The long
 * run tries more shapes (arrays, objects, mixed) at more depths.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../server/middleware/jsonDepth.ts';
import { servedApi } from '../support/appServer.ts';
import { fingerprint } from '../support/fixtures.ts';
import { httpRequest } from '../support/rawHttp.ts';
import { rounds } from '../support/resilience.ts';

const served = servedApi();

/** A JSON text `depth` levels deep, its levels arrays or objects as `shape` says, with a value at the bottom. */
function nested(depth: number, shape: (level: number) => 'array' | 'object'): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < depth; level++) {
    const array = shape(level) === 'array';
    open.push(array ? '[' : '{"a":');
    close.push(array ? ']' : '}');
  }
  return `${open.join('')}1${close.reverse().join('')}`;
}

const SHAPES = {
  arrays: () => 'array' as const,
  objects: () => 'object' as const,
  mixed: (level: number) => (level % 3 === 0 ? ('object' as const) : ('array' as const)),
};

/** Depths past the bound: just past it, far past it, and deep enough to overflow any recursion. */
const DEPTHS = [
  MAX_JSON_DEPTH + 1,
  1_000,
  100_000,
  ...Array(rounds(0, 4))
    .fill(0)
    .map(() => 65 + Math.floor(Math.random() * 200_000)),
];
const shapes = Object.entries(SHAPES).slice(0, rounds(2, 3));

/** Every place a request takes JSON, with `value` put where a client's value goes. */
const ROUTES: Array<[string, string, (value: string) => string]> = [
  ['relationships among, ids', '/api/relationships/among', (v) => `{"ids":${v}}`],
  ['relationships among, asOf', '/api/relationships/among', (v) => `{"ids":["jaysh-al-nasr"],"asOf":${v}}`],
  ['console query parameters', '/api/cypher', (v) => `{"query":"RETURN $p AS p","params":{"p":${v}}}`],
  ['console run id', '/api/cypher', (v) => `{"query":"RETURN 1","runId":${v}}`],
  ['named query parameters', '/api/queries/factionLeaders', (v) => `{"params":{"faction":${v}}}`],
  ['import body', '/api/import', (v) => `{"nodes":[${v}]}`],
  ['import field', '/api/import', (v) => `{"sources":[{"id":"deep","name":${v}}]}`],
  ['a whole body', '/api/cypher', (v) => v],
];

describe.each(shapes)('JSON nested as %s', (_name, shape) => {
  it.each(DEPTHS)('answers 400 in every route, %i deep, writing nothing', async (depth) => {
    const before = await fingerprint(served.db());
    const value = nested(depth, shape);
    for (const [what, path, body] of ROUTES) {
      const response = await httpRequest(served.url(), {
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json' },
        body: body(value),
      });
      expect(response.status, `${what}: ${response.text.slice(0, 200)}`).toBe(400);
      // Refused as what it is, before any parser or schema walks it.
      expect(response.json().error.code, what).toBe('NESTED_TOO_DEEP');
    }
    const gzipped = await httpRequest(served.url(), {
      method: 'POST',
      path: '/api/import',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(`{"nodes":[${value}]}`),
    });
    // Brackets compress so well that a deep enough text is a zip bomb too (413).
    expect([400, 413], gzipped.text.slice(0, 200)).toContain(gzipped.status);
    if (gzipped.status === 400) expect(gzipped.json().error.code).toBe('NESTED_TOO_DEEP');
    expect(await fingerprint(served.db())).toBe(before);
  });
});

it('answers deep brackets in a query string as text, never 500', async () => {
  const q = encodeURIComponent(nested(1_000, SHAPES.arrays));
  for (const path of [
    `/api/search?q=${q}`,
    `/api/nodes/jaysh-al-nasr/neighbors?types=${q}`,
    `/api/search?q[a][b][c][d]=1`,
  ]) {
    const response = await httpRequest(served.url(), { path });
    expect(response.status, path.slice(0, 80)).toBeLessThan(500);
  }
});

it('still answers the console its parameters nested within the bound', async () => {
  const response = await httpRequest(served.url(), {
    method: 'POST',
    path: '/api/cypher',
    headers: { 'Content-Type': 'application/json' },
    body: `{"query":"RETURN $p AS p","params":{"p":${nested(20, SHAPES.mixed)}}}`,
  });
  expect(response.status, response.text.slice(0, 200)).toBe(200);
});
