/**
 * The bulk path (`npm run import -- --bulk FILE`, server/bulk/): neo4j-admin's importer, run from the
 * project's jars into an empty local database of this file's own (a throwaway home and port; the run's
 * shared server is never stopped), leaves the database a normal import of the same file leaves: the
 * same fingerprint (every node, relationship and property, derived ones included), and a normal
 * import of the file afterwards changes nothing. It refuses, with exit code 1 and words, a database
 * that is not the local one, a local server run by another process, and a database that is not empty.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/data/network.ts';
import type { ImportFile } from '../../contract/importFile.ts';
import { Database } from '../../server/db/database.ts';
import { type LocalServer, startLocalServer } from '../../server/neo4j/localServer.ts';
import { importGraph } from '../../server/services/importer.ts';
import { readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, emptyDatabase, fingerprint } from '../support/fixtures.ts';
import { freePort } from '../support/neo4j.ts';

const PASSWORD = 'bulk-import-test';
const home = mkdtempSync(join(tmpdir(), 'faction-atlas-bulk-'));
const work = mkdtempSync(join(tmpdir(), 'faction-atlas-bulk-file-'));
const shared = connectTestDatabase();
let port: number;
let path: string;
let own: LocalServer | undefined;

/**
 * The seed, a small generated network, and what CSV makes hard: a quote, a comma, a line break and
 * Arabic in values, a node without aliases, a source whose search keys are empty.
 */
function testFile(): ImportFile {
  const seed = readSeed() as ImportFile;
  const generated = generateNetwork({ relationships: 300, seed: 3, out: join(work, 'generated.json') });
  const network = JSON.parse(readFileSync(generated.file!, 'utf8')) as ImportFile;
  return {
    sources: [...seed.sources, ...network.sources, { id: 'untitled-leaflet', name: '…', title: null }],
    nodes: [
      ...seed.nodes,
      ...network.nodes,
      {
        label: 'Faction',
        id: 'quoted-brigade',
        name: 'Liwa "al-Haqq", Hama',
        aliases: [],
        description: 'First line,\nsecond line; "quoted" — جيش',
        sources: ['untitled-leaflet'],
      },
    ],
    relationships: [
      ...seed.relationships,
      ...network.relationships,
      {
        id: 'quoted-brigade-member-of-free-syrian-army',
        type: 'MEMBER_OF',
        source: 'quoted-brigade',
        target: 'free-syrian-army',
        from: '2016',
        to: '2017-03',
        description: 'He said: "we joined",\r\nthen left.',
        sources: ['untitled-leaflet', 'ref-1'],
      },
    ],
  };
}

/** Runs `npm run import -- --bulk FILE` as its own process against this file's local home and port. */
async function bulk(file: string, env: Record<string, string> = {}) {
  const { NEO4J_URI: _unset, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', '--bulk', file], {
    env: {
      ...inherited,
      NEO4J_LOCAL_HOME: home,
      NEO4J_LOCAL_BOLT_PORT: String(port),
      NEO4J_PASSWORD: PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr };
}

/** Starts this file's own server on the bulk import's home, and answers a Database on it. */
async function startOwn(): Promise<Database> {
  own = await startLocalServer({
    home,
    boltPort: port,
    password: PASSWORD,
    heapMb: 512,
    pageCache: '64m',
    log: () => {},
  });
  return connectOwn();
}

function connectOwn(): Database {
  const uri = `bolt://127.0.0.1:${port}`;
  return new Database({
    uri,
    user: 'neo4j',
    password: PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 60_000,
    liveness: false,
  });
}

beforeAll(async () => {
  port = await freePort();
  // The project's resolved jar list, so the local home needs no Maven run of its own.
  copyFileSync(new URL('../../.neo4j/classpath.txt', import.meta.url), join(home, 'classpath.txt'));
  path = join(work, 'bulk.json');
  writeFileSync(path, JSON.stringify(testFile()));
});

afterAll(async () => {
  await own?.stop();
  await shared.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('bulk import into an empty local database', () => {
  it('refuses a database that is not the local one (NEO4J_URI set)', async () => {
    const { code, stderr } = await bulk(path, { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/BULK_REFUSED: NEO4J_URI is set/);
  });

  it('leaves the database a normal import of the same file leaves, which then changes nothing', async () => {
    const run = await bulk(path);
    expect(run.code, run.stderr).toBe(0);
    const file = JSON.parse(readFileSync(path, 'utf8')) as ImportFile;
    expect(JSON.parse(run.stdout)).toMatchObject({
      sources: file.sources.length,
      nodes: file.nodes.length,
      relationships: file.relationships.length,
    });

    await emptyDatabase(shared);
    await shared.applySchema();
    await importGraph(shared, readFileSync(path));
    // The normal import leaves its lock node; the command line's bulk import leaves its audit entry.
    const normal = await fingerprint(shared, 'ImportLock');

    const db = await startOwn();
    try {
      expect(await fingerprint(db, 'AuditEntry')).toBe(normal);
      const [audit] = await db.runAdmin('MATCH (a:AuditEntry) RETURN a.action AS action, a.username AS username');
      expect(audit).toMatchObject({ action: 'import', username: expect.stringMatching(/^cli:/) });
      const again = await importGraph(db, readFileSync(path));
      expect(again.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
    } finally {
      await db.close();
    }
  }, 400_000);

  it('refuses while the local server runs in another process', async () => {
    const { code, stderr } = await bulk(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/BULK_REFUSED: A Neo4j already answers at bolt:\/\/127\.0\.0\.1:\d+.*Stop it first/);
  });

  it('refuses a database that is not empty, and leaves it as it was', async () => {
    // The server started after the bulk import is still up (the test before needed it running).
    const db = own ? connectOwn() : await startOwn();
    const before = await fingerprint(db);
    await db.close();
    await own!.stop();
    own = undefined;

    const { code, stderr } = await bulk(path);
    expect(code).toBe(1);
    expect(stderr).toMatch(/BULK_REFUSED: The local database in .* is not empty \(\d+ nodes/);

    const after = await startOwn();
    try {
      expect(await fingerprint(after)).toBe(before);
    } finally {
      await after.close();
    }
  }, 180_000);
});
