/**
 * Health: whether the database answers, and which one it is. While it does not (unresponsive,
 * restarting, failed: db/availability.ts) the answer is that status, without asking the database.
 */
import type { HealthResponse, HealthUnavailableResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';

export type Health = { up: true; body: HealthResponse } | { up: false; body: HealthUnavailableResponse };

/** The database's status; throws the request's AppError (e.g. 503 DATABASE_AUTH) when asking it fails. */
export async function checkHealth(db: Database): Promise<Health> {
  if (!db.availability.isUp) {
    const error = db.availability.unavailableError();
    return {
      up: false,
      body: { error: { code: error.code, message: error.message }, database: db.availability.status },
    };
  }
  const result = await db.read('health', (tx) => tx.run('serverInfo'));
  const kernel = result.records.find((r) => r.get('name') === 'Neo4j Kernel') ?? result.records[0];
  return {
    up: true,
    body: {
      status: 'ok',
      database: db.availability.status,
      neo4j: {
        uri: db.uri,
        database: db.name,
        version: String(kernel?.get('version') ?? 'unknown'),
        edition: String(kernel?.get('edition') ?? 'unknown'),
      },
    },
  };
}
