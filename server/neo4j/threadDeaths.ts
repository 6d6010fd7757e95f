/**
 * Neo4j's own threads killed by an OutOfMemoryError, read from the JVM's output. Neo4j 5.26 tracks
 * the memory of a query's operators but not of the values one expression builds (a list comprehension
 * over a long range, a string doubled in reduce(); neo4j/neo4j#13848), so one console query can run
 * the heap out. The query's own thread gets the error and Neo4j answers it, but any other thread that
 * allocates at that moment may get it too and die of it: measured on 5.26 with a 512 MB heap, 2 of 18
 * such queries killed `neo4j.Scheduler-1` (the thread that runs every periodic job: transaction
 * timeouts, checkpoints) or `neo4j.VmPauseMonitor-1`, and the server went on answering without them.
 * The JVM's default handler prints each death to standard error; the supervisor restarts a server that
 * printed one (Neo4j Knowledge Base, "Recommendations for recovery upon Out Of Memory error": restart
 * rather than go on after an OutOfMemoryError).
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * The thread named in one line of the JVM's output when an uncaught OutOfMemoryError ended it
 * (`Exception in thread "neo4j.Scheduler-1" java.lang.OutOfMemoryError: Java heap space`, or
 * `Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread "X"` when
 * even printing it failed); null for any other line.
 */
export function threadKilledByOutOfMemory(line: string): string | null {
  const match =
    /Exception in thread "([^"]+)" java\.lang\.OutOfMemoryError/.exec(line) ??
    /java\.lang\.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread "([^"]+)"/.exec(line);
  return match?.[1] ?? null;
}

/** Calls `listener` with the thread's name for every such line `output` carries, until it ends. */
export function watchThreadDeaths(output: Readable, listener: (thread: string) => void): void {
  const lines = createInterface({ input: output, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    const thread = threadKilledByOutOfMemory(line);
    if (thread) listener(thread);
  });
}
