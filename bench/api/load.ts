/**
 * Requests per second at a fixed number of concurrent clients: the API under autocannon (HTTP/1.1
 * keep-alive connections, one request in flight each), the raw driver as that many async loops
 * (stats.ts throughput) on the same read. Non-2xx answers and errors are counted, not hidden.
 */
import autocannon from 'autocannon';
import type { Read } from './reads.ts';
import { throughput } from './stats.ts';

export interface LoadFigure {
  clients: number;
  apiRps: number;
  rawRps: number;
  /** API / raw. */
  ratio: number;
  apiP50Ms: number;
  apiP99Ms: number;
  apiErrors: number;
}

/** Each concurrency in turn, `seconds` each, API first then raw. */
export async function measureLoad(base: string, read: Read, clients: number[], seconds: number): Promise<LoadFigure[]> {
  const figures: LoadFigure[] = [];
  for (const c of clients) {
    const result = await autocannon({
      url: base + read.path,
      method: read.method,
      connections: c,
      pipelining: 1,
      duration: seconds,
    });
    const rawRps = await throughput(read.raw, c, seconds);
    const apiRps = Math.round((result.requests.total / result.duration) * 10) / 10;
    figures.push({
      clients: c,
      apiRps,
      rawRps,
      ratio: Math.round((apiRps / rawRps) * 100) / 100,
      apiP50Ms: result.latency.p50,
      apiP99Ms: result.latency.p99,
      apiErrors: result.errors + result.timeouts + result.non2xx,
    });
  }
  return figures;
}
