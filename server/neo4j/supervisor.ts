/**
 * Keeps the local Neo4j running: when the JVM exits (a crash, the OOM killer, a kill) or stops
 * answering for HANG_RESTART_MS (frozen), it is started again on the same data, after a back-off of
 * 1, 2, 4, 8… s, with a log line each time and `restarting` in the database's availability (what
 * GET /api/health and the client's banner show). Neo4j recovers committed transactions from its
 * transaction log at start, so a kill loses nothing that was committed. A server that runs on after
 * one of its own threads died of an OutOfMemoryError (threadDeaths.ts) is replaced: new requests are
 * refused with 503 at once, the queries in hand are let finish (Availability.drain), and the server is
 * stopped cleanly and started again; that does not count towards giving up.
 *
 * A crash loop ends: after `attempts` restarts in a row, each failing or dying within STABLE_MS, the
 * supervisor gives up, logs the last lines of Neo4j's own log and sets `failed` with them as the cause.
 * The pattern is the one of systemd's Restart=on-failure with StartLimitBurst, and of Kubernetes'
 * CrashLoopBackOff (exponential back-off, capped).
 */
import type { Availability } from '../db/availability.ts';
import type { Liveness } from '../db/liveness.ts';
import { type LocalServer, type LocalServerOptions, lastLogLines, startLocalServer } from './localServer.ts';

/**
 * A server silent this long is taken to be hung and is killed, then restarted. Not shorter: one console
 * query filling the heap once stalled the JVM for 26 s before it recovered by itself, and a restart
 * would end every other analyst's work; requests fail fast with 503 meanwhile anyway.
 */
export const HANG_RESTART_MS = 45_000;
/**
 * How long a replace lets the queries in hand finish before it stops the server (ms). The query that ran
 * the heap out is among them, and its own OutOfMemoryError (422 for the analyst) can follow the thread's
 * death by a GC stall of many seconds (26 s once measured); new requests get 503 meanwhile, as they would
 * during the restart itself.
 */
export const REPLACE_DRAIN_MS = 30_000;
/** A start that stays up this long ends the run of failures. */
export const STABLE_MS = 60_000;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

export interface SupervisorOptions {
  server: LocalServerOptions;
  availability: Availability;
  /** Starts the liveness probe, which tells when the server stops answering (called once it is up). */
  startLiveness?: () => Liveness;
  /** Restarts in a row before giving up (NEO4J_RESTART_ATTEMPTS). */
  attempts: number;
  log: (line: string, level?: 'info' | 'warn' | 'error') => void;
}

export interface SupervisedServer {
  uri: string;
  /** The running JVM's process id (changes at each restart). */
  readonly pid: number | undefined;
  /**
   * Restarts the server, cleanly, because it runs but is not to be trusted (`why` says so in the log and
   * in the database's availability); what the death of one of Neo4j's own threads sets off. New work is
   * refused at once; work in hand is let finish for up to REPLACE_DRAIN_MS first. Settles once the
   * server is up again (or given up on).
   */
  replace(why: string): Promise<void>;
  /** Stops supervising and stops the server. */
  stop(): Promise<void>;
}

/** Starts the local server (throws LocalServerError as startLocalServer does) and keeps it running. */
export async function superviseLocalServer(options: SupervisorOptions): Promise<SupervisedServer> {
  const { availability, log } = options;
  let server: LocalServer = await startLocalServer(options.server);
  let stopping = false;
  let failuresInARow = 0;
  let startedAt = Date.now();
  /** Servers stopped on purpose to be replaced: their exit is not a crash. */
  const retired = new WeakSet<LocalServer>();
  let replacing: Promise<void> | undefined;

  const watch = (running: LocalServer) => {
    void running.exited.then(async ({ code, signal }) => {
      if (stopping || running !== server || retired.has(running)) return;
      const why = signal ? `was ended by ${signal}` : `exited with code ${code}`;
      if (Date.now() - startedAt >= STABLE_MS) failuresInARow = 0;
      await restart(`Neo4j ${why}`);
    });
    running.onThreadDeath((thread) => {
      if (running !== server) return;
      void replace(`Neo4j's own thread "${thread}" died of an OutOfMemoryError (a query ran its heap out)`);
    });
  };

  /** Starts the server again (throws as startLocalServer does); the probe that follows says it is up. */
  const startAgain = async (): Promise<void> => {
    availability.countRestart();
    server = await startLocalServer({ ...options.server, log: (line) => log(line) });
    startedAt = Date.now();
    log('Neo4j is back.');
    watch(server);
    // The probe, not this, says `up`: it also forgets the silence it measured while the server was away.
    await liveness?.probe();
  };

  const restart = async (why: string) => {
    while (!stopping) {
      failuresInARow += 1;
      if (failuresInARow > options.attempts) {
        const tail = lastLogLines(options.server.home);
        const message = `${why}, and ${options.attempts} restarts in a row did not keep it up${tail ? `. Neo4j's last log lines:\n${tail}` : ''}`;
        log(`Giving up on Neo4j: ${message}`, 'error');
        availability.set('failed', message);
        return;
      }
      const wait = BACKOFF_MS[Math.min(failuresInARow - 1, BACKOFF_MS.length - 1)]!;
      log(`${why}; restarting it in ${wait / 1000} s (attempt ${failuresInARow} of ${options.attempts}).`, 'warn');
      availability.set('restarting', `${why}; restart attempt ${failuresInARow} of ${options.attempts}`);
      await sleep(wait);
      if (stopping) return;
      try {
        await startAgain();
        return;
      } catch (error) {
        why = `Neo4j did not start again (${error instanceof Error ? error.message : String(error)})`;
      }
    }
  };

  /**
   * A planned restart of a server that still runs but is not to be trusted: stopped cleanly (a
   * checkpoint, nothing to recover) and started at once. Not a failure: a query that runs the heap out
   * now and then must not use up the restarts that stand between a crash loop and giving up.
   */
  const replace = (why: string): Promise<void> => {
    if (stopping) return Promise.resolve();
    replacing ??= (async () => {
      const old = server;
      retired.add(old);
      log(`${why}; a JVM left so is not to be trusted, so Neo4j is restarted now.`, 'warn');
      const { drained, release } = await availability.drain(
        `${why}; letting the queries in hand finish first`,
        REPLACE_DRAIN_MS,
      );
      if (!drained) log(`Queries still running ${REPLACE_DRAIN_MS / 1000} s later are cut off by the restart.`, 'warn');
      availability.set('restarting', `${why}; restarting it`);
      try {
        await old.stop();
      } finally {
        release();
      }
      if (stopping) return;
      try {
        await startAgain();
      } catch (error) {
        await restart(`Neo4j did not start again (${error instanceof Error ? error.message : String(error)})`);
      }
    })().finally(() => {
      replacing = undefined;
    });
    return replacing;
  };

  watch(server);
  const liveness = options.startLiveness?.();
  const stopListening = liveness?.onSilence((silentMs) => {
    if (silentMs < HANG_RESTART_MS || availability.status.state !== 'unresponsive' || stopping) return;
    log(`Neo4j has not answered for ${Math.round(silentMs / 1000)} s; killing it to restart it.`, 'warn');
    availability.set('restarting', `Neo4j stopped answering for ${Math.round(silentMs / 1000)} s`);
    server.kill();
  });

  return {
    uri: server.uri,
    get pid() {
      return server.pid;
    },
    replace,
    async stop() {
      stopping = true;
      stopListening?.();
      await replacing;
      await server.stop();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
