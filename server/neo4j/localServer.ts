/**
 * A real Neo4j Community server run from Maven Central's jars, for machines without NEO4J_URI or
 * Docker: `mvn dependency:build-classpath` on neo4j/pom.xml lists the jars (downloaded on first run),
 * then `java … org.neo4j.server.CommunityEntryPoint` runs the server with a neo4j.conf written here,
 * on 127.0.0.1, with its data under `home` (git-ignored). Used by `npm start` and by the tests.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePassword, waitForBolt } from '../db/serverAdmin.ts';
import { watchThreadDeaths } from './threadDeaths.ts';

export const NEO4J_VERSION = '5.26.30';
const POM = fileURLToPath(new URL('../../neo4j/pom.xml', import.meta.url));

export interface LocalServerOptions {
  /** Folder for the classpath list, configuration, data and logs. */
  home: string;
  boltPort: number;
  password: string;
  /** Java heap in MiB (default 512); the per-query memory limits are set as shares of it. */
  heapMb?: number;
  pageCache?: string;
  /** Where the resolved jars list is kept (default: in home); tests share the project's. */
  classpathFile?: string;
  /** Where progress goes while jars resolve and the server starts. */
  log?: (line: string) => void;
}

export interface LocalServer {
  uri: string;
  /** The Neo4j JVM's process id (tests freeze it to play a database that stops answering). */
  pid: number | undefined;
  /** Settles when the JVM has exited, however it ended (crash, kill, stop). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the JVM at once (SIGKILL), for a server that stopped answering; Neo4j recovers from its log at the next start. */
  kill(): void;
  stop(): Promise<void>;
  /**
   * Calls `listener` with the name of each of the JVM's threads an OutOfMemoryError kills
   * (threadDeaths.ts), until the returned function is called.
   */
  onThreadDeath(listener: (thread: string) => void): () => void;
}

export class LocalServerError extends Error {}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const home = resolve(options.home);
  mkdirSync(`${home}/conf`, { recursive: true });
  mkdirSync(`${home}/logs`, { recursive: true });
  const java = findJava();
  const classpath = await resolveClasspath(resolve(options.classpathFile ?? `${home}/classpath.txt`), log);
  writeFileSync(`${home}/conf/neo4j.conf`, neo4jConf(options));

  log(`Starting Neo4j ${NEO4J_VERSION} on bolt://127.0.0.1:${options.boltPort} (data in ${home}/data)…`);
  const console = createWriteStream(`${home}/logs/console.log`, { flags: 'a' });
  const child = spawn(
    java,
    [
      `-Xms${heapOf(options)}m`,
      `-Xmx${heapOf(options)}m`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${home}/conf`,
      '--console-mode',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(console);
  child.stderr?.pipe(console);
  const deathListeners = new Set<(thread: string) => void>();
  if (child.stderr) {
    watchThreadDeaths(child.stderr, (thread) => {
      for (const listener of deathListeners) listener(thread);
    });
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  try {
    await Promise.race([
      waitForBolt(uri, 180_000),
      exited(child).then((code) => {
        throw new LocalServerError(explainExit(code, home));
      }),
    ]);
    await ensurePassword(uri, options.password);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  log('Neo4j is up.');

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => done({ code, signal }));
  });
  void ended.then(() => process.removeListener('exit', killOnExit));
  return {
    uri,
    pid: child.pid,
    exited: ended,
    kill: () => child.kill('SIGKILL'),
    onThreadDeath(listener) {
      deathListeners.add(listener);
      return () => deathListeners.delete(listener);
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(timer);
    },
  };
}

const heapOf = (options: LocalServerOptions) => options.heapMb ?? 512;

/**
 * What the shipped neo4j.conf passes to the JVM; the server needs the add-opens on Java 17 and 21.
 * Not -XX:+ExitOnOutOfMemoryError (also left out of Neo4j's own default neo4j.conf): with it, one
 * console query building a string or list too big for the heap (`reduce(s = 'x', i IN range(1, 30) |
 * s + s)`) took the whole server down. Without it the query's own thread gets the OutOfMemoryError and
 * Neo4j answers Neo.TransientError.General.OutOfMemoryError for that query alone, measured on 5.26;
 * should the JVM ever be left unusable, the supervisor restarts it (supervisor.ts).
 */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-XX:+UseG1GC',
];

function neo4jConf(options: LocalServerOptions): string {
  return [
    '# Written by server/neo4j/localServer.ts at every start; edit there, not here.',
    'server.default_listen_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${options.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.pagecache.size=${options.pageCache ?? '256m'}`,
    'server.memory.off_heap.transaction_max_size=256m',
    // Neo4j's memory guard: what a transaction holds in the operators that track their memory
    // (collect, sort, aggregation, DISTINCT, eager buffers, transaction state) may not pass a share of
    // the heap, per transaction and for all at once, so one query fails with MemoryPoolOutOfMemoryError
    // long before the heap runs out (Operations Manual, "Memory configuration > Limit transaction memory
    // usage"). Expressions (reduce, list comprehensions) are not tracked: the heap itself bounds them.
    `db.memory.transaction.max=${Math.round(heapOf(options) * 0.35)}m`,
    `dbms.memory.transaction.total.max=${Math.round(heapOf(options) * 0.6)}m`,
    'dbms.usage_report.enabled=false',
    // LOAD CSV may read no local file: no file URLs, and an import folder that stays empty.
    'dbms.security.allow_csv_import_from_file_urls=false',
    'server.directories.import=import',
    // …and no network address either (Community has no LOAD privilege): the console refuses LOAD CSV
    // from its plan, and this holds even if that check were ever wrong.
    'internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0',
    'db.tx_log.rotation.retention_policy=2 files',
    '',
  ].join('\n');
}

