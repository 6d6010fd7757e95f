/**
 * What `npm run bench` leaves: the results JSON (bench/results/<YYYY-MM-DD>-<N>.json, N the file's
 * relationships) and the same figures as a markdown table, as README.md's Benchmarks section shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Memory } from './apiServer.ts';
import type { ImportFigure } from './imports.ts';
import type { LoadFigure } from './load.ts';
import type { ReadFigure } from './reads.ts';
import type { ResumeFigure } from './resume.ts';

export interface BenchResults {
  date: string;
  file: string;
  relationships: number;
  machine: { cpus: number; memoryGiB: number; node: string; neo4j: string; heap: string; pageCache: string };
  imports: {
    project: ImportFigure;
    /** Seconds of a second import of the same file (checked whole, nothing changed); null when skipped. */
    projectReimportSeconds: number | null;
    raw: ImportFigure;
    bulk: (ImportFigure & { stages: Record<string, number> }) | null;
  };
  /** The project's import killed halfway and resumed; null when skipped (--no-resume). */
  resume: ResumeFigure | null;
  reads: ReadFigure[];
  load: { read: string; seconds: number; figures: LoadFigure[] };
  apiMemory: { before: Memory; afterReads: Memory; afterLoad: Memory };
}

export function writeResults(path: string, results: BenchResults): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => x.toFixed(1);

/** The markdown table (several small tables under one heading line each). */
export function markdown(r: BenchResults): string {
  const { project, raw, bulk } = r.imports;
  const lines = [
    `N = ${n(r.relationships)} relationships, ${r.date}; ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ` +
      `Neo4j ${r.machine.neo4j} from the jars (heap ${r.machine.heap}, page cache ${r.machine.pageCache}); each import into an empty database.`,
    '',
    '| import | items | seconds | items/s | vs raw |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| project (npm run import) | ${n(project.items)} | ${project.seconds} | ${n(project.itemsPerSecond)} | ${(project.itemsPerSecond / raw.itemsPerSecond).toFixed(2)}× |`,
    `| raw driver, 10,000 rows a commit | ${n(raw.items)} | ${raw.seconds} | ${n(raw.itemsPerSecond)} | 1.00× |`,
    bulk
      ? `| bulk path (${Math.round(bulk.stages.admin ?? 0)} s of it neo4j-admin) | ${n(bulk.items)} | ${bulk.seconds} | ${n(bulk.itemsPerSecond)} | ${(bulk.itemsPerSecond / raw.itemsPerSecond).toFixed(2)}× |`
      : '| bulk path | skipped | | | |',
    ...(r.imports.projectReimportSeconds === null
      ? []
      : [
          `| project, same file again (nothing changes) | ${n(project.items)} | ${r.imports.projectReimportSeconds} | | |`,
        ]),
    ...(r.resume === null
      ? []
      : [
          '',
          '| interrupted import (killed halfway, resumed) | items | committed when killed | resume seconds | items/s resumed | nodes, relationships after |',
          '| --- | ---: | ---: | ---: | ---: | ---: |',
          `| project (npm run import, SIGKILL) | ${n(r.resume.items)} | ${n(r.resume.committedWhenKilled)} | ${r.resume.resumeSeconds} | ${n(r.resume.resumedItemsPerSecond)} | ${n(r.resume.counts.nodes)}, ${n(r.resume.counts.relationships)} (as uninterrupted) |`,
        ]),
    '',
    '| read (ms) | API p50 | API p95 | API p99 | raw p50 | raw p95 | raw p99 | API/raw p50 | API/raw p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.reads.map(
      (f) =>
        `| ${f.name} | ${ms(f.api.p50)} | ${ms(f.api.p95)} | ${ms(f.api.p99)} | ${ms(f.raw.p50)} | ${ms(f.raw.p95)} | ${ms(f.raw.p99)} | ${f.ratioP50.toFixed(2)} | ${f.ratioP95.toFixed(2)} |`,
    ),
    '',
    `| clients (${r.load.read}, ${r.load.seconds} s each) | API req/s | raw req/s | API/raw | API p50 ms | API p99 ms | errors |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.load.figures.map(
      (f) =>
        `| ${f.clients} | ${n(f.apiRps)} | ${n(f.rawRps)} | ${f.ratio.toFixed(2)} | ${f.apiP50Ms} | ${f.apiP99Ms} | ${f.apiErrors} |`,
    ),
    '',
    '| API process memory | RSS MB | heap used MB | heap total MB |',
    '| --- | ---: | ---: | ---: |',
    ...(['before', 'afterReads', 'afterLoad'] as const).map((k) => {
      const m = r.apiMemory[k];
      return `| ${{ before: 'started, before any read', afterReads: 'after the timed reads', afterLoad: 'after the load test' }[k]} | ${m.rssMb} | ${m.heapUsedMb} | ${m.heapTotalMb} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
