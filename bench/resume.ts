/**
 * `npm run bench:resume -- --file bench/data/out/network-N.json`: how long an interrupted import takes
 * to resume (issue 11). Into an empty throwaway local Neo4j, `npm run import -- FILE` runs as its own
 * process and is killed (SIGKILL) once half the file is committed; after its lease lapses, the job is
 * resumed in this process, timed from the call to the job's end: planning (the file checked against
 * the database again, under the lock) and the batches left. Also times the same import uninterrupted
 * into a second empty database, for comparison. Figures only; writes bench/results/<date>-resume-<N>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.ts';
import { startLocalServer } from '../server/neo4j/localServer.ts';
import { importGraph } from '../server/services/importer.ts';
import { findJob } from '../server/services/importJobs.ts';
import { resumeImport } from '../server/services/importRollback.ts';
import { freePort } from '../tests/support/neo4j.ts';

const PASSWORD = 'bench-resume-password';
const LEASE_MS = 5_000;

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const path = resolve(values.file ?? 'bench/data/out/network-100000.json');
  const bytes = readFileSync(path);
  const uninterruptedS = await withEmptyDatabase(async (db) => seconds(() => importGraph(db, bytes)));
  const resumed = await withEmptyDatabase(async (db, uri) => {
    const child = startImport(path, uri);
    const { id, total } = await halfway(db);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const cut = await until(
      async () => (await findJob(db, id)).job,
      (job) => job.interrupted,
    );
    const resumeS = await seconds(() => resumeImport(db, id, bytes, { leaseMs: LEASE_MS }));
    const { job } = await findJob(db, id);
    if (job.status !== 'done' || job.done !== total) throw new Error(`resume ended ${JSON.stringify(job)}`);
    return { total, committedWhenKilled: cut.done, resumeS };
  });
  const result = {
    date: new Date().toISOString(),
    file: path,
    machine: '2 cores, 24 GiB, Node 20, Neo4j 5.26 from the jars',
    items: resumed.total,
    uninterruptedImportS: round(uninterruptedS),
    committedWhenKilled: resumed.committedWhenKilled,
    resumeS: round(resumed.resumeS),
    resumedItemsPerS: Math.round((resumed.total - resumed.committedWhenKilled) / resumed.resumeS),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench/results', { recursive: true });
  const n = /network-(\d+)/.exec(path)?.[1] ?? 'file';
  writeFileSync(`bench/results/${result.date.slice(0, 10)}-resume-${n}.json`, `${JSON.stringify(result, null, 2)}\n`);
}

/** Runs `work` against a fresh local Neo4j of its own (heap 4 GiB, page cache 2 GiB), then removes it. */
async function withEmptyDatabase<T>(work: (db: Database, uri: string) => Promise<T>): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), 'faction-atlas-resume-'));
  const boltPort = await freePort();
  const server = await startLocalServer({
    home,
    boltPort,
    password: PASSWORD,
    heapMb: 4_096,
    pageCache: '2g',
    classpathFile: new URL('../.neo4j/classpath.txt', import.meta.url).pathname,
  });
  const db = new Database({
    uri: server.uri,
    user: 'neo4j',
    password: PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 60_000,
    liveness: false,
  });
  try {
    await db.applySchema();
    return await work(db, server.uri);
  } finally {
    await db.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

function startImport(path: string, uri: string): ChildProcess {
  return spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'server/cli/import.ts', path], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: PASSWORD,
      IMPORT_LEASE_MS: String(LEASE_MS),
    },
    stdio: 'ignore',
  });
}

/** The job once half its items are committed. */
async function halfway(db: Database): Promise<{ id: string; total: number }> {
  const jobs = async () => db.runAdmin('MATCH (j:ImportJob) RETURN j.id AS id, j.done AS done, j.total AS total');
  const [job] = await until(
    jobs,
    (rows) => rows.length > 0 && Number(rows[0]!.done) >= Number(rows[0]!.total) / 2,
    3_600_000,
  );
  return { id: String(job!.id), total: Number(job!.total) };
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 600_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

const round = (s: number) => Math.round(s * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
