/**
 * `npm run bench`: how fast the import pipeline and the exploration API are on a real Neo4j.
 * Starts a throwaway local Neo4j (or uses NEO4J_URI), imports a generated conflict network
 * (bench/data/network.ts) of a chosen size, then times the API's main reads in-process on the nodes the
 * generator names (its probes). Figures only; nothing asserts on time.
 *   BENCH_RELATIONSHIPS=20000 npm run bench
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../server/app.ts';
import { importGraph } from '../server/services/importer.ts';
import { readSeed } from '../server/services/seed.ts';
import { emptyDatabase } from '../tests/support/fixtures.ts';
import { startTestNeo4j, testDatabase } from '../tests/support/neo4j.ts';
import { generateNetwork } from './data/network.ts';

const RELATIONSHIPS = Number(process.env.BENCH_RELATIONSHIPS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

async function main() {
  const neo = await startTestNeo4j();
  const db = testDatabase(neo);
  try {
    await emptyDatabase(db);
    await db.applySchema();
    const seedMs = await timed(() => importGraph(db, readSeed()));
    report('import seed (24 sources, ~37 nodes, ~61 relationships)', [seedMs]);

    const network = generateNetwork({
      relationships: RELATIONSHIPS,
      out: join(tmpdir(), `faction-atlas-bench-${RELATIONSHIPS}.json`),
    });
    const file = readFileSync(network.file!);
    const { counts, probes } = network;
    const bulkMs = await timed(() => importGraph(db, file));
    const items = counts.sources + counts.factions + counts.persons + counts.events + counts.places + RELATIONSHIPS;
    console.log(
      `import ${items - RELATIONSHIPS} nodes and sources + ${RELATIONSHIPS} relationships: ${(bulkMs / 1000).toFixed(1)} s (${Math.round(items / (bulkMs / 1000))} items/s)`,
    );
    const againMs = await timed(() => importGraph(db, file));
    console.log(`re-import of the same file (no changes): ${(againMs / 1000).toFixed(1)} s`);

    const app = createApp({ db, logger: pino({ level: 'silent' }) });
    const get = (url: string) => async () => {
      const res = await request(app).get(url);
      if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`);
    };
    await bench('search "jaish al nasr"', get('/api/search?q=jaish%20al%20nasr'));
    await bench('search prefix "fac"', get('/api/search?q=fac'));
    await bench('neighbours of Jaysh al-Nasr, depth 1', get('/api/nodes/jaysh-al-nasr/neighbors'));
    await bench(
      `neighbours of the hub (${probes.hub.neighbours} neighbours), depth 2, limit 1000`,
      get(`/api/nodes/${probes.hub.id}/neighbors?depth=2&limit=1000`),
    );
    await bench(
      'neighbours of the hub, depth 2, asOf',
      get(`/api/nodes/${probes.hub.id}/neighbors?depth=2&limit=1000&asOf=2017-06-01`),
    );
    await bench(
      `shortest paths between two factions ${probes.pathTo.distance} steps apart`,
      get(`/api/paths?from=${probes.pathFrom.id}&to=${probes.pathTo.id}`),
    );
    await bench('lineage of Jaysh al-Nasr', get('/api/lineage/jaysh-al-nasr'));
  } finally {
    await db.close();
    await neo.dispose();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function bench(name: string, work: () => Promise<unknown>) {
  await work(); // warm the query plan cache
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await timed(work));
  report(name, samples);
}

function report(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${name}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (n=${samples.length})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
