/**
 * "Nothing written" for the tests of investigation writes on a server with sign-in: a fingerprint of
 * the investigations, their revisions and the audit trail only. The whole-database fingerprint
 * (fixtures.ts) would also hold the sessions, whose lastSeenAt a request may refresh.
 */
import type { Database } from '../../server/db/database.ts';

/** Every Investigation, InvestigationRevision and AuditEntry with all its properties, in one order. */
export async function workspaceFingerprint(db: Database): Promise<string> {
  const rows = await db.runAdmin(
    `MATCH (n) WHERE n:Investigation OR n:InvestigationRevision OR n:AuditEntry
     WITH n, labels(n) AS labels, properties(n) AS props
     ORDER BY labels[0], n.id, n.investigationId, n.n
     RETURN labels, props`,
  );
  return JSON.stringify(rows, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
