/**
 * Named nodes of a generated network for the benchmark to query, found on its structure (who links to
 * whom) rather than guessed: the biggest hub, a node of median degree, two nodes some steps apart for
 * shortest paths, and the faction with the longest merger lineage. Degrees here count distinct
 * neighbours (parallel claims between two nodes are one neighbour), as the canvas draws them.
 */
import { PERSON, type Plan } from './plan.ts';

const THOUSAND = 1_000;

export interface Probe {
  id: string;
  /** Its distinct neighbours. */
  neighbours: number;
}

export interface Probes {
  /** The node with the most distinct neighbours (≥ 1,000 at a million relationships). */
  hub: Probe;
  /** A typical big hub: the node with the fewest neighbours of those with at least 1,000 (null when none has). */
  thousandHub: Probe | null;
  /** A faction whose neighbour count is the median of all graph nodes'. */
  median: Probe;
  /** Two factions for shortest paths, `distance` steps apart (the farthest within 4 of `pathFrom`). */
  pathFrom: Probe;
  pathTo: Probe & { distance: number };
  /** The faction most factions merged into, directly or through others, and over how many generations. */
  lineage: Probe & { mergers: number; generations: number };
  /** Every graph node's distinct neighbours: median and the largest five. */
  degrees: { median: number; top: number[] };
}

/** The links of a network as the generator records them: source and target node numbers, in file order. */
export interface Edges {
  source: Int32Array;
  target: Int32Array;
}

/** Probes of the network planned by `plan` with links `edges`, named by `ids` (node number → id). */
export function findProbes(plan: Plan, edges: Edges, ids: readonly string[]): Probes {
  const V = plan.nodes;
  const adjacency = undirected(V, edges);
  const neighbours = distinctNeighbours(V, adjacency);
  const probe = (node: number): Probe => ({ id: ids[node]!, neighbours: neighbours[node]! });

  let hub = 0;
  let thousandHub = -1;
  for (let node = 0; node < V; node++) {
    if (neighbours[node]! > neighbours[hub]!) hub = node;
    const count = neighbours[node]!;
    if (count >= THOUSAND && (thousandHub < 0 || count < neighbours[thousandHub]!)) thousandHub = node;
  }
  const sorted = Int32Array.from(neighbours).sort();
  const medianDegree = sorted[sorted.length >> 1]!;
  const factionsEnd = plan.firstOf[1];
  const medians: number[] = [];
  for (let f = 2; f < factionsEnd && medians.length < 2; f++) if (neighbours[f] === medianDegree) medians.push(f);
  while (medians.length < 2) medians.push(medians.length + 2);
  const [median, pathFrom] = medians as [number, number];
  const [pathTo, distance] = farthestFaction(adjacency, pathFrom, 4, plan.firstOf[PERSON]);
  return {
    hub: probe(hub),
    thousandHub: thousandHub < 0 ? null : probe(thousandHub),
    median: probe(median),
    pathFrom: probe(pathFrom),
    pathTo: { ...probe(pathTo), distance },
    lineage: longestLineage(plan, probe),
    degrees: { median: medianDegree, top: Array.from(sorted.slice(-5)).reverse() },
  };
}

interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Compressed adjacency lists, each link listed at both ends. */
function undirected(V: number, { source, target }: Edges): Adjacency {
  const offsets = new Int32Array(V + 1);
  for (let i = 0; i < source.length; i++) {
    offsets[source[i]! + 1]!++;
    offsets[target[i]! + 1]!++;
  }
  for (let node = 0; node < V; node++) offsets[node + 1]! += offsets[node]!;
  const fill = offsets.slice(0, V);
  const neighbours = new Int32Array(source.length * 2);
  for (let i = 0; i < source.length; i++) {
    neighbours[fill[source[i]!]!++] = target[i]!;
    neighbours[fill[target[i]!]!++] = source[i]!;
  }
  return { offsets, neighbours };
}

function distinctNeighbours(V: number, { offsets, neighbours }: Adjacency): Int32Array {
  const counts = new Int32Array(V);
  const seenBy = new Int32Array(V).fill(-1);
  for (let node = 0; node < V; node++) {
    for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
      const other = neighbours[i]!;
      if (seenBy[other] !== node) {
        seenBy[other] = node;
        counts[node]!++;
      }
    }
  }
  return counts;
}

/** Breadth-first from `start`: the first faction reached at the largest distance up to `limit`. */
function farthestFaction({ offsets, neighbours }: Adjacency, start: number, limit: number, factions: number) {
  const distance = new Int8Array(offsets.length - 1).fill(-1);
  distance[start] = 0;
  let frontier = [start];
  let best: [number, number] = [start, 0];
  for (let d = 1; d <= limit && frontier.length; d++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let i = offsets[node]!; i < offsets[node + 1]!; i++) {
        const other = neighbours[i]!;
        if (distance[other] !== -1) continue;
        distance[other] = d;
        next.push(other);
      }
    }
    const faction = next.find((node) => node < factions);
    if (faction !== undefined) best = [faction, d];
    frontier = next;
  }
  return best;
}

/** The faction with the most mergers into it (transitively), and its longest chain of them. */
function longestLineage(plan: Plan, probe: (node: number) => Probe) {
  const F = plan.counts.factions;
  const mergers = new Int32Array(F);
  const generations = new Int32Array(F);
  for (let f = 0; f < F; f++) {
    let depth = 1;
    for (let into = plan.mergedInto[f]!; into >= 0; into = plan.mergedInto[into]!) {
      mergers[into]!++;
      generations[into] = Math.max(generations[into]!, depth++);
    }
  }
  let best = 0;
  for (let f = 1; f < F; f++) {
    const better =
      generations[f]! > generations[best]! || (generations[f] === generations[best] && mergers[f]! > mergers[best]!);
    if (better) best = f;
  }
  return { ...probe(best), mergers: mergers[best]!, generations: generations[best]! };
}
