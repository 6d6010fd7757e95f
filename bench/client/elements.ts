/**
 * The views the client benchmark draws (bench/client.ts): `nodes` nodes and 4 × `nodes` edges in the
 * canvas's own element form (contract/api.ts `nodeData`, `edgeData`), as a console result hands them
 * to the canvas, generated deterministically from a seed: the same arguments give the same view.
 *
 * Shaped like a conflict network, not a lattice: each new node links to four earlier ones, half of them
 * picked in proportion to how linked they already are (preferential attachment, Barabási & Albert,
 * "Emergence of scaling in random networks", Science 286, 1999), so degrees follow a power law with
 * hubs of hundreds of neighbours, and the graph is connected. Labels, faction kinds, relationship types
 * and dated intervals (some ended: drawn dashed) vary as in the seed, so styling does its real work.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import type { GraphLabel, RelationshipType } from '../../contract/model.ts';

export interface BenchElements {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
}

/** Edges per node, as the brief's 20,000 nodes / 80,000 edges. */
export const EDGES_PER_NODE = 4;

/** A seeded source of floats in [0, 1): pure-rand's xoroshiro128+, as the data generator uses. */
export function seededRandom(seed: number): () => number {
  const rng = xoroshiro128plus(seed | 0);
  return () => uniformFloat64(rng);
}

const LABELS: [GraphLabel, number][] = [
  ['Faction', 0.6],
  ['Person', 0.2],
  ['Event', 0.12],
  ['Place', 0.08],
];
const KINDS = ['armed group', 'armed group', 'armed group', 'operations room', 'coalition', 'state forces'];
const WORDS = ['Nasr', 'Tahrir', 'Furqan', 'Izza', 'Haqq', 'Sham', 'Ghab', 'Fatah', 'Shuhada', 'Ansar', 'Tawhid'];
const PREFIX: Record<GraphLabel, string> = {
  Faction: 'Liwa al-',
  Person: 'Abu ',
  Event: 'Battle of ',
  Place: 'Tell ',
};

/** The label whose share of LABELS covers `r` (0–1). */
function labelAt(r: number): GraphLabel {
  let left = r;
  for (const [label, share] of LABELS) {
    left -= share;
    if (left < 0) return label;
  }
  return 'Faction';
}

/** A plausible type for a link between two labels (the canvas does not check endpoints; the look does differ). */
function typeOf(from: GraphLabel, to: GraphLabel, r: number): RelationshipType {
  if (from === 'Faction' && to === 'Faction')
    return r < 0.45 ? 'MEMBER_OF' : r < 0.7 ? 'FOUGHT' : r < 0.9 ? 'SUPPORTED_BY' : 'MERGED_INTO';
  if (to === 'Event' || from === 'Event') return 'PARTICIPATED_IN';
  if (to === 'Place' || from === 'Place') return 'BASED_IN';
  if (from === 'Person' || to === 'Person') return 'LED_BY';
  return 'MEMBER_OF';
}

/** `nodes` nodes and EDGES_PER_NODE × `nodes` edges, the same for the same `seed`. */
export function benchElements(nodes: number, seed = 11): BenchElements {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const labels: GraphLabel[] = [];
  const out: BenchElements = { nodes: [], edges: [] };
  for (let i = 0; i < nodes; i++) {
    const label = labelAt(random());
    labels.push(label);
    const data: NodeData = { id: `b${i}`, label, name: `${PREFIX[label]}${pick(WORDS)} ${i}` };
    if (label === 'Faction') data.kind = pick(KINDS);
    out.nodes.push({ data });
  }
  // Endpoints of every edge so far: a node appears once per link, so a uniform pick is by degree.
  const ends: number[] = [];
  const link = (s: number, t: number) => {
    const year = 2011 + Math.floor(random() * 10);
    const month = 1 + Math.floor(random() * 12);
    const from = `${year}-${String(month).padStart(2, '0')}`;
    const ended = random() < 0.3;
    const toYear = Math.min(2024, year + 1 + Math.floor(random() * 4));
    const [a, b] = [labels[s]!, labels[t]!];
    out.edges.push({
      data: {
        id: `be${out.edges.length}`,
        source: `b${s}`,
        target: `b${t}`,
        type: typeOf(a, b, random()),
        from,
        to: ended ? String(toYear) : null,
        validFrom: `${from}-01`,
        validTo: ended ? `${toYear}-12-31` : '9999-12-31',
        sources: [],
      },
    });
    ends.push(s, t);
  };
  for (let i = 1; i < nodes; i++) {
    for (let k = 0; k < EDGES_PER_NODE; k++) {
      const t =
        ends.length > 0 && random() < 0.5 ? ends[Math.floor(random() * ends.length)]! : Math.floor(random() * i);
      link(i, t === i ? Math.floor(random() * i) : t);
    }
  }
  // The first node links out too, so the count is exactly EDGES_PER_NODE × nodes.
  while (out.edges.length < EDGES_PER_NODE * nodes && nodes > 1) link(0, 1 + Math.floor(random() * (nodes - 1)));
  return out;
}
