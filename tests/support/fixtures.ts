/**
 * What integration tests share: a Database on the run's Neo4j, an app on it, a way to empty the
 * database and load the seed, and a fingerprint of everything stored, to prove "nothing changed".
 */
import request from 'supertest';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { pino } from 'pino';
import { cypherResponse, type CypherResponse } from '../../contract/console.ts';
import { createApp } from '../../server/app.ts';
import { Database } from '../../server/db/database.ts';
import { importGraph } from '../../server/services/importer.ts';
import { readSeed } from '../../server/services/seed.ts';

export function connectTestDatabase(queryTimeoutMs = 10_000): Database {
  const { uri, user, password } = inject('neo4j');
  return new Database({ uri, user, password, database: 'neo4j', queryTimeoutMs });
}

export function testApp(db: Database) {
  return createApp({ db, logger: pino({ level: 'silent' }) });
}

/** Runs a console query through the app's HTTP API and answers its parsed 200 response. */
export function cypherRunner(app: ReturnType<typeof testApp>) {
  return async (query: string, params: Record<string, unknown> = {}): Promise<CypherResponse> => {
    const response = await request(app).post('/api/cypher').send({ query, params });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return cypherResponse.parse(response.body);
  };
}

/** Empties the database and loads the schema and the seed dataset. */
/**
 * A test file's app over a freshly seeded database: emptied and seeded before the file's tests, its
 * driver closed after them. Call at the top level of a test file.
 */
export function seededApp(): { db: Database; app: ReturnType<typeof testApp> } {
  const db = connectTestDatabase();
  const app = testApp(db);
  beforeAll(() => freshSeededDatabase(db));
  afterAll(() => db.close());
  return { db, app };
}

export async function freshSeededDatabase(db: Database): Promise<void> {
  await emptyDatabase(db);
  await db.applySchema();
  await importGraph(db, readSeed());
}

/** Deletes everything, a slice per transaction: one transaction could not hold a large graph's deletion. */
export async function emptyDatabase(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.runAdmin('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted');
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}

/**
 * The graph alone (every :Entity node, sources included, and their relationships), as `fingerprint`
 * gives it: what an import writes, without the workspace (jobs, audit, investigations) beside it.
 */
export async function graphFingerprint(db: Database): Promise<string> {
  // Paged along the id index: one query over a large graph would sort it all in one transaction's memory.
  const rows: Record<string, unknown>[] = [];
  for (let after = ''; ; ) {
    const page = await db.runAdmin(
      `MATCH (n:Entity) WHERE n.id > $after WITH n ORDER BY n.id LIMIT 2000
       OPTIONAL MATCH (n)-[r]->(m)
       WITH n, r, m ORDER BY n.id, r.id
       RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, type(r) AS type,
              properties(r) AS rprops, m.id AS target`,
      { after },
    );
    if (page.length === 0) break;
    for (const row of page) rows.push({ ...row, labels: [...(row.labels as string[])].sort() });
    after = String(page.at(-1)!.id);
  }
  return stableJson(rows);
}

/**
 * Every node and relationship with all its properties, sorted (keys too): equal fingerprints, equal
 * databases. `exceptLabel` leaves out the nodes with that label (the audit trail, which a write that
 * changes nothing else still adds to).
 */
export async function fingerprint(db: Database, exceptLabel: string | null = null): Promise<string> {
  return fingerprintOf(
    db,
    'MATCH (n) WHERE $exceptLabel IS NULL OR NOT $exceptLabel IN labels(n) OPTIONAL MATCH (n)-[r]->(m)',
    { exceptLabel },
  );
}

async function fingerprintOf(db: Database, match: string, params: Record<string, unknown>): Promise<string> {
  const rows = await db.runAdmin(
    `${match}
     WITH n, r, m ORDER BY n.id, r.id
     RETURN labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS rprops, m.id AS target`,
    params,
  );
  return stableJson(rows);
}

/**
 * When and by whom an import recorded a fact (contract/knownTime.ts): two imports of one file at two
 * instants hold the same graph, and the bulk path (server/bulk) writes no stamps at all.
 */
const RECORDING_STAMPS = new Set(['recordedAt', 'recordedBy', 'claimId']);

/**
 * Property maps come back in the store's own key order, which a rewrite of the same values may change;
 * recording stamps are left out.
 */
function stableJson(rows: unknown): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !RECORDING_STAMPS.has(k))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : value,
  );
}
