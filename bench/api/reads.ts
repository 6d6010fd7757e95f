/**
 * The reads the benchmark times, each as an HTTP request to the API and as the same work through the
 * raw driver (rawReads.ts), on the generator's probes (bench/data/probes.ts): search, expand depth 1
 * of a hub with ≥1,000 neighbours and of a median node, depth 2, depth 2 asOf, shortest paths, lineage
 * and a console query. Latency is sampled one request at a time, HTTP and raw alternating per round
 * so that drift (GC, page cache) falls on both alike.
 */
import type { Driver } from 'neo4j-driver';
import { rawConsole, rawExpand, rawLineage, rawPaths, rawSearch, type RawWork } from './rawReads.ts';
import { type Percentiles, percentiles, round, timed } from './stats.ts';

export interface Probes {
  hub: { id: string; neighbours: number };
  thousandHub?: { id: string; neighbours: number };
  median: { id: string; neighbours: number };
  pathFrom: { id: string };
  pathTo: { id: string; distance: number };
  lineage: { id: string };
}

export interface Read {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  raw: RawWork;
}

export interface ReadFigure {
  name: string;
  api: Percentiles;
  raw: Percentiles;
  /** API p50 / raw p50. */
  ratioP50: number;
  ratioP95: number;
  /** Bytes of the API's answer. */
  bytes: number;
}

export const CONSOLE_QUERY =
  'MATCH (f:Faction {id: $id})-[r]-(m) RETURN f.name AS faction, type(r) AS type, m.name AS neighbour ' +
  'ORDER BY neighbour LIMIT 100';

/** The reads on `probes`; `expandMedian` is also the representative read of the throughput test. */
export function readsOf(probes: Probes, driver: Driver): Read[] {
  const hub = probes.thousandHub ?? probes.hub;
  const enc = encodeURIComponent;
  return [
    { name: 'search "jaysh al"', method: 'GET', path: '/api/search?q=jaysh%20al', raw: rawSearch(driver, 'jaysh al') },
    {
      name: `expand depth 1, hub (${hub.neighbours} neighbours, limit 1000)`,
      method: 'GET',
      path: `/api/nodes/${enc(hub.id)}/neighbors?limit=1000`,
      raw: rawExpand(driver, hub.id, { depth: 1, limit: 1000 }),
    },
    expandMedian(probes, driver),
    {
      name: 'expand depth 2, median node (limit 1000)',
      method: 'GET',
      path: `/api/nodes/${enc(probes.median.id)}/neighbors?depth=2&limit=1000`,
      raw: rawExpand(driver, probes.median.id, { depth: 2, limit: 1000 }),
    },
    {
      name: 'expand depth 2 asOf 2017-06-01, median node',
      method: 'GET',
      path: `/api/nodes/${enc(probes.median.id)}/neighbors?depth=2&limit=1000&asOf=2017-06-01`,
      raw: rawExpand(driver, probes.median.id, { depth: 2, limit: 1000, asOf: '2017-06-01' }),
    },
    {
      name: `shortest paths (${probes.pathTo.distance} steps)`,
      method: 'GET',
      path: `/api/paths?from=${enc(probes.pathFrom.id)}&to=${enc(probes.pathTo.id)}`,
      raw: rawPaths(driver, probes.pathFrom.id, probes.pathTo.id),
    },
    {
      name: 'lineage (depth 3)',
      method: 'GET',
      path: `/api/lineage/${enc(probes.lineage.id)}`,
      raw: rawLineage(driver, probes.lineage.id),
    },
    {
      name: 'console query (hub neighbours, 100 rows)',
      method: 'POST',
      path: '/api/cypher',
      body: { query: CONSOLE_QUERY, params: { id: hub.id } },
      raw: rawConsole(driver, CONSOLE_QUERY, { id: hub.id }),
    },
  ];
}

export function expandMedian(probes: Probes, driver: Driver): Read {
  return {
    name: `expand depth 1, median node (${probes.median.neighbours} neighbours)`,
    method: 'GET',
    path: `/api/nodes/${encodeURIComponent(probes.median.id)}/neighbors`,
    raw: rawExpand(driver, probes.median.id, { depth: 1, limit: 200 }),
  };
}

/** One HTTP request of `read` to `base`; throws unless 200; returns the body's size in bytes. */
export async function httpOnce(base: string, read: Read): Promise<number> {
  const res = await fetch(base + read.path, {
    method: read.method,
    ...(read.body === undefined
      ? {}
      : { body: JSON.stringify(read.body), headers: { 'content-type': 'application/json' } }),
  });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${read.path} → ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return body.byteLength;
}

/** `rounds` samples of each read through HTTP and raw, after `warm` unmeasured runs of each. */
export async function timeReads(base: string, reads: Read[], rounds: number, warm = 5): Promise<ReadFigure[]> {
  const figures: ReadFigure[] = [];
  for (const read of reads) {
    let bytes = 0;
    for (let i = 0; i < warm; i++) {
      bytes = await httpOnce(base, read);
      await read.raw();
    }
    const api: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < rounds; i++) {
      api.push(await timed(() => httpOnce(base, read)));
      raw.push(await timed(read.raw));
    }
    const a = percentiles(api);
    const r = percentiles(raw);
    figures.push({
      name: read.name,
      api: a,
      raw: r,
      ratioP50: round(a.p50 / r.p50),
      ratioP95: round(a.p95 / r.p95),
      bytes,
    });
  }
  return figures;
}
