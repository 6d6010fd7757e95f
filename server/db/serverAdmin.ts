/**
 * Bringing a fresh Neo4j server into service: waiting until Bolt answers, and replacing the initial
 * neo4j/neo4j password (which a new server insists on) with the configured one.
 */
import neo4j from 'neo4j-driver';

const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a Bolt server answers at `uri` right now. */
export async function boltAnswers(uri: string): Promise<boolean> {
  try {
    await waitForBolt(uri, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once a Bolt server answers at `uri` (a refused login counts: the server is up). */
export async function waitForBolt(uri: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'probe'), { connectionTimeout: 2_000 });
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        if (error instanceof neo4j.Neo4jError && error.code.startsWith('Neo.ClientError.Security')) return;
        if (Date.now() > deadline) throw new Error(`No Bolt answer at ${uri} after ${timeoutMs / 1000} s`);
        await sleep(500);
      }
    }
  } finally {
    await driver.close();
  }
}

/** Makes `password` the neo4j user's password, changing it from the initial one on a new server. */
export async function ensurePassword(uri: string, password: string): Promise<void> {
  const configured = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    await configured.verifyConnectivity();
    return;
  } catch (error) {
    if (!(error instanceof neo4j.Neo4jError && error.code === UNAUTHORIZED)) throw error;
  } finally {
    await configured.close();
  }
  const initial = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  const session = initial.session({ database: 'system' });
  try {
    await session.run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: 'neo4j', new: password });
  } finally {
    await session.close();
    await initial.close();
  }
}
