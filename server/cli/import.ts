/**
 * `npm run import -- FILE.json`: validates the file, then writes it (one transaction up to COMMIT_ROWS
 * items; larger files in committed batches under an import job), with a progress bar. Also:
 *   `npm run import -- --resume JOB [FILE.json]`  resumes an interrupted job (FILE defaults to the one
 *                                                  the job recorded); the same file, or it is refused;
 *   `npm run import -- --rollback JOB`           undoes a job: what it created is deleted, what it
 *                                                  overwrote is restored;
 *   `npm run import -- --dry-run FILE.json`      checks the file as the import does and prints what it
 *                                                  would change and its possible duplicates; writes nothing.
 * Uses the same configuration as the server (NEO4J_URI, or the local server when it is unset;
 * IMPORT_LEASE_MS). Exit codes: 0 done, 1 refused (every problem on stderr, nothing written) or
 * failed, 2 bad usage.
 * The import is a write like one through the API: its audit entry names the operating-system user
 * (`cli:alice`, which no account can be called) and the address `command line`.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { connect } from '../neo4j/connect.ts';
import { ImportConflict, ImportRejected, importGraph } from '../services/importer.ts';
import { dryRunImport } from '../services/importDryRun.ts';
import { findJob } from '../services/importJobs.ts';
import { resumeImport, rollbackImport } from '../services/importRollback.ts';
import { bulkCommand } from '../bulk/bulkCommand.ts';

const USAGE = 'usage: npm run import -- FILE.json | --resume JOB [FILE.json] | --rollback JOB | --dry-run FILE.json\n';

async function run(args: string[]): Promise<number> {
  const [first, second, third] = args;
  // `--bulk FILE`: neo4j-admin's importer into an empty local database (server/bulk/).
  if (first === '--bulk') return bulkCommand(second);
  if (!first || ((first === '--resume' || first === '--rollback' || first === '--dry-run') && !second)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const connection = await connect(config, (line) => process.stderr.write(`${line}\n`));
  const bar = new SingleBar(
    { format: 'importing [{bar}] {percentage}% | {value}/{total} items', hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  const onProgress = (done: number, total: number) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
  };
  const operator = { username: `cli:${userInfo().username}`, role: 'admin' as const, address: 'command line' };
  const leaseMs = config.IMPORT_LEASE_MS;
  try {
    await connection.db.applySchema();
    let summary: unknown;
    if (first === '--dry-run') {
      summary = await dryRunImport(connection.db, readFileSync(resolve(second!)));
    } else if (first === '--rollback') {
      summary = await rollbackImport(connection.db, second!, { actor: operator, leaseMs });
    } else if (first === '--resume') {
      const path = third ?? (await findJob(connection.db, second!)).path;
      if (!path) throw new AppError(400, 'NO_FILE', `Import ${second} recorded no file on this machine: give it`);
      summary = await resumeImport(connection.db, second!, readFileSync(path), {
        actor: operator,
        leaseMs,
        onProgress,
      });
    } else {
      const path = resolve(first);
      summary = await importGraph(connection.db, readFileSync(path), onProgress, operator, {
        path,
        fileName: basename(path),
        leaseMs,
        commitRows: config.IMPORT_COMMIT_ROWS,
        onStarted: (job) => process.stderr.write(`import job ${job} (resume it with --resume ${job})\n`),
      });
    }
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
    if (error instanceof AppError) {
      const file = first.startsWith('--') ? (third ?? '') : first;
      process.stderr.write(`${file ? `${file}: ` : ''}${error.code}: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`Cannot read ${(error as NodeJS.ErrnoException).path}\n`);
      return 2;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
