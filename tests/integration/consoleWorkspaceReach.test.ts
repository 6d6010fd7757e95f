/**
 * On a server shared by several users (AUTH=on) the console reads the network only: a query whose plan
 * could reach the team's workspace (accounts, sessions, the audit trail, investigations) is refused
 * with 403 QUERY_REFUSED before it runs, however it is spelt (db/workspaceReach.ts). Withholding
 * workspace nodes from results was not enough: `RETURN u.passwordHash` is a plain string.
 * Single-user (AUTH=off) the console runs as before.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMISSION_LIMITS } from '../../server/db/consoleAdmission.ts';
import { bindParams, namedQueries, namedQuery } from '../../server/services/namedQueries.ts';
import { seededApp } from '../support/fixtures.ts';

const { db } = seededApp();

async function consoleRun(query: string, networkOnly: boolean, params: Record<string, unknown> = {}) {
  return db.runConsoleQuery(query, params, {
    timeoutMs: 10_000,
    rowCap: 100,
    runId: randomUUID(),
    analyst: 'reach-test',
    user: 'reach-test',
    networkOnly,
    admission: DEFAULT_ADMISSION_LIMITS,
  });
}

/** Workspace nodes as the app writes them (never linked to anything). */
async function someWorkspace() {
  await db.runAdmin(
    `MERGE (u:User {username: 'reach-victim'}) SET u.passwordHash = 'scrypt$secret', u.role = 'admin'
     MERGE (s:Session {tokenHash: 'reach-token-hash'}) SET s.username = 'reach-victim'
     MERGE (a:AuditEntry {id: 'reach-entry'}) SET a.username = 'reach-victim', a.action = 'user.create'
     MERGE (i:Investigation {id: 'reach-investigation'}) SET i.title = 'Private', i.owner = 'reach-victim'`,
  );
}

const refusedReach = async (query: string, params: Record<string, unknown> = {}) => {
  const failure = await consoleRun(query, true, params).then(
    () => null,
    (error: unknown) => error as { status: number; code: string; message: string },
  );
  expect(failure, `${query} was not refused`).not.toBeNull();
  expect(failure?.status).toBe(403);
  expect(failure?.code).toBe('QUERY_REFUSED');
  return failure?.message ?? '';
};

describe('console queries on a shared server', () => {
  it.each([
    ['a workspace label', 'MATCH (u:User) RETURN u.passwordHash AS hash'],
    ['a workspace label through its index', "MATCH (u:User {username: 'reach-victim'}) RETURN u.passwordHash"],
    ['a label union', 'MATCH (n:Entity|User) RETURN n.passwordHash'],
    ['sessions', 'MATCH (s:Session) RETURN s.tokenHash'],
    ['the audit trail', 'MATCH (a:AuditEntry) RETURN a.username, a.action'],
    ['investigations', 'MATCH (i:Investigation) RETURN i.title'],
    ['a count of users', 'RETURN COUNT { MATCH (u:User) } AS users'],
    ['a count of every node', 'MATCH (n) RETURN count(n) AS everything'],
    ['every node', 'MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n.passwordHash'],
    ['every node but the network', 'MATCH (n:!Entity) RETURN properties(n)'],
    ['a dynamic label', 'MATCH (n:$($label)) RETURN n.passwordHash', { label: 'User' }],
    ['internal ids', 'UNWIND range(0, 1000) AS i MATCH (n) WHERE id(n) = i RETURN n.passwordHash'],
    ['element ids', 'MATCH (n) WHERE elementId(n) = $id RETURN n', { id: '4:x:1' }],
    ['a second pattern without a label', 'MATCH (f:Faction) WITH f LIMIT 1 MATCH (n) RETURN n.passwordHash'],
    ['dynamic keys', 'MATCH (n) UNWIND keys(n) AS k RETURN n[k]'],
  ] as [string, string, Record<string, unknown>?][])(
    'are refused when they could reach %s',
    async (_what, query, params) => {
      await someWorkspace();
      const message = await refusedReach(query, params ?? {});
      expect(message).toMatch(/workspace/);
    },
  );

  it('run when they reach the network through its labels and relationships', async () => {
    await someWorkspace();
    const factions = await consoleRun('MATCH (f:Faction) RETURN f.name AS name ORDER BY name LIMIT 3', true);
    expect(factions.rows.length).toBe(3);
    const links = await consoleRun('MATCH (a:Entity)-[r]->(b) RETURN count(r) AS links', true);
    expect(Number(links.rows[0]?.[0])).toBeGreaterThan(0);
    const entities = await consoleRun('MATCH (n:Entity) RETURN count(n) AS n', true);
    expect(Number(entities.rows[0]?.[0])).toBeGreaterThan(0);
    const all = await consoleRun('MATCH ()-[r]->() RETURN count(*) AS n', true);
    expect(Number(all.rows[0]?.[0])).toBeGreaterThan(0);
    const labels = await consoleRun('CALL db.labels() YIELD label RETURN label', true);
    expect(labels.rows.length).toBeGreaterThan(0);
  });

  it('leave every named query runnable', async () => {
    for (const { name } of namedQueries()) {
      const query = namedQuery(name);
      // Defaults where declared; a required parameter without one gets a name of the seed.
      const given = Object.fromEntries(query.params.filter((p) => p.required).map((p) => [p.name, 'Ahrar al-Sham']));
      const outcome = await consoleRun(query.cypher, true, bindParams(query, given)).then(
        () => 'ran',
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      );
      expect(outcome, name).not.toMatch(/QUERY_REFUSED/);
    }
  });

  it('reach no workspace node through a relationship, because none is linked', async () => {
    await someWorkspace();
    const labels = ['Investigation', 'InvestigationRevision', 'ImportLock', 'User', 'Session', 'AuditEntry'];
    const linked = await db.runAdmin(
      'MATCH (n)-[r]-() WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(r) AS linked',
      { labels },
    );
    expect(Number((linked[0] as { linked: unknown }).linked)).toBe(0);
  });
});

describe('console queries on a single-user server', () => {
  it('run without a label as before', async () => {
    await someWorkspace();
    const result = await consoleRun('MATCH (n) RETURN count(n) AS n', false);
    expect(Number(result.rows[0]?.[0])).toBeGreaterThan(0);
  });
});
