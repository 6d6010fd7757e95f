/** Health: whether the database answers, and which one it is. */
import type { HealthResponse } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';

export async function checkHealth(db: Database): Promise<HealthResponse> {
  const result = await db.read('health', (tx) => tx.run('serverInfo'));
  const kernel = result.records.find((r) => r.get('name') === 'Neo4j Kernel') ?? result.records[0];
  return {
    status: 'ok',
    neo4j: {
      uri: db.uri,
      database: db.name,
      version: String(kernel?.get('version') ?? 'unknown'),
      edition: String(kernel?.get('edition') ?? 'unknown'),
    },
  };
}
