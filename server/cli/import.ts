/**
 * `npm run import -- FILE.json`: validates the file, then writes it in one transaction, with a progress
 * bar. Uses the same configuration as the server (NEO4J_URI, or the local server when it is unset).
 * Exit codes: 0 imported, 1 refused (every problem on stderr, nothing written) or failed, 2 bad usage.
 * The import is a write like one through the API: its audit entry names the operating-system user
 * (`cli:alice`, which no account can be called) and the address `command line`.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { connect } from '../neo4j/connect.ts';
import { ImportConflict, ImportRejected, importGraph } from '../services/importer.ts';

async function run(path: string | undefined): Promise<number> {
  if (!path) {
    process.stderr.write('usage: npm run import -- FILE.json\n');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(`Cannot read ${path} as JSON: ${(error as Error).message}\n`);
    return 2;
  }

  const connection = await connect(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  const bar = new SingleBar(
    { format: 'importing [{bar}] {percentage}% | {value}/{total} items', hideCursor: true },
    Presets.shades_classic,
  );
  try {
    await connection.db.applySchema();
    let started = false;
    const operator = { username: `cli:${userInfo().username}`, role: 'admin' as const, address: 'command line' };
    const summary = await importGraph(
      connection.db,
      input,
      (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      operator,
    );
    bar.stop();
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (error) {
    bar.stop();
    // A file with problems (400) or one that conflicts with the database (409): every item on stderr.
    if (error instanceof ImportRejected || error instanceof ImportConflict) {
      process.stderr.write(`${error.message}\n`);
      for (const p of error.details ?? []) process.stderr.write(`  ${p.path}: ${p.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

run(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
