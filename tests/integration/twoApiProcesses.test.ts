/**
 * Two API processes behind one load balancer serve the same users (issues 10 and 11): nothing one
 * process holds is needed by the other. Two real `server/main.ts` processes with AUTH=on against the
 * run's Neo4j: a session made through one is honoured by the other, and signing out through one ends
 * it on both; a console query started through one is cancelled through the other; an import started
 * through one is followed to its end through the other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessionAnswer } from '../../contract/auth.ts';
import { createTestUser, TEST_PASSWORD } from '../support/auth.ts';
import { importJob } from '../../contract/importJob.ts';
import { connectTestDatabase } from '../support/fixtures.ts';
import { largeFile } from '../support/largeImport.ts';

const db = connectTestDatabase();
const processes: ChildProcess[] = [];
let first: string;
let second: string;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Starts `server/main.ts` on a free port and answers its base URL once it logs that it is up. */
async function startApiProcess(): Promise<string> {
  const { uri, user, password } = inject('neo4j');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      AUTH: 'on',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_ON_START: 'false',
      ADMIN_USERNAME: 'twoproc-admin',
      ADMIN_PASSWORD: 'twoproc admin password',
      LOG_LEVEL: 'info',
      // Batched imports of a few thousand items, so the import test runs in seconds.
      IMPORT_COMMIT_ROWS: '2500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Faction Atlas is up')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server/main.ts exited (${code}):\n${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  await db.applySchema();
  await createTestUser(db, 'twoproc-analyst', 'analyst');
  [first, second] = await Promise.all([startApiProcess(), startApiProcess()]);
}, 180_000);

afterAll(async () => {
  for (const child of processes) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await db.close();
});

const who = (base: string, cookie: string) => fetch(`${base}/api/session`, { headers: { cookie } });

/** The analyst's session cookie, made through `base`. */
async function signInThrough(base: string): Promise<string> {
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'twoproc-analyst', password: TEST_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  return (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** A same-origin write as the browser sends it (Fetch Metadata: middleware/crossSite.ts). */
const sameOrigin = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie,
  'sec-fetch-site': 'same-origin',
  ...extra,
});

describe('two API processes against one Neo4j', () => {
  it('a session made through one is used through the other; signing out through one ends it on both', async () => {
    const signIn = await fetch(`${first}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'twoproc-analyst', password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^atlas_session=/);

    const there = await who(second, cookie);
    expect(there.status).toBe(200);
    expect(sessionAnswer.parse(await there.json()).user).toEqual({
      username: 'twoproc-analyst',
      role: 'analyst',
      auth: true,
    });
    expect((await fetch(`${second}/api/entities?label=Faction`, { headers: { cookie } })).status).toBe(200);
    // Without the cookie the other process does not know the client.
    expect((await fetch(`${second}/api/entities?label=Faction`)).status).toBe(401);

    const out = await fetch(`${second}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await who(first, cookie)).status).toBe(401);
    expect((await who(second, cookie)).status).toBe(401);
  });

  it('a console query started through one is cancelled through the other', async () => {
    const cookie = await signInThrough(first);
    const runId = 'twoproc-slow';
    const pending = fetch(`${first}/api/cypher`, {
      method: 'POST',
      headers: sameOrigin(cookie, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        query: 'UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*)',
        runId,
      }),
    });
    // Running once the database lists its transaction.
    for (let i = 0; ; i++) {
      const rows = await db.runAdmin(
        'SHOW TRANSACTIONS YIELD metaData WHERE metaData.runId = $runId RETURN count(*) AS n',
        { runId },
      );
      if (Number(rows[0]?.n) > 0) break;
      if (i > 200) throw new Error('the console query never started');
      await new Promise((r) => setTimeout(r, 50));
    }
    const cancel = await fetch(`${second}/api/cypher/${runId}`, { method: 'DELETE', headers: sameOrigin(cookie) });
    expect(cancel.status).toBe(204);
    const answer = await pending;
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('QUERY_CANCELLED');
  });

  it('an import started through one is followed to its end through the other', async () => {
    const cookie = await signInThrough(first);
    const file = largeFile(3_000, 'twoproc');
    const started = await fetch(`${first}/api/import`, {
      method: 'POST',
      headers: sameOrigin(cookie, { 'content-type': 'application/json', prefer: 'respond-async' }),
      body: JSON.stringify(file),
    });
    expect(started.status).toBe(202);
    expect(started.headers.get('preference-applied')).toBe('respond-async');
    const job = importJob.parse(await started.json());
    expect(started.headers.get('location')).toBe(`/api/imports/${job.id}`);
    expect(job).toMatchObject({ status: 'running', total: 6_002, by: 'twoproc-analyst' });

    const seen: number[] = [];
    for (let i = 0; ; i++) {
      const there = await fetch(`${second}${started.headers.get('location')}`, { headers: { cookie } });
      expect(there.status).toBe(200);
      const now = importJob.parse(await there.json());
      seen.push(now.done);
      if (now.status === 'done') break;
      if (i > 600) throw new Error(`the import never ended: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.at(-1)).toBe(6_002);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const rows = await db.runAdmin("MATCH (n:Faction) WHERE n.id STARTS WITH 'twoproc-' RETURN count(n) AS n");
    expect(Number(rows[0]!.n)).toBe(3_001);
  });
});
