/**
 * The import pipeline: POST /api/import, the importer service and `npm run import` (server/cli/import.ts).
 * A file is checked whole and written in one transaction: one bad item rejects it all, with the item
 * and field named, and the database stays exactly as it was; the same file twice changes nothing;
 * a file larger than one UNWIND batch still lands all at once. (Conflicts with what the database holds,
 * 409, are importConflicts.test.ts; stored valid time importValidTime.test.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { elements, errorBody, importResponse } from '../../contract/api.ts';
import { BATCH_SIZE, COMMIT_ROWS, importGraph } from '../../server/services/importer.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { largeFile } from '../support/largeImport.ts';

const db = connectTestDatabase();
const app = testApp(db);
const workDir = mkdtempSync(join(tmpdir(), 'faction-atlas-import-'));
beforeAll(() => freshSeededDatabase(db));
afterAll(async () => {
  await db.close();
  rmSync(workDir, { recursive: true, force: true });
});

/**
 * A valid file that adds a splinter group of Jaysh al-Nasr, its commander and a report, linking them
 * to nodes and sources the seed already holds.
 */
function splinterFile() {
  return {
    sources: [
      { id: 'report-2019', name: 'A field report, 2019', title: 'Splinters of the Army of Victory', date: '2019-03' },
    ],
    nodes: [
      {
        label: 'Faction',
        id: 'victory-splinter',
        name: 'Victory Splinter',
        aliases: ['Nasr Splinter'],
        kind: 'armed group',
        sources: ['report-2019'],
      },
      { label: 'Person', id: 'abu-splinter', name: 'Abu Splinter', sources: ['report-2019', 'ref-1'] },
    ],
    relationships: [
      {
        id: 'victory-splinter-led-by-abu-splinter',
        type: 'LED_BY',
        source: 'victory-splinter',
        target: 'abu-splinter',
        from: '2019',
        sources: ['report-2019'],
      },
      {
        id: 'victory-splinter-member-of-jaysh-al-nasr',
        type: 'MEMBER_OF',
        source: 'victory-splinter',
        target: 'jaysh-al-nasr',
        from: '2018-11',
        to: '2019-02-14',
        sources: ['report-2019'],
      },
      {
        id: 'victory-splinter-fought-jund-al-aqsa',
        type: 'FOUGHT',
        source: 'victory-splinter',
        target: 'jund-al-aqsa',
        sources: ['ref-1'],
      },
    ],
  };
}
type SplinterFile = ReturnType<typeof splinterFile>;

const postImport = (body: unknown) =>
  request(app)
    .post('/api/import')
    .send(body as object);