/** The java to run Neo4j with (JAVA_HOME's, else the PATH's), Java 17 or 21; throws LocalServerError otherwise. */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new LocalServerError(NEEDS_JAVA);
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1]);
  if (major !== 17 && major !== 21) {
    throw new LocalServerError(
      `Neo4j ${NEO4J_VERSION} runs on Java 17 or 21, but ${java} is Java ${major || 'unknown'}. ` +
        'Install OpenJDK 17 or 21 and point JAVA_HOME at it, or set NEO4J_URI, or use docker compose.',
    );
  }
  return java;
}

const NEEDS_JAVA =
  'No Java found. The local Neo4j needs Java 17 or 21 and Maven (Debian: apt-get install openjdk-17-jre-headless maven), ' +
  'or set NEO4J_URI to a Neo4j you have, or run `docker compose up`.';

/** The jars' classpath, resolved by Maven once and reused while neo4j/pom.xml is unchanged. */
export async function resolveClasspath(file: string, log: (line: string) => void): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file) && statSync(file).mtimeMs >= statSync(POM).mtimeMs) {
    const classpath = readFileSync(file, 'utf8').trim();
    if (classpath.split(':').every((jar) => existsSync(jar))) return classpath;
  }
  log(`Resolving Neo4j ${NEO4J_VERSION} jars with Maven (first run only; a few minutes)…`);
  const started = Date.now();
  let downloaded = 0;
  const code = await new Promise<number | null>((done, fail) => {
    const mvn = spawn('mvn', ['-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${file}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    mvn.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new LocalServerError(NEEDS_MAVEN) : error),
    );
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      const count = text.match(/Downloaded from/g)?.length ?? 0;
      if (count) {
        downloaded += count;
        if (downloaded % 25 < count)
          log(`  … ${downloaded} files downloaded (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    };
    mvn.stdout.on('data', onData);
    mvn.stderr.on('data', onData);
    mvn.on('close', (exitCode) => {
      if (exitCode !== 0) log(tail);
      done(exitCode);
    });
  });
  if (code !== 0)
    throw new LocalServerError(`Maven could not resolve Neo4j's jars (exit ${code}); see the output above.`);
  log(`  jars resolved in ${Math.round((Date.now() - started) / 1000)} s.`);
  return readFileSync(file, 'utf8').trim();
}

const NEEDS_MAVEN =
  'Maven (mvn) is not installed. The local Neo4j is resolved from Maven Central with it ' +
  '(Debian: apt-get install maven), or set NEO4J_URI, or run `docker compose up`.';

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/**
 * The last `count` lines Neo4j wrote (its own neo4j.log, else the JVM's console output), to name the
 * cause when it will not stay up; '' when it wrote nothing.
 */
export function lastLogLines(home: string, count = 8): string {
  for (const file of ['logs/neo4j.log', 'logs/console.log']) {
    const path = resolve(home, file);
    if (!existsSync(path)) continue;
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    if (lines.length && lines.some((line) => line.trim())) return lines.slice(-count).join('\n');
  }
  return '';
}

function explainExit(code: number | null, home: string): string {
  const why =
    code === 2
      ? 'another Neo4j is using its data directory (a previous run still alive?)'
      : code === 3
        ? 'its configuration was refused'
        : code === 1
          ? 'the port may be in use'
          : 'see the log';
  return `Neo4j exited with code ${code} before Bolt answered: ${why}. Log: ${home}/logs/console.log`;
}
