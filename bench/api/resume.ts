/**
 * The interrupted import, timed (issue 11): into an empty Neo4j (neo4j.ts), `npm run import -- FILE`
 * runs as its own process and is killed (SIGKILL, as a crash or a killed API process would end it)
 * once half the file's items are committed; when its lease has lapsed, the job is resumed in this
 * process and timed from the call to the job's end: the file checked against the database again
 * (under the import lock) and the batches left. Then the database is counted and compared with
 * `expected` (the uninterrupted import's counts), so a resume that lost or doubled anything fails the
 * benchmark instead of reporting a time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Database } from '../../server/db/database.ts';
import { findJob } from '../../server/services/importJobs.ts';
import { resumeImport } from '../../server/services/importRollback.ts';
import { BENCH_PASSWORD, startBenchNeo4j } from './neo4j.ts';
import { round, timed } from './stats.ts';

/** Short, so the benchmark does not wait 30 s for the killed process's lease to lapse. */
const LEASE_MS = 5_000;

/** What is in the database after an import: nodes (sources included), relationships, distinct ids. */
export interface GraphCounts {
  nodes: number;
  relationships: number;
  relationshipIds: number;
}

export interface ResumeFigure {
  items: number;
  /** Items committed by the killed process (whole batches). */
  committedWhenKilled: number;
  /** Seconds from the resume call to the job's end. */
  resumeSeconds: number;
  /** The items left, divided by resumeSeconds. */
  resumedItemsPerSecond: number;
  counts: GraphCounts;
}

/** Counts the model's nodes and relationships (the app's own :ImportJob and such are not :Entity). */
export async function graphCounts(db: Database): Promise<GraphCounts> {
  const [row] = await db.runAdmin(
    'MATCH (n:Entity) WITH count(n) AS nodes ' +
      'MATCH ()-[r]->() WHERE r.id IS NOT NULL ' +
      'RETURN nodes, count(r) AS relationships, count(DISTINCT r.id) AS relationshipIds',
  );
  return {
    nodes: Number(row?.nodes),
    relationships: Number(row?.relationships),
    relationshipIds: Number(row?.relationshipIds),
  };
}

/** Kills an import of `path` halfway, resumes it, and checks the result against `expected`. */
export async function interruptedImport(
  path: string,
  expected: GraphCounts | null,
  log: (line: string) => void,
): Promise<ResumeFigure> {
  const neo = await startBenchNeo4j('resume');
  try {
    const child = startImport(path, neo.uri);
    const exited = new Promise((r) => child.once('exit', r));
    const { id, total } = await halfway(neo.db, exited);
    child.kill('SIGKILL');
    await exited;
    const cut = await until(
      async () => (await findJob(neo.db, id)).job,
      (job) => job.interrupted,
    );
    log(`  killed at ${cut.done}/${total}; resuming ${id}…`);
    const bytes = readFileSync(path);
    const ms = await timed(() => resumeImport(neo.db, id, bytes, { leaseMs: LEASE_MS }));
    const { job } = await findJob(neo.db, id);
    if (job.status !== 'done' || job.done !== total) throw new Error(`the resume ended as ${JSON.stringify(job)}`);
    const counts = await graphCounts(neo.db);
    if (counts.relationships !== counts.relationshipIds) {
      throw new Error(`the resume doubled relationships: ${JSON.stringify(counts)}`);
    }
    if (expected && JSON.stringify(counts) !== JSON.stringify(expected)) {
      throw new Error(`resumed ${JSON.stringify(counts)}, uninterrupted ${JSON.stringify(expected)}`);
    }
    const seconds = ms / 1000;
    return {
      items: total,
      committedWhenKilled: cut.done,
      resumeSeconds: round(seconds, 1),
      resumedItemsPerSecond: Math.round((total - cut.done) / seconds),
      counts,
    };
  } finally {
    await neo.dispose();
  }
}

function startImport(path: string, uri: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', path], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: BENCH_PASSWORD,
      IMPORT_LEASE_MS: String(LEASE_MS),
    },
    stdio: 'ignore',
  });
}

/** The job once half its items are committed; fails if the import process ends before that. */
async function halfway(db: Database, exited: Promise<unknown>): Promise<{ id: string; total: number }> {
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const jobs = () => db.runAdmin('MATCH (j:ImportJob) RETURN j.id AS id, j.done AS done, j.total AS total');
  const [job] = await until(
    async () => {
      if (ended) throw new Error('the import process ended before half its file was committed');
      return jobs();
    },
    (rows) => rows.length > 0 && Number(rows[0]?.done) >= Number(rows[0]?.total) / 2,
    3_600_000,
  );
  return { id: String(job?.id), total: Number(job?.total) };
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
