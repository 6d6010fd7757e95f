/**
 * The API describes itself: GET /api/openapi.json is an OpenAPI 3.1 document listing every /api route
 * the app serves (found by walking the app's router, so a new route without a description fails here),
 * and an unknown /api route is a 404 JSON error, not an HTML page.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { connectTestDatabase, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: object }>;
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: object;
}

interface RouterLayer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** Every `METHOD /path` the app routes, with Express's `:id` written as OpenAPI's `{id}`. */
function servedRoutes(): string[] {
  const routes: string[] = [];
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${(prefix + layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
        }
      } else if (layer.name === 'router' && layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : (layer.rawPath ?? '')));
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack, '');
  return routes.sort();
}

async function openApi(): Promise<OpenApiDocument> {
  const response = await request(app).get('/api/openapi.json').expect(200).expect('content-type', /json/);
  return response.body as OpenApiDocument;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with a title, a version and paths', async () => {
    const doc = await openApi();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });

  it('describes every /api route the app serves, and serves every route it describes', async () => {
    const doc = await openApi();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const served = servedRoutes().filter((r) => / \/api\//.test(r) && r !== 'GET /api/openapi.json');
    expect(served.length).toBeGreaterThanOrEqual(5);
    expect(documented).toEqual(served);
  });

  it('gives every operation a success response (JSON with a schema unless it is a 204; an asynchronous 202 beside a 200) and its path parameters', async () => {
    const doc = await openApi();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const where = `${method.toUpperCase()} ${path}`;
        const successes = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
        // One success, or (POST /api/import) 200 and the 202 of `Prefer: respond-async` (RFC 7240).
        expect(successes.length, where).toBeGreaterThanOrEqual(1);
        if (successes.length > 1) expect(successes, where).toEqual(['200', '202']);
        for (const status of successes) {
          if (status !== '204') {
            expect(operation.responses[status]?.content?.['application/json']?.schema, where).toBeTypeOf('object');
          }
        }
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
          expect(
            operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.required,
            `${where} ${name}`,
          ).toBe(true);
        }
      }
    }
  });

  it('documents the query parameters the core routes validate', async () => {
    const doc = await openApi();
    const params = (path: string) => (doc.paths[path]?.get?.parameters ?? []).map((p) => p.name).sort();
    expect(params('/api/search')).toEqual(['limit', 'q']);
    expect(params('/api/nodes/{id}/neighbors')).toEqual(['asOf', 'depth', 'id', 'knownOn', 'labels', 'limit', 'types']);
    expect(params('/api/nodes/{id}')).toEqual(['id', 'knownOn']);
    expect(doc.paths['/api/import']?.post?.requestBody?.content['application/json']?.schema).toBeTypeOf('object');
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/no-such-thing'],
    ['GET', '/api/nodes'],
    ['POST', '/api/search'],
    ['DELETE', '/api/nodes/jaysh-al-nasr'],
  ])('%s %s answers 404 with a JSON error naming the route', async (method, path) => {
    const response = await request(app)
      [method.toLowerCase() as 'get' | 'post' | 'delete'](path)
      .expect(404)
      .expect('content-type', /json/);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain(`${method} ${path}`);
  });
});
