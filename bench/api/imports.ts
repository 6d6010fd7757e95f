/**
 * The three ways into an empty database, timed on the same file, each on a Neo4j of its own
 * (neo4j.ts): the project's importer (importGraph on the file's bytes, as `npm run import` runs it),
 * the raw driver loop (rawImport.ts), and the bulk path (server/bulk/bulkImport.ts, which runs its own
 * local server and neo4j-admin). Items are sources + nodes + relationships; rates in items/s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../server/auth/actor.ts';
import { bulkImport } from '../../server/bulk/bulkImport.ts';
import { importGraph } from '../../server/services/importer.ts';
import { freePort } from '../../tests/support/neo4j.ts';
import { BENCH_PASSWORD, type BenchNeo4j, startBenchNeo4j } from './neo4j.ts';
import { rawImport } from './rawImport.ts';
import { round, timed } from './stats.ts';

export interface ImportFigure {
  items: number;
  seconds: number;
  itemsPerSecond: number;
}

const figure = (items: number, ms: number): ImportFigure => ({
  items,
  seconds: round(ms / 1000, 1),
  itemsPerSecond: Math.round(items / (ms / 1000)),
});

const ACTOR: Actor = { username: 'bench', role: 'admin', address: '127.0.0.1' };

/**
 * The project's import of `path` into a fresh Neo4j, then (with `again`) the same file a second time,
 * which changes nothing but is checked whole. Returns the server still running, for the reads.
 */
export async function projectImport(
  path: string,
  again: boolean,
  log: (line: string) => void,
): Promise<{ neo: BenchNeo4j; first: ImportFigure; reimportSeconds: number | null; relationships: number }> {
  const neo = await startBenchNeo4j('project');
  let items = 0;
  let last = 0;
  const progress = (done: number, total: number) => {
    items = total;
    if (done - last >= 100_000 || done === total) {
      last = done;
      log(`  project import ${done}/${total}`);
    }
  };
  const bytes = readFileSync(path);
  let relationships = 0;
  const ms = await timed(async () => {
    ({ relationships } = await importGraph(neo.db, bytes, progress, ACTOR, { path }));
  });
  const first = figure(items, ms);
  let reimportSeconds: number | null = null;
  if (again) {
    const ms = await timed(() => importGraph(neo.db, readFileSync(path), undefined, ACTOR, { path }));
    reimportSeconds = round(ms / 1000, 1);
  }
  return { neo, first, reimportSeconds, relationships };
}

/** The raw driver loop on a fresh Neo4j (disposed after). */
export async function rawDriverImport(path: string): Promise<ImportFigure> {
  const neo = await startBenchNeo4j('raw');
  try {
    const file = JSON.parse(readFileSync(path, 'utf8'));
    let items = 0;
    const ms = await timed(async () => {
      items = await rawImport(neo.uri, BENCH_PASSWORD, file);
    });
    return figure(items, ms);
  } finally {
    await neo.dispose();
  }
}

/** The bulk path into a fresh local home; its stage seconds come with it (admin = neo4j-admin alone). */
export async function bulkPathImport(
  path: string,
  log: (line: string) => void,
): Promise<ImportFigure & { stages: Record<string, number> }> {
  const home = mkdtempSync(join(tmpdir(), 'faction-atlas-bench-bulk-'));
  try {
    const config = {
      NEO4J_URI: undefined,
      NEO4J_LOCAL_HOME: home,
      NEO4J_LOCAL_BOLT_PORT: await freePort(),
      NEO4J_PASSWORD: BENCH_PASSWORD,
      NEO4J_DATABASE: 'neo4j',
      NEO4J_QUERY_TIMEOUT_MS: 600_000,
    };
    let summary: Awaited<ReturnType<typeof bulkImport>> | undefined;
    const ms = await timed(async () => {
      summary = await bulkImport({
        path,
        config: config as never,
        classpathFile: new URL('../../.neo4j/classpath.txt', import.meta.url).pathname,
        log: (line) => log(`  bulk: ${line}`),
      });
    });
    const items = summary!.sources + summary!.nodes + summary!.relationships;
    return { ...figure(items, ms), stages: summary!.seconds };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