describe('POST /api/import refuses a file with one bad item, names it, and writes nothing', () => {
  let before: string;
  beforeEach(async () => {
    await freshSeededDatabase(db);
    before = await fingerprint(db);
  });

  const cases: Array<[string, string, (file: SplinterFile) => void]> = [
    [
      'a date that does not exist',
      'relationships[1].from',
      (f) => {
        f.relationships[1]!.from = '2018-02-30';
      },
    ],
    [
      'an unknown relationship type',
      'relationships[1].type',
      (f) => {
        f.relationships[1]!.type = 'ALLIED_WITH';
      },
    ],
    [
      'an unknown label',
      'nodes[1].label',
      (f) => {
        f.nodes[1]!.label = 'Militia';
      },
    ],
    [
      'a relationship to a node that exists nowhere',
      'relationships[2].target',
      (f) => {
        f.relationships[2]!.target = 'ghost-brigade';
      },
    ],
    [
      'a citation of a source that exists nowhere',
      'nodes[1].sources[1]',
      (f) => {
        f.nodes[1]!.sources[1] = 'ref-999';
      },
    ],
    [
      'MERGED_INTO from a person to a faction',
      'relationships[1].type',
      (f) =>
        Object.assign(f.relationships[1]!, {
          type: 'MERGED_INTO',
          source: 'muhammad-mansour',
          target: 'victory-splinter',
        }),
    ],
    [
      'an interval that ends before it starts',
      'relationships[1].to',
      (f) => {
        f.relationships[1]!.to = '2017';
      },
    ],
    ['a field the format does not have', 'nodes[0]', (f) => Object.assign(f.nodes[0]!, { colour: 'green' })],
    [
      'a MERGED_INTO from a faction into itself',
      'relationships[1].target',
      (f) => Object.assign(f.relationships[1]!, { type: 'MERGED_INTO', target: 'victory-splinter' }),
    ],
    [
      'a relationship id that the file also gives a node',
      'relationships[0].id',
      (f) => {
        f.relationships[0]!.id = 'abu-splinter';
      },
    ],
  ];

  it.each(cases)('%s: 400 INVALID_IMPORT naming %s', async (_what, path, spoil) => {
    const file = splinterFile();
    spoil(file);
    const response = await postImport(file).expect(400).expect('content-type', /json/);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/nothing written/);
    expect(error.details?.map((d) => d.path)).toContain(path);
    expect(await fingerprint(db)).toBe(before);
  });

  it('names every problem of a file at once', async () => {
    const file = splinterFile();
    file.nodes[1]!.sources[1] = 'ref-999';
    file.relationships[2]!.target = 'ghost-brigade';
    const response = await postImport(file).expect(400);
    expect(
      errorBody
        .parse(response.body)
        .error.details?.map((d) => d.path)
        .sort(),
    ).toEqual(['nodes[1].sources[1]', 'relationships[2].target']);
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers 400 INVALID_JSON for a body that is not JSON', async () => {
    const response = await request(app)
      .post('/api/import')
      .set('content-type', 'application/json')
      .send('{"nodes": [ {"id": "x", ')
      .expect(400);
    expect(errorBody.parse(response.body).error.code).toBe('INVALID_JSON');
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers 400 INVALID_IMPORT for JSON that is not an object', async () => {
    const response = await request(app)
      .post('/api/import')
      .set('content-type', 'application/json')
      .send('[]')
      .expect(400);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.message).toMatch(/expected object/);
    expect(await fingerprint(db)).toBe(before);
  });

  it.each(['"nodes"', 'null', '42'])('answers 400 for the bare JSON value %s', async (body) => {
    const response = await request(app)
      .post('/api/import')
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    expect(['INVALID_JSON', 'INVALID_IMPORT']).toContain(errorBody.parse(response.body).error.code);
    expect(await fingerprint(db)).toBe(before);
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const response = await request(app).post('/api/import').type('form').send('nodes=x').expect(415);
    expect(errorBody.parse(response.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('POST /api/import accepts valid files', () => {
  beforeEach(() => freshSeededDatabase(db));

  it('imports the seed a second time without changing anything', async () => {
    const before = await fingerprint(db, 'AuditEntry');
    const response = await postImport(readSeed()).expect(200);
    const summary = importResponse.parse(response.body);
    expect(summary.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
    expect(summary.nodes).toBeGreaterThan(0);
    expect(await fingerprint(db, 'AuditEntry')).toBe(before);
    // The one thing written: the import's audit entry (issue 10).
    const [audited] = await db.runAdmin("MATCH (a:AuditEntry {action: 'import'}) RETURN count(a) AS n");
    expect(audited?.n).toBe(1);
  });

  it('imports a new file that links to the seed, whose links then show in the neighbourhood and search', async () => {
    const file = splinterFile();
    const summary = importResponse.parse((await postImport(file).expect(200)).body);
    expect(summary).toMatchObject({ sources: 1, nodes: 2, relationships: 3 });
    expect(summary.changes.nodesCreated).toBe(3);
    expect(summary.changes.relationshipsCreated).toBe(3);

    const around = elements.parse((await request(app).get('/api/nodes/jaysh-al-nasr/neighbors').expect(200)).body);
    const link = around.edges.find((e) => e.data.id === 'victory-splinter-member-of-jaysh-al-nasr')?.data;
    expect(link).toMatchObject({
      type: 'MEMBER_OF',
      source: 'victory-splinter',
      target: 'jaysh-al-nasr',
      from: '2018-11',
      to: '2019-02-14',
      sources: ['report-2019'],
    });

    const detail = (await request(app).get('/api/nodes/abu-splinter').expect(200)).body as {
      sources: Array<{ id: string }>;
    };
    expect(detail.sources.map((s) => s.id).sort()).toEqual(['ref-1', 'report-2019']);

    const found = (await request(app).get('/api/search').query({ q: 'nasr splinter' }).expect(200)).body as {
      results: Array<{ id: string }>;
    };
    expect(found.results[0]?.id).toBe('victory-splinter');

    const again = importResponse.parse((await postImport(file).expect(200)).body);
    expect(again.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
  });

  it('counts what it changed once, even when the driver had to run the transaction twice', async () => {
    let attempts = 0;
    const summary = await importGraph(db, splinterFile(), (done) => {
      // After the first batch of the first attempt, a transient failure the driver retries on its own.
      if (done === 1 && ++attempts === 1)
        throw new Neo4jError(
          'deadlock, on purpose',
          'Neo.TransientError.Transaction.DeadlockDetected',
          '50N42',
          'test',
        );
    });
    expect(attempts).toBe(2);
    expect(summary.changes).toMatchObject({ nodesCreated: 3, relationshipsCreated: 3 });
    const rows = await db.runAdmin("MATCH (n {id: 'victory-splinter'}) RETURN count(n) AS n");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('updates what a file changes, in place', async () => {
    await postImport(splinterFile()).expect(200);
    const changed = splinterFile();
    changed.relationships[1]!.to = '2019-03';
    changed.nodes[0]!.aliases = ['Nasr Splinter', 'Splinter of Victory'];
    const summary = importResponse.parse((await postImport(changed).expect(200)).body);
    expect(summary.changes.nodesCreated).toBe(0);
    expect(summary.changes.relationshipsCreated).toBe(0);
    expect(summary.changes.propertiesSet).toBeGreaterThan(0);
    const rows = await db.runAdmin('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n, collect(r.to) AS to', {
      id: 'victory-splinter-member-of-jaysh-al-nasr',
    });
    expect(rows).toEqual([{ n: 1, to: ['2019-03'] }]);
    const found = (await request(app).get('/api/search').query({ q: 'Splinter of Victory' }).expect(200)).body as {
      results: Array<{ id: string }>;
    };
    expect(found.results[0]?.id).toBe('victory-splinter');
  });
});

const countGenerated = async () =>
  (
    await db.runAdmin(
      `RETURN COUNT { MATCH (n:Faction) WHERE n.id STARTS WITH 'generated-' } AS nodes,
            COUNT { MATCH ()-[r:MEMBER_OF]->() WHERE r.id STARTS WITH 'generated-' } AS relationships`,
    )
  )[0];

describe('a file larger than one UNWIND batch', () => {
  // Within one committed batch (COMMIT_ROWS items): larger files are batched jobs (importResume.test.ts).
  const RELATIONSHIPS = 4_500;
  beforeEach(() => freshSeededDatabase(db));

  it(`imports ${RELATIONSHIPS} relationships (batches of ${BATCH_SIZE}) at once, reporting progress as it goes`, async () => {
    expect(RELATIONSHIPS).toBeGreaterThan(2 * BATCH_SIZE);
    expect(2 * RELATIONSHIPS + 2).toBeLessThanOrEqual(COMMIT_ROWS);
    const file = largeFile(RELATIONSHIPS);
    const total = file.sources.length + file.nodes.length + file.relationships.length;
    const progress: Array<[number, number]> = [];
    const summary = await importGraph(db, file, (done, all) => progress.push([done, all]));

    expect(summary.changes.relationshipsCreated).toBe(RELATIONSHIPS);
    expect(await countGenerated()).toEqual({ nodes: RELATIONSHIPS + 1, relationships: RELATIONSHIPS });
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(RELATIONSHIPS / BATCH_SIZE) + 2);
    for (const [i, [done, all]] of progress.entries()) {
      expect(all).toBe(total);
      if (i > 0) expect(done).toBeGreaterThan(progress[i - 1]![0]);
    }
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('writes nothing when the write fails after some batches have gone in', async () => {
    const before = await fingerprint(db);
    const file = largeFile(RELATIONSHIPS);
    let batches = 0;
    // A failure inside the transaction, once the sources, nodes and a first relationship batch are written.
    const failing = importGraph(db, file, () => {
      batches += 1;
      if (batches === 4) throw new Error('interrupted on purpose');
    });
    await expect(failing).rejects.toThrow('interrupted on purpose');
    expect(batches).toBe(4);
    expect(await countGenerated()).toEqual({ nodes: 0, relationships: 0 });
    expect(await fingerprint(db)).toBe(before);
  });

  it('refuses the whole file for one bad relationship at its very end', async () => {
    const before = await fingerprint(db);
    const file = largeFile(RELATIONSHIPS);
    file.relationships[RELATIONSHIPS - 1]!.target = 'ghost-brigade';
    const response = await postImport(file).expect(400);
    expect(errorBody.parse(response.body).error.message).toContain(`relationships[${RELATIONSHIPS - 1}].target`);
    expect(await fingerprint(db)).toBe(before);
  });
});

/** Runs `npx tsx server/cli/import.ts FILE` against the test database. */
function runCli(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { uri, user, password } = inject('neo4j');
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/cli/import.ts', file], {
      cwd: new URL('../../', import.meta.url).pathname,
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: 'neo4j' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import -- FILE (the command line)', () => {
  beforeEach(() => freshSeededDatabase(db));

  it('imports a valid file, exits 0 and prints the summary', async () => {
    const path = join(workDir, 'splinter.json');
    writeFileSync(path, JSON.stringify(splinterFile()));
    const { code, stdout, stderr } = await runCli(path);
    expect(code, stderr).toBe(0);
    const summary = importResponse.parse(JSON.parse(stdout.slice(stdout.indexOf('{'))));
    expect(summary.changes.relationshipsCreated).toBe(3);
    const rows = await db.runAdmin("MATCH (n:Faction {id: 'victory-splinter'}) RETURN n.name AS name");
    expect(rows).toEqual([{ name: 'Victory Splinter' }]);
    // A write like any other: the audit trail names the operating-system user and the command line.
    const entries = await db.runAdmin(
      "MATCH (a:AuditEntry {action: 'import'}) WHERE 'victory-splinter' IN a.ids RETURN a.username AS who, a.address AS address",
    );
    expect(entries).toEqual([{ who: `cli:${userInfo().username}`, address: 'command line' }]);
  });

  it('refuses an invalid file with a non-zero exit, naming the item and field on stderr', async () => {
    const before = await fingerprint(db);
    const file = splinterFile();
    file.relationships[1]!.from = '2018-02-30';
    const path = join(workDir, 'invalid.json');
    writeFileSync(path, JSON.stringify(file));
    const { code, stderr } = await runCli(path);
    expect(code).not.toBe(0);
    expect(stderr).toContain('relationships[1].from');
    expect(await fingerprint(db)).toBe(before);
  });

  it('refuses a file that is not JSON, or is not there, with a non-zero exit', async () => {
    const path = join(workDir, 'broken.json');
    writeFileSync(path, '{"nodes": [');
    const broken = await runCli(path);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('broken.json');
    const missing = await runCli(join(workDir, 'missing.json'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('missing.json');
  });
});
