/**
 * The API under test as its own process (apiProcess.ts → server/main.ts) against the benchmark's
 * Neo4j, sign-in off, no seed, on a free port: requests cross a real socket and the process's own
 * event loop, as an analyst's do. Its log (info, one line per request, as deployed) goes to a file.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/neo4j.ts';

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
}

export interface ApiServer {
  url: string;
  pid: number;
  /** The process's memory now (after a forced-free read: no GC is triggered). */
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

/** Starts the API on `neo4jUri` and waits until /api/health answers 200 (at most 5 min: startup derives over the whole graph). */
export async function startApiServer(neo4jUri: string, password: string): Promise<ApiServer> {
  const port = await freePort();
  const log = openSync(join(tmpdir(), `faction-atlas-bench-api-${port}.log`), 'w');
  const child: ChildProcess = fork(new URL('./apiProcess.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4jUri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: password,
      AUTH: 'off',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, log, 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API process exited (${child.exitCode}); see its log in ${tmpdir()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API process did not answer within 5 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (m) => {
          const { rss, heapUsed, heapTotal } = (m as { memory: NodeJS.MemoryUsage }).memory;
          const mb = (b: number) => Math.round(b / 1048576);
          resolve({ rssMb: mb(rss), heapUsedMb: mb(heapUsed), heapTotalMb: mb(heapTotal) });
        });
        child.send('memory');
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
