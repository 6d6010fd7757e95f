/**
 * The client benchmark's output: a table on the terminal (one line per view size and renderer) and
 * the whole result as JSON in bench/results/<date>-client.json, with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Phase, Settings, ViewResult } from './measure.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  chromium: string;
  /** The WebGL renderer Chromium reports (SwiftShader: drawn in software, no GPU). */
  webgl: string;
}

export function machine(chromiumPath: string, webgl: string): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // the version is a label; the run does not depend on it
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    chromium,
    webgl,
  };
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en'));
const frames = (p: Phase | null) =>
  p ? `${ms(p.frames.p50)} / ${ms(p.frames.p95)} / ${Math.round(p.frames.droppedShare * 100)}%` : '—';
const tasks = (p: Phase | null) => (p ? `${p.longTasks.count} (${ms(p.longTasks.longestMs)})` : '—');

/** The table printed at the end of a run. */
export function table(results: readonly ViewResult[]): string {
  const head = [
    'nodes',
    'edges',
    'renderer',
    'in (ms)',
    'first frame (ms)',
    'layout (ms)',
    'frames during layout p50/p95/dropped',
    'long tasks (longest)',
    'frames after layout p50/p95/dropped',
    'long tasks (longest)',
    'load',
  ];
  const rows = results.map((r) => [
    r.nodes.toLocaleString('en'),
    r.edges.toLocaleString('en'),
    r.used.webgl ? 'webgl' : 'canvas',
    ms(r.elementsInMs),
    ms(r.firstFrameMs),
    ms(r.layoutMs),
    frames(r.duringLayout),
    tasks(r.duringLayout),
    frames(r.afterLayout),
    tasks(r.afterLayout),
    `${r.load[0]}–${r.load[1]}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Writes the run's JSON; answers the path written. */
export function writeResults(
  path: string,
  run: { machine: Machine; settings: Settings & { sizes: number[] }; results: ViewResult[] },
): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), ...run }, null, 2)}\n`);
  return path;
}
