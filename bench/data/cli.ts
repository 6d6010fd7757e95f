/**
 * `npm run bench:data -- --relationships N [--out FILE] [--seed S]`: writes a generated conflict network
 * of N relationships in the import format (network.ts) to FILE (default
 * bench/data/out/network-<N>.json, git-ignored) and its probes beside it (FILE with .probes.json), then
 * prints what it wrote, how long it took and the process's peak memory.
 * Exit codes: 0 written, 2 bad usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateNetwork, probesPathOf } from './network.ts';
import { MIN_RELATIONSHIPS } from './plan.ts';

const USAGE = 'usage: npm run bench:data -- --relationships N [--out FILE] [--seed S]\n';

function main(): number {
  let values: { relationships?: string; out?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      options: { relationships: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const relationships = Number(values.relationships?.replaceAll('_', ''));
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(relationships) || relationships < MIN_RELATIONSHIPS) {
    process.stderr.write(`--relationships must be an integer ≥ ${MIN_RELATIONSHIPS}\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) {
    process.stderr.write(`--seed must be a 32-bit integer\n${USAGE}`);
    return 2;
  }
  const out = resolve(values.out ?? `bench/data/out/network-${relationships}.json`);
  mkdirSync(dirname(out), { recursive: true });

  const started = performance.now();
  const network = generateNetwork({ relationships, seed, out });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(probesPathOf(out), `${JSON.stringify(network.probes, null, 2)}\n`);

  const { counts, probes } = network;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    [
      `wrote ${out}`,
      `  ${counts.relationships} relationships, ${counts.factions} factions, ${counts.persons} persons, ` +
        `${counts.events} events, ${counts.places} places, ${counts.sources} sources (seed ${seed})`,
      `  ${(network.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s, peak RSS ${peakRssMb.toFixed(0)} MB`,
      `  hub ${probes.hub.id} (${probes.hub.neighbours} neighbours), ` +
        (probes.thousandHub ? `hub ≥1,000 ${probes.thousandHub.id} (${probes.thousandHub.neighbours}), ` : '') +
        `median ${probes.median.id} ` +
        `(${probes.median.neighbours}), paths ${probes.pathFrom.id} → ${probes.pathTo.id} ` +
        `(${probes.pathTo.distance} steps), lineage ${probes.lineage.id} (${probes.lineage.mergers} mergers, ` +
        `${probes.lineage.generations} generations)`,
      `  probes: ${probesPathOf(out)}`,
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = main();
