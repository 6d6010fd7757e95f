/**
 * Two API processes behind one load balancer serve the same users (issue 10): sessions live in Neo4j,
 * not in a process's memory. Two real `server/main.ts` processes with AUTH=on against the run's Neo4j:
 * a session made through one is honoured by the other, and signing out through one ends it on both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessionAnswer } from '../../contract/auth.ts';
import { createTestUser, TEST_PASSWORD } from '../support/auth.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

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
});
