/**
 * Which of Neo4j's own threads an OutOfMemoryError killed, read from the JVM's standard error
 * (server/neo4j/threadDeaths.ts): the lines below are as Neo4j 5.26 printed them on this machine when a
 * console query ran a 512 MB heap out, and as neo4j/neo4j#12577 quotes them when even the printing
 * failed. The query's own error, the memory pools' refusals and Neo4j's log lines name no dead thread.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { threadKilledByOutOfMemory, watchThreadDeaths } from '../../server/neo4j/threadDeaths.ts';

describe("Neo4j's threads killed by an OutOfMemoryError", () => {
  it('are named from the lines the JVM prints as they die', () => {
    expect(
      threadKilledByOutOfMemory('Exception in thread "neo4j.Scheduler-1" java.lang.OutOfMemoryError: Java heap space'),
    ).toBe('neo4j.Scheduler-1');
    expect(
      threadKilledByOutOfMemory(
        'Exception in thread "neo4j.VmPauseMonitor-1" java.lang.OutOfMemoryError: Java heap space',
      ),
    ).toBe('neo4j.VmPauseMonitor-1');
    expect(
      threadKilledByOutOfMemory(
        'Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread "qtp1161209621-280"',
      ),
    ).toBe('qtp1161209621-280');
  });

  it('are not read into other lines: the query’s own error, a memory pool’s refusal, a stack frame, a thread’s other death', () => {
    for (const line of [
      '2026-11-30 17:50:39.835+0000 WARN  [o.n.k.i.c.VmPauseMonitorComponent] Detected VM stop-the-world pause: {pauseTime=541, gcTime=736, gcCount=6}',
      'Neo.TransientError.General.OutOfMemoryError: Java heap space',
      'The allocation of an extra 2.0 MiB would use more than the limit 179.0 MiB. db.memory.transaction.max threshold reached',
      '\tat org.neo4j.kernel.impl.scheduler.TimeBasedTaskScheduler.run(TimeBasedTaskScheduler.java:119)',
      'Exception in thread "bolt-3" java.lang.IllegalStateException: closed',
      'java.lang.OutOfMemoryError: Java heap space',
    ]) {
      expect(threadKilledByOutOfMemory(line), line).toBeNull();
    }
  });

  it('are heard from a stream however its chunks split the lines', async () => {
    const output = new PassThrough();
    const heard: string[] = [];
    watchThreadDeaths(output, (thread) => heard.push(thread));
    output.write('2026-11-30 INFO  Started.\nException in thread "neo4j.Sch');
    output.write(
      'eduler-1" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.lang.Thread.run(Thread.java:840)\n',
    );
    output.end('Exception in thread "neo4j.VmPauseMonitor-1" java.lang.OutOfMemoryError: Java heap space\n');
    await new Promise((resolve) => output.on('end', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual(['neo4j.Scheduler-1', 'neo4j.VmPauseMonitor-1']);
  });
});
