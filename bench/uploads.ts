/**
 * `npx tsx bench/uploads.ts`: what sixteen concurrent compressed uploads cost the API. Starts a
 * throwaway Neo4j and the app as its own process (`node --import tsx server/main.ts`, production
 * configuration), reads the app's resident memory (VmRSS in /proc/<pid>/status) every 20 ms, and fires
 * sixteen uploads at once while timing /api/health and /api/search one after the other:
 *   1. gzip bombs: a small gzip (~50-150 KB) that inflates to 48 MB of import JSON full of problems
 *      (refused by the ratio, as the 149 KB one);
 *   2. large files of problems within every bound (~5 MB gzip, 48 MB inflated): parsed and checked.
 * Prints peak memory above idle, the uploads' answers and the other requests' latencies. Figures only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { startTestNeo4j } from '../tests/support/neo4j.ts';

const INFLATED_BYTES = 48 * 1024 * 1024;
const UPLOADS = 16;

/** Import JSON of about `bytes` bytes, each relationship wrong several ways; `noise` hex digits per item. */
function fileOfProblems(bytes: number, noise: number): Buffer {
  const parts: string[] = ['{"relationships":['];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes - 100; i++) {
    const tag = noise > 0 ? ` ${randomBytes(noise / 2).toString('hex')}` : '';
    const item = `{"id":"Bad Id${tag}","type":"NOPE","source":${noise > 0 ? i % 100 : 1},"target":2,"sources":[]},`;
    parts.push(item);
    size += item.length;
  }
  parts.push('{"id":"last"}]}');
  return Buffer.from(parts.join(''));
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function post(port: number, body: Buffer): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/import',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': body.length },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const app = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return app;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app did not answer /api/health within 150 s');
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

/** Sixteen uploads of `body` at once; memory and other requests measured until all are answered. */
async function scenario(name: string, pid: number, port: number, body: Buffer, idle: number): Promise<void> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 20);
  let done = false;
  const started = performance.now();
  const uploads = Promise.all(Array.from({ length: UPLOADS }, () => post(port, body))).finally(() => {
    done = true;
  });
  const others: number[] = [];
  const failures: string[] = [];
  while (!done) {
    for (const path of ['/api/health', '/api/search?q=nasr']) {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      await res.arrayBuffer();
      others.push(performance.now() - t);
      if (!res.ok) failures.push(`${path} ${res.status}`);
    }
  }
  const answers = await uploads;
  const wall = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500));
  clearInterval(sampler);

  const statuses = Object.entries(
    answers.reduce<Record<number, number>>((acc, a) => {
      acc[a.status] = (acc[a.status] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  console.log(`\n${name}: ${UPLOADS} × ${(body.length / 1024).toFixed(0)} KB gzip → ${INFLATED_BYTES / 2 ** 20} MB`);
  console.log(`  answers:           ${statuses}; all answered in ${(wall / 1000).toFixed(2)} s`);
  console.log(
    `  slowest upload:    ${(Math.max(...answers.map((a) => a.ms)) / 1000).toFixed(2)} s, largest answer ${Math.max(...answers.map((a) => a.bytes))} bytes`,
  );
  console.log(
    `  peak RSS:          ${peak.toFixed(0)} MB, ${(peak - idle).toFixed(0)} MB above idle (${idle.toFixed(0)} MB)`,
  );
  console.log(
    `  health+search:     ${others.length} answered meanwhile, p50 ${percentile(others, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(others, 95).toFixed(0)} ms, max ${Math.max(...others).toFixed(0)} ms` +
      (failures.length ? `; failed: ${failures.slice(0, 5).join(', ')}` : '; none failed'),
  );
}

async function main() {
  const neo = await startTestNeo4j();
  const port = await freePort();
  let app: ChildProcess | undefined;
  try {
    app = await startApp({ NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password }, port);
    const pid = app.pid!;
    for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/api/search?q=nasr`).then((r) => r.arrayBuffer());
    const idleSamples: number[] = [];
    for (let i = 0; i < 40; i++) {
      idleSamples.push(rssMb(pid));
      await new Promise((r) => setTimeout(r, 50));
    }
    const idle = percentile(idleSamples, 50);
    console.log(`app idle RSS: ${idle.toFixed(0)} MB (pid ${pid}, port ${port})`);

    const bomb = gzipSync(fileOfProblems(INFLATED_BYTES, 0), { level: 9 });
    await scenario('gzip bombs', pid, port, bomb, idle);
    const large = gzipSync(fileOfProblems(INFLATED_BYTES, 8), { level: 6 });
    await scenario('large files of problems within the bounds', pid, port, large, idle);
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((r) => app!.once('exit', r));
    }
    await neo.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
