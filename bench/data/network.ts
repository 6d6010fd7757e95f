/**
 * `generateNetwork`: a realistic conflict network of exactly `relationships` relationships in the
 * import format (contract/importFile.ts), written to a file as it is generated, deterministically from
 * a seed: the same size and seed give a byte-identical file on any machine. What it holds, and why:
 *
 *   - nodes in the proportions of a conflict database (per 100 links: 20 factions, 5 persons, 10 events,
 *     0.5 places; 3 sources), each with a stated, partial-date lifetime where it has one (plan.ts);
 *   - coalitions with members joining and leaving (MEMBER_OF with from/to), mergers (MERGED_INTO, the
 *     merged faction dissolved that month) in chains over the years, one in five split off again,
 *     leaders (LED_BY), battles (FOUGHT, with casualty figures and parallel disagreeing claims) and
 *     event participation, backers and bases, every link dated within both its ends' lifetimes (grow.ts);
 *   - power-law degrees by preferential attachment, every node joining with a link to one before it,
 *     so the graph is one component; every fact cites one to three sources of its time (citations.ts).
 *
 * Memory: a few typed arrays per node and link and the node ids; the file is streamed (jsonWriter.ts).
 * At a million relationships it writes about 300 MB.
 */
import { readFileSync } from 'node:fs';
import { Citations } from './citations.ts';
import { Grower } from './grow.ts';
import { ImportFileWriter } from './jsonWriter.ts';
import { NodeWriter } from './nodes.ts';
import { type Counts, PERSON, planNetwork } from './plan.ts';
import { findProbes, type Probes } from './probes.ts';
import { Random } from './random.ts';
import { RelationshipWriter } from './relationships.ts';

/** The seed when none is given. */
export const DEFAULT_SEED = 42;

export interface NetworkOptions {
  relationships: number;
  /** A 32-bit integer; default DEFAULT_SEED. */
  seed?: number;
  /** Where to write the import file; null to generate without writing (probes only). */
  out: string | null;
}

export interface GeneratedNetwork {
  file: string | null;
  bytes: number;
  counts: Counts & { relationships: number };
  probes: Probes;
}

/** Items handed to `sink` in file order: 'list' starts a list, 'item' is one record. */
type Sink = { list(name: string): void; item(value: unknown): void; close(): void; bytes: number };

const NO_FILE: Sink = { list() {}, item() {}, close() {}, bytes: 0 };

/**
 * Generates the network and writes it to `out` (replacing any file there; written as `out.partial`
 * and renamed when whole). Throws RangeError for a size below MIN_RELATIONSHIPS, and the file
 * system's errors.
 */
export function generateNetwork({ relationships, seed = DEFAULT_SEED, out }: NetworkOptions): GeneratedNetwork {
  // Three independent streams: the structure, the words of nodes and sources, the words of links.
  const plan = planNetwork(relationships, Random.stream(seed, 0));
  const nodeWords = Random.stream(seed, 1);
  const sink: Sink = out === null ? NO_FILE : new ImportFileWriter(out);

  const citations = new Citations(plan.counts.sources, nodeWords);
  sink.list('sources');
  for (let index = 0; index < plan.counts.sources; index++) sink.item(citations.source(index));

  const nodes = new NodeWriter(plan, citations, nodeWords);
  sink.list('nodes');
  for (let node = 0; node < plan.nodes; node++) sink.item(nodes.record(node));

  const edges = { source: new Int32Array(relationships), target: new Int32Array(relationships) };
  const isPerson = (node: number) => node >= plan.firstOf[PERSON] && node < plan.firstOf[PERSON + 1]!;
  const words = new RelationshipWriter(nodes.ids, citations, Random.stream(seed, 2), isPerson);
  let written = 0;
  sink.list('relationships');
  const grown = new Grower(plan, Random.stream(seed, 3), (link) => {
    edges.source[written] = link.source;
    edges.target[written] = link.target;
    written++;
    sink.item(words.record(link));
  }).grow();
  sink.close();
  if (grown !== relationships) throw new Error(`generated ${grown} relationships instead of ${relationships}`);

  return {
    file: out,
    bytes: sink.bytes,
    counts: { ...plan.counts, relationships },
    probes: findProbes(plan, edges, nodes.ids),
  };
}

/** The probes of the network of this size and seed, without writing it (the structure is the same). */
export function networkProbes(relationships: number, seed = DEFAULT_SEED): Probes {
  return generateNetwork({ relationships, seed, out: null }).probes;
}

/** Where the CLI writes a network's probes beside it: `network-1000.json` → `network-1000.probes.json`. */
export const probesPathOf = (file: string) => file.replace(/(\.json)?$/, '.probes.json');

/** The probes written beside `file` by `npm run bench:data` (throws when there are none). */
export function readProbes(file: string): Probes {
  return JSON.parse(readFileSync(probesPathOf(file), 'utf8')) as Probes;
}
