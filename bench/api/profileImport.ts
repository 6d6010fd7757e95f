/**
 * Where an import spends its time, for profiling the importer's statements: imports FILE into an empty
 * bench Neo4j (neo4j.ts) through importGraph and samples SHOW TRANSACTIONS every 0.5 s, then prints the
 * statements seen running most (≈ seconds spent in each; a transaction's commit shows as its last
 * statement). Not part of `npm run bench`.
 *   flock /tmp/atlas-bench.lock npx tsx bench/api/profileImport.ts bench/data/out/network-20000.json
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { importGraph } from '../../server/services/importer.ts';
import { BENCH_PASSWORD, startBenchNeo4j } from './neo4j.ts';

const path = process.argv[2]!;
const neo = await startBenchNeo4j('profile');
const driver = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', BENCH_PASSWORD));
const seen = new Map<string, number>();
let stop = false;
const poll = (async () => {
  while (!stop) {
    const s = driver.session({ database: 'system' });
    try {
      const r = await s.run(
        "SHOW TRANSACTIONS YIELD currentQuery, elapsedTime, status WHERE currentQuery <> '' AND NOT currentQuery STARTS WITH 'SHOW' RETURN currentQuery",
      );
      for (const rec of r.records) {
        const q = String(rec.get('currentQuery')).replace(/\s+/g, ' ').slice(0, 120);
        seen.set(q, (seen.get(q) ?? 0) + 1);
      }
    } finally {
      await s.close();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
})();
const t = performance.now();
await importGraph(
  neo.db,
  readFileSync(path),
  (d, total) => {
    if (d % 10000 < 2000) console.log(((performance.now() - t) / 1000).toFixed(1), d, total);
  },
  undefined,
  { path },
);
console.log('total', ((performance.now() - t) / 1000).toFixed(1));
stop = true;
await poll;
for (const [q, n] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(n * 0.5, 's ~', q);
await driver.close();
await neo.dispose();
