/**
 * The benchmark's network generator (bench/data/network.ts) at a small size: the same size and seed
 * give the same bytes; the file passes the server's own import checks; the graph is one component;
 * degrees follow a power law with a hub far above the median; every relationship lies within the
 * lifetimes of both its ends and cites sources; mergers end the merged faction's life; and the probes
 * name what they say they name.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkProbes } from '../../bench/data/network.ts';
import { generateNetwork, type GeneratedNetwork } from '../../bench/data/network.ts';
import { checkImportFile, type ImportFile } from '../../contract/importFile.ts';
import { GRAPH_LABELS, RELATIONSHIP_TYPES } from '../../contract/model.ts';
import { intervalBounds, lastDay, lifetimeOf } from '../../contract/validTime.ts';
import { validImportJson } from '../../server/services/importStream.ts';

const SIZE = 2_000;
const folder = mkdtempSync(join(tmpdir(), 'bench-network-'));
let network: GeneratedNetwork;
let bytes: Buffer;
let file: ImportFile;

beforeAll(async () => {
  network = generateNetwork({ relationships: SIZE, seed: 7, out: join(folder, 'a.json') });
  bytes = readFileSync(network.file!);
  file = await validImportJson(bytes);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every graph node's distinct neighbours, from the file. */
function neighbourSets(): Map<string, Set<string>> {
  const sets = new Map(file.nodes.map((n) => [n.id, new Set<string>()]));
  for (const r of file.relationships) {
    sets.get(r.source)!.add(r.target);
    sets.get(r.target)!.add(r.source);
  }
  return sets;
}

/** Steps from `start` to every node it reaches (breadth-first). */
function distancesFrom(start: string): Map<string, number> {
  const sets = neighbourSets();
  const distance = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const other of sets.get(node)!) {
        if (distance.has(other)) continue;
        distance.set(other, distance.get(node)! + 1);
        next.push(other);
      }
    }
    frontier = next;
  }
  return distance;
}

describe('benchmark network generator', () => {
  it('writes the same bytes for the same size and seed, and others for another seed', () => {
    const again = generateNetwork({ relationships: SIZE, seed: 7, out: join(folder, 'b.json') });
    expect(readFileSync(again.file!).equals(bytes)).toBe(true);
    const other = generateNetwork({ relationships: SIZE, seed: 8, out: join(folder, 'c.json') });
    expect(readFileSync(other.file!).equals(bytes)).toBe(false);
    expect(networkProbes(SIZE, 7)).toEqual(network.probes);
  });

  it('holds exactly the relationships asked for, in a file the importer accepts', () => {
    expect(file.relationships).toHaveLength(SIZE);
    expect(checkImportFile(file, { labelOf: () => undefined })).toEqual([]);
    expect(network.counts).toMatchObject({ relationships: SIZE, sources: file.sources.length });
    const labels = new Set(file.nodes.map((n) => n.label));
    expect([...labels].sort()).toEqual([...GRAPH_LABELS].sort());
    const types = new Set(file.relationships.map((r) => r.type));
    // SAME_AS is an analyst's judgement that two held records are one entity (curation, issue 12), not a
    // fact a source states about the world: the generated network, like an article, has none.
    for (const type of RELATIONSHIP_TYPES.filter((t) => t !== 'SAME_AS')) expect(types, type).toContain(type);
  });

  it('is one connected graph', () => {
    const reached = distancesFrom(file.nodes[0]!.id);
    const unreached = file.nodes.filter((n) => !reached.has(n.id)).map((n) => n.id);
    expect(unreached).toEqual([]);
  });

  it('has power-law degrees: most nodes have a few neighbours, a hub forty times more', () => {
    const degrees = [...neighbourSets().values()].map((s) => s.size).sort((a, b) => a - b);
    const median = degrees[degrees.length >> 1]!;
    const top = degrees.at(-1)!;
    expect(median).toBeLessThanOrEqual(4);
    expect(top).toBeGreaterThanOrEqual(40 * median);
    // The tail thins out: each doubling of the degree has fewer nodes than the one before, from 4 up.
    const bins = [4, 8, 16, 32, 64].map((low) => degrees.filter((d) => d >= low && d < 2 * low).length);
    for (let i = 1; i < bins.length; i++) expect(bins[i], `bins ${bins}`).toBeLessThan(bins[i - 1]!);
  });

  it('dates every relationship within the lifetimes of both its ends, and cites sources for every fact', () => {
    const nodes = new Map(file.nodes.map((n) => [n.id, n]));
    const outside: string[] = [];
    for (const r of file.relationships) {
      expect(r.from, r.id).toBeDefined();
      // A merger is stated from its date on, as the seed states them: it ends with the merged faction.
      const own = intervalBounds(r.from, r.to ?? (r.type === 'MERGED_INTO' ? r.from : undefined));
      for (const end of [nodes.get(r.source)!, nodes.get(r.target)!]) {
        const life = lifetimeOf(end);
        if (own.validFrom < life.validFrom || own.validTo > life.validTo) outside.push(`${r.id} (${end.id})`);
      }
    }
    expect(outside).toEqual([]);
    for (const item of [...file.nodes, ...file.relationships]) expect(item.sources.length).toBeGreaterThan(0);
    for (const event of file.nodes.filter((n) => n.label === 'Event')) expect(event.date, event.id).toBeDefined();
  });

  it('ends a merged faction at its merger, unless it split off again', () => {
    const factions = new Map(file.nodes.map((n) => [n.id, n]));
    const mergers = file.relationships.filter((r) => r.type === 'MERGED_INTO');
    expect(mergers.length).toBeGreaterThan(5);
    expect(mergers.some((r) => r.to !== undefined)).toBe(true);
    for (const merger of mergers) {
      const merged = factions.get(merger.source)!;
      if (merger.to === undefined) {
        expect(merged.label === 'Faction' && merged.dissolved, merger.id).toBe(merger.from);
      } else {
        expect(lifetimeOf(merged).validTo >= lastDay(merger.to), merger.id).toBe(true);
      }
    }
  });

  it('names probes that are what they say: the hub, a median node, two nodes apart, a merger lineage', () => {
    const { probes } = network;
    const sets = neighbourSets();
    const degrees = [...sets.values()].map((s) => s.size);
    expect(probes.hub.neighbours).toBe(Math.max(...degrees));
    expect(sets.get(probes.hub.id)!.size).toBe(probes.hub.neighbours);
    expect(probes.thousandHub).toBeNull(); // none has 1,000 neighbours at this size
    expect(sets.get(probes.median.id)!.size).toBe([...degrees].sort((a, b) => a - b)[degrees.length >> 1]);
    expect(probes.pathTo.distance).toBeGreaterThanOrEqual(3);
    expect(distancesFrom(probes.pathFrom.id).get(probes.pathTo.id)).toBe(probes.pathTo.distance);
    // The lineage: factions merged into it, and others merged into those.
    const mergedInto = (id: string) =>
      file.relationships.filter((r) => r.type === 'MERGED_INTO' && r.target === id).map((r) => r.source);
    const first = mergedInto(probes.lineage.id);
    expect(first.length).toBeGreaterThan(0);
    expect(first.flatMap(mergedInto).length).toBeGreaterThan(0);
    expect(probes.lineage.generations).toBeGreaterThanOrEqual(2);
  });
});
