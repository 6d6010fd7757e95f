/**
 * Cancelling a console run that another API process started (issue 11: scale out on what exists).
 * Runs are tracked per process (db/console.ts), but each run's transaction carries its run id and its
 * user in its metadata, so any process can find it on the database and terminate it there.
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from './cypher.ts';

/**
 * Terminates the console transactions with run id `runId` (and user `user`, when given: an analyst
 * cancels only their own). Returns whether any was found.
 */
export async function terminateElsewhere(
  driver: Driver,
  database: string,
  runId: string,
  user: string | undefined,
): Promise<boolean> {
  const session = driver.session({ database });
  try {
    const result = await session.run(cypher('terminateConsoleRunById'), { runId, user: user ?? null });
    return result.records.length > 0;
  } finally {
    await session.close();
  }
}
