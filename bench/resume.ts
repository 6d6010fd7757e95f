/**
 * `npm run bench:resume -- --file bench/data/out/network-N.json`: only the interrupted-import phase of
 * `npm run bench` (bench/api/resume.ts): the project's import killed halfway and resumed, into an empty
 * Neo4j, timed; checked for doubled relationships (there is no uninterrupted import to compare with
 * here: `npm run bench` compares with its own). Prints the figure as JSON. Run it under
 * `flock /tmp/atlas-bench.lock`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { interruptedImport } from './api/resume.ts';

async function main() {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const path = resolve(values.file ?? 'bench/data/out/network-100000.json');
  const figure = await interruptedImport(path, null, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(figure, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
