/**
 * Neo4j's own bulk importer, `neo4j-admin database import full`, run from the same Maven jars as the
 * local server (server/neo4j/localServer.ts: the same java, the same resolved classpath, the same
 * home and neo4j.conf, so it writes exactly the store that server then opens). The entry point of
 * the neo4j-admin script is `org.neo4j.cli.AdminTool` (jar neo4j-command-line), which finds the
 * configuration through NEO4J_HOME and NEO4J_CONF as the script sets them; the `import` command comes
 * from neo4j-import-tool, already a dependency of org.neo4j:neo4j.
 *
 * Options: Neo4j Operations Manual 5, "Import" (`neo4j-admin database import full --help` lists them).
 * The database must not be running: the importer takes the store's lock and replaces its files.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findJava, resolveClasspath } from '../neo4j/localServer.ts';
import { ARRAY_DELIMITER_OPTION, type CsvFiles } from './csvFiles.ts';

/** The importer's JVM heap; its large structures live off the heap, bounded by OFF_HEAP. */
const HEAP = '-Xmx1g';
const OFF_HEAP = '2g';

export class AdminImportFailed extends Error {}

export interface AdminImportOptions {
  /** The local server's home (its conf/neo4j.conf and data/ are used). */
  home: string;
  classpathFile?: string;
  database: string;
  files: CsvFiles;
  /** Where the importer writes its report of bad entries. */
  reportFile: string;
  /** Each line the importer prints (its progress). */
  log: (line: string) => void;
}

/**
 * Runs the importer on `files` into `database`, replacing it (`--overwrite-destination`: the caller has
 * checked it is empty). Any bad entry aborts (`--bad-tolerance=0`): the file was checked whole before,
 * so one would be our bug. Resolves when it succeeded; throws AdminImportFailed with its last output
 * lines and its report otherwise.
 */
export async function runAdminImport(options: AdminImportOptions): Promise<void> {
  const home = resolve(options.home);
  const java = findJava();
  const classpath = await resolveClasspath(resolve(options.classpathFile ?? join(home, 'classpath.txt')), options.log);
  const { files } = options;
  const args = [
    HEAP,
    '-cp',
    classpath,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: each --nodes/--relationships takes every file that follows it.
    options.database,
    '--overwrite-destination=true',
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    '--bad-tolerance=0',
    `--report-file=${options.reportFile}`,
    `--max-off-heap-memory=${OFF_HEAP}`,
    ...(files.multiline ? ['--multiline-fields=true'] : []),
    ...files.nodes.map((file) => `--nodes=${file}`),
    ...files.relationships.map((file) => `--relationships=${file}`),
  ];
  let tail: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(java, args, {
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail = [...tail, line].slice(-20);
        options.log(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) {
    // A failed import leaves the store unusable (its own warning says so); it was empty: make it so again.
    for (const dir of ['databases', 'transactions']) {
      rmSync(join(home, 'data', dir, options.database), { recursive: true, force: true });
    }
    const report = existsSync(options.reportFile) ? readFileSync(options.reportFile, 'utf8').slice(0, 4000) : '';
    throw new AdminImportFailed(
      `neo4j-admin database import exited with code ${code} (the database is left empty):\n${tail.join('\n')}` +
        (report ? `\nReport:\n${report}` : ''),
    );
  }
}
