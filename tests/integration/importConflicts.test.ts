/**
 * Imports that conflict with what the database holds, and imports that race: one id namespace across
 * nodes, sources and relationships, checked against the database as well as the file, answered 409
 * IMPORT_CONFLICT with every conflict named and nothing written; and imports at once, through the HTTP
 * API of two app instances with two drivers (as two API processes would be), serialised by the
 * database's import lock so that exactly one of two conflicting files lands.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, importResponse } from '../../contract/api.ts';
import { GRAPH_LABELS, NODE_LABELS } from '../../contract/model.ts';
import { ImportConflict, importGraph } from '../../server/services/importer.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const otherDb = connectTestDatabase();
const app = testApp(db);
/** A second app on a second driver: what another API process in front of the same database would be. */
const otherApp = testApp(otherDb);
beforeAll(() => freshSeededDatabase(db));
afterAll(async () => {
  await db.close();
  await otherDb.close();
});

const postImport = (body: unknown, to = app) =>
  request(to)
    .post('/api/import')
    .send(body as object);

const report = { id: 'report-2020', name: 'A field report, 2020', title: null };
const faction = (id: string) => ({
  label: 'Faction',
  id,
  name: `Faction ${id}`,
  kind: 'armed group',
  sources: ['ref-1'],
});
const person = (id: string) => ({ label: 'Person', id, name: `Person ${id}`, sources: ['ref-1'] });
const link = (id: string, type: string, source: string, target: string) => ({
  id,
  type,
  source,
  target,
  sources: ['ref-1'],
});

describe('POST /api/import refuses ids the database holds as something else: 409 IMPORT_CONFLICT, nothing written', () => {
  let before: string;
  beforeEach(async () => {
    await freshSeededDatabase(db);
    before = await fingerprint(db);
  });

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['a node id the database holds under another label', 'nodes[0].id', { nodes: [person('sham-legion')] }],
    ['a source id the database holds as a Faction', 'sources[0].id', { sources: [{ ...report, id: 'sham-legion' }] }],
    ['a node id the database holds as a Source', 'nodes[0].id', { nodes: [faction('ref-4')] }],
    [
      'a relationship id the database holds between other nodes',
      'relationships[0].id',
      {
        relationships: [
          link('jaysh-al-nasr-member-of-national-front-for-liberation', 'MEMBER_OF', 'sham-legion', 'jaysh-al-nasr'),
        ],
      },
    ],
    [
      'a relationship id the database holds with another type',
      'relationships[0].id',
      {
        relationships: [
          link('jaysh-al-nasr-led-by-muhammad-mansour', 'MEMBER_OF', 'muhammad-mansour', 'jaysh-al-nasr'),
        ],
      },
    ],
    [
      'a relationship id the database holds as a node id',
      'relationships[0].id',
      { relationships: [link('jaysh-al-izza', 'FOUGHT', 'sham-legion', 'jaysh-al-izza')] },
    ],
    [
      'a relationship id the database holds as a source id',
      'relationships[0].id',
      { relationships: [link('ref-4', 'FOUGHT', 'sham-legion', 'jaysh-al-izza')] },
    ],
    [
      'a node id the database holds as a relationship id',
      'nodes[0].id',
      { nodes: [faction('jaysh-al-nasr-led-by-muhammad-mansour')] },
    ],
    [
      'a source id the database holds as a relationship id',
      'sources[0].id',
      { sources: [{ ...report, id: 'jaysh-al-nasr-led-by-muhammad-mansour' }] },
    ],
  ];

  it.each(cases)('%s: 409 naming %s', async (_what, path, file) => {
    const response = await postImport(file).expect(409).expect('content-type', /json/);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('IMPORT_CONFLICT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/nothing written/);
    expect(error.details?.map((d) => d.path)).toEqual([path]);
    expect(await fingerprint(db)).toBe(before);
  });

  it('lists every conflict of a file at once', async () => {
    const file = {
      nodes: [person('sham-legion'), faction('jaysh-al-nasr-led-by-muhammad-mansour')],
      relationships: [link('jaysh-al-izza', 'FOUGHT', 'turkey', 'syrian-arab-army')],
    };
    const response = await postImport(file).expect(409);
    const paths = errorBody.parse(response.body).error.details?.map((d) => d.path);
    expect(paths?.sort()).toEqual(['nodes[0].id', 'nodes[1].id', 'relationships[0].id']);
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers 400 when the file also has problems of its own, listing those and the conflicts', async () => {
    const file = {
      nodes: [person('sham-legion'), { ...faction('new-brigade'), sources: ['ref-999'] }],
    };
    const response = await postImport(file).expect(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.details?.map((d) => d.path).sort()).toEqual(['nodes[0].id', 'nodes[1].sources[0]']);
    expect(await fingerprint(db)).toBe(before);
  });

  it('is an ImportConflict from the service itself, which the command line reports the same way', async () => {
    await expect(importGraph(db, { nodes: [person('sham-legion')] })).rejects.toBeInstanceOf(ImportConflict);
    expect(await fingerprint(db)).toBe(before);
  });
});

