/**
 * A synthetic network in the import format, shaped like the seed (factions joining coalitions,
 * merging, fighting, with dates and citations), for benchmarks and large-view tests. Deterministic:
 * the same sizes give the same file.
 */
import type { ImportFile } from '../contract/importFile.ts';
import { RELATIONSHIP_ENDPOINTS } from '../contract/model.ts';

const FACTION_TYPES = (['MEMBER_OF', 'MERGED_INTO', 'FOUGHT', 'SUPPORTED_BY'] as const).filter((t) =>
  RELATIONSHIP_ENDPOINTS[t].some(([a, b]) => a === 'Faction' && b === 'Faction'),
);

export function syntheticNetwork(factions: number, relationships: number): ImportFile {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = (n: number) => Math.floor(random() ** 2 * n); // skewed: a few hubs, many leaves
  const month = () => `${2012 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;

  const sources = [{ id: 'synthetic-source', name: 'Synthetic benchmark data', title: 'Synthetic benchmark data' }];
  const nodes = Array.from({ length: factions }, (_, i) => ({
    label: 'Faction' as const,
    id: `faction-${i}`,
    name: `Faction ${i} Brigade`,
    aliases: [`Liwa ${i}`],
    sources: ['synthetic-source'],
    kind: 'armed group' as const,
  }));
  const rels = Array.from({ length: relationships }, (_, i) => {
    const a = pick(factions);
    let b = Math.floor(random() * factions);
    if (b === a) b = (a + 1) % factions;
    const from = month();
    const to = random() < 0.4 ? `${Number(from.slice(0, 4)) + 1 + Math.floor(random() * 3)}` : undefined;
    return {
      id: `synthetic-${i}`,
      type: FACTION_TYPES[i % FACTION_TYPES.length]!,
      source: `faction-${b}`,
      target: `faction-${a}`,
      from,
      ...(to ? { to } : {}),
      sources: ['synthetic-source'],
    };
  });
  return { sources, nodes, relationships: rels } as ImportFile;
}
