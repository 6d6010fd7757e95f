/**
 * Timing helpers of the API benchmark: wall-clock samples in milliseconds and their percentiles
 * (nearest-rank on the sorted samples, as HdrHistogram and autocannon report them).
 */
import { performance } from 'node:perf_hooks';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

/** Milliseconds `work` took. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** p50/p95/p99 of `samples` (ms), rounded to 0.01 ms; nearest rank, so each is a sample that was seen. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: samples.length };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `work` run back to back by `clients` loops for `seconds`: completed runs per second (errors thrown). */
export async function throughput(work: () => Promise<unknown>, clients: number, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < end) {
      await work();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  return round(done / ((performance.now() - started) / 1000), 1);
}