/** Ids of nodes that carry more than one model label, and relationship ids held by more than one relationship. */
async function corruption() {
  const [row] = await db.runAdmin(
    `RETURN COLLECT { MATCH (n:Entity) WHERE size([l IN labels(n) WHERE l IN $labels]) <> 1 RETURN n.id } AS relabelled,
            COLLECT { MATCH ()-[r]->() WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN id } AS doubled`,
    { labels: [...NODE_LABELS] },
  );
  return row;
}

const ROUNDS = 4;

describe('imports at once, through two API instances, never corrupt the database', () => {
  beforeEach(() => freshSeededDatabase(db));

  it(`the same new id as a Faction and as a Person, at once (${ROUNDS} rounds): one lands, the other is a 409`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `contested-${round}`;
      const [a, b] = await Promise.all([
        postImport({ nodes: [faction(id)] }, app),
        postImport({ nodes: [person(id)] }, otherApp),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const refused = a.status === 409 ? a : b;
      expect(errorBody.parse(refused.body).error.code).toBe('IMPORT_CONFLICT');
      const landed = a.status === 200 ? 'Faction' : 'Person';
      const rows = await db.runAdmin('MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels', { id });
      expect(rows).toHaveLength(1);
      expect((rows[0]!.labels as string[]).filter((l) => (GRAPH_LABELS as readonly string[]).includes(l))).toEqual([
        landed,
      ]);
    }
    expect(await corruption()).toEqual({ relabelled: [], doubled: [] });
  });

  it(`one new relationship id under four types, at once (${ROUNDS} rounds): exactly one lands`, async () => {
    const types = ['MEMBER_OF', 'MERGED_INTO', 'FOUGHT', 'SUPPORTED_BY'];
    for (let round = 0; round < ROUNDS; round++) {
      const id = `contested-link-${round}`;
      const answers = await Promise.all(
        types.map((type, i) =>
          postImport({ relationships: [link(id, type, 'sham-legion', 'jaysh-al-izza')] }, i % 2 ? otherApp : app),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409)) {
        expect(errorBody.parse(refused.body).error.code).toBe('IMPORT_CONFLICT');
      }
      const landed = types[answers.findIndex((a) => a.status === 200)];
      const rows = await db.runAdmin('MATCH ()-[r]->() WHERE r.id = $id RETURN type(r) AS type', { id });
      expect(rows).toEqual([{ type: landed }]);
    }
    expect(await corruption()).toEqual({ relabelled: [], doubled: [] });
  });

  it('two files at once that do not conflict both land, each whole', async () => {
    const [a, b] = await Promise.all([
      postImport(
        {
          nodes: [faction('left-brigade')],
          relationships: [link('left-in-sham', 'MEMBER_OF', 'left-brigade', 'sham-legion')],
        },
        app,
      ),
      postImport(
        {
          nodes: [faction('right-brigade')],
          relationships: [link('right-in-sham', 'MEMBER_OF', 'right-brigade', 'sham-legion')],
        },
        otherApp,
      ),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(importResponse.parse(a.body).changes.relationshipsCreated).toBe(1);
    expect(importResponse.parse(b.body).changes.relationshipsCreated).toBe(1);
    const rows = await db.runAdmin(
      "MATCH (x:Faction)-[r:MEMBER_OF]->(:Faction {id: 'sham-legion'}) WHERE x.id ENDS WITH '-brigade' RETURN r.id AS id ORDER BY id",
    );
    expect(rows).toEqual([{ id: 'left-in-sham' }, { id: 'right-in-sham' }]);
  });
});

describe('the import lock node', () => {
  beforeAll(() => freshSeededDatabase(db));

  it('is held by the database, outside :Entity, so neither lookups nor search ever show it', async () => {
    expect(await db.runAdmin('MATCH (l:ImportLock) RETURN l.id AS id, l:Entity AS entity')).toEqual([
      { id: 'import', entity: false },
    ]);
    await request(app).get('/api/nodes/import').expect(404);
    const found = (await request(app).get('/api/search').query({ q: 'import' }).expect(200)).body as {
      results: Array<{ id: string }>;
    };
    expect(found.results.map((r) => r.id)).not.toContain('import');
  });
});
