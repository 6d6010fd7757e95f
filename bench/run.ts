/**
 * `npm run bench`: the project against the database's own speed, in one run, on one generated
 * conflict network (bench/data), each import into an EMPTY database (a throwaway local Neo4j per
 * phase, bench/api/neo4j.ts):
 *   1. the project's importer (importGraph on the file's bytes, as `npm run import`), optionally the
 *      same file a second time (--reimport);
 *   2. on that database, the API as its own process (bench/api/apiServer.ts) over a real socket:
 *      p50/p95/p99 of search, expansions, paths, lineage and a console query, against the same Cypher
 *      through the raw driver;
 *   3. requests/s at 1, 8 and 32 clients (autocannon) against the raw driver at the same concurrency;
 *      the API process's memory before and after;
 *   4. the raw driver loop, then the bulk path, each into an empty database of its own;
 *   5. the project's import killed halfway and resumed (api/resume.ts), into an empty database, checked
 *      against the counts of step 1.
 * The project's phases go first: they are what the reads need, and a failure there costs least.
 * Writes bench/results/<YYYY-MM-DD>-<N>.json and prints the markdown table. Figures only, no asserts.
 *   flock /tmp/atlas-bench.lock npm run bench -- --file bench/data/out/network-1000000.json
 *   flock /tmp/atlas-bench.lock npm run bench -- --relationships 20000
 * Options: --rounds R (latency samples per read, 50), --load-seconds S (per concurrency, 10),
 * --no-bulk, --no-resume, --reimport (time a second import of the same file).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NEO4J_VERSION } from '../server/neo4j/localServer.ts';
import { startApiServer } from './api/apiServer.ts';
import { bulkPathImport, projectImport, rawDriverImport } from './api/imports.ts';
import { measureLoad } from './api/load.ts';
import { BENCH_PASSWORD, HEAP_MB, PAGE_CACHE } from './api/neo4j.ts';
import { rawDriver } from './api/rawReads.ts';
import { expandMedian, type Probes, readsOf, timeReads } from './api/reads.ts';
import { type BenchResults, markdown, writeResults } from './api/report.ts';
import { graphCounts, interruptedImport } from './api/resume.ts';
import { DEFAULT_SEED, generateNetwork, probesPathOf } from './data/network.ts';

const CLIENTS = [1, 8, 32];
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      relationships: { type: 'string' },
      rounds: { type: 'string', default: '50' },
      'load-seconds': { type: 'string', default: '10' },
      'no-bulk': { type: 'boolean', default: false },
      'no-resume': { type: 'boolean', default: false },
      reimport: { type: 'boolean' },
    },
  });
  const file = resolve(values.file ?? networkFile(Number(values.relationships)));
  const probes = JSON.parse(readFileSync(probesPathOf(file), 'utf8')) as Probes;
  const started = new Date();

  log('project import…');
  const again = values.reimport ?? false;
  const { neo, first, reimportSeconds, relationships } = await projectImport(file, again, log);
  log(
    `  ${first.items} items in ${first.seconds} s${reimportSeconds === null ? '' : `; again in ${reimportSeconds} s`}`,
  );

  const counts = await graphCounts(neo.db);
  const driver = rawDriver(neo.uri, BENCH_PASSWORD);
  let disposed = false;
  const api = await startApiServer(neo.uri, BENCH_PASSWORD);
  try {
    const before = await api.memory();
    log('timing reads…');
    const reads = await timeReads(api.url, readsOf(probes, driver), Number(values.rounds));
    const afterReads = await api.memory();
    log('load…');
    const seconds = Number(values['load-seconds']);
    const representative = expandMedian(probes, driver);
    const load = await measureLoad(api.url, representative, CLIENTS, seconds);
    const afterLoad = await api.memory();
    await api.stop();
    await driver.close();
    await neo.dispose();
    disposed = true;
    log(`raw driver import of ${file}…`);
    const raw = await rawDriverImport(file);
    log(`  ${raw.items} items in ${raw.seconds} s`);
    let bulk: BenchResults['imports']['bulk'] = null;
    if (!values['no-bulk']) {
      log('bulk path…');
      bulk = await bulkPathImport(file, log);
      log(`  ${bulk.items} items in ${bulk.seconds} s`);
    }
    let resume: BenchResults['resume'] = null;
    if (!values['no-resume']) {
      log('interrupted import…');
      resume = await interruptedImport(file, counts, log);
      log(`  the rest resumed in ${resume.resumeSeconds} s`);
    }
    const results: BenchResults = {
      date: started.toISOString().slice(0, 10),
      file: file.replace(`${process.cwd()}/`, ''),
      relationships,
      machine: {
        cpus: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.versions.node,
        neo4j: NEO4J_VERSION,
        heap: `${HEAP_MB / 1024} GiB`,
        pageCache: PAGE_CACHE,
      },
      imports: { project: first, projectReimportSeconds: reimportSeconds, raw, bulk },
      resume,
      reads,
      load: { read: representative.name, seconds, figures: load },
      apiMemory: { before, afterReads, afterLoad },
    };
    const out = resolve(`bench/results/${results.date}-${relationships}.json`);
    writeResults(out, results);
    process.stdout.write(markdown(results));
    log(`wrote ${out}`);
  } finally {
    if (!disposed) {
      await api.stop();
      await driver.close();
      await neo.dispose();
    }
  }
}

/** The generated file for `relationships`, generated (with its probes) when it is not there yet. */
function networkFile(relationships: number): string {
  if (!Number.isSafeInteger(relationships)) throw new Error('give --file FILE or --relationships N');
  const out = resolve(`bench/data/out/network-${relationships}.json`);
  if (!existsSync(out) || !existsSync(probesPathOf(out))) {
    mkdirSync(dirname(out), { recursive: true });
    log(`generating ${out}…`);
    const network = generateNetwork({ relationships, seed: DEFAULT_SEED, out });
    writeFileSync(probesPathOf(out), `${JSON.stringify(network.probes, null, 2)}\n`);
  }
  return out;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
