/**
 * The audit trail: who wrote what, when, from which address, with the ids touched (issue 10). An
 * entry is written by `recordAudit` inside the transaction of the write it records, so a refused or
 * failed write leaves no entry and a written one always has its entry. Sign-in attempts, which write
 * nothing else, get a transaction of their own (`recordAuditAlone`). Append-only: no query of the
 * app updates or deletes an :AuditEntry, and the console cannot reach one (db/consoleWorkspace.ts).
 *
 * Ids are the instant, then a random tail (`2026-11-30T08:41:07.123Z-5f1c…`): they sort in the order
 * entries were written, so a page of the trail is one ordered index walk and `before` pages on.
 */
import { randomBytes } from 'node:crypto';
import type { Node } from 'neo4j-driver';
import type { z } from 'zod';
import type { AuditAction, AuditEntry, auditQuery } from '../../contract/auth.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, int, type Tx } from '../db/database.ts';

/** What a write tells the trail besides who and when: the ids it touched and a short account. */
export interface AuditRecord {
  action: AuditAction;
  ids: string[];
  detail?: string;
}

function newEntry(actor: Pick<Actor, 'username' | 'address'>, record: AuditRecord, now = new Date()) {
  const at = now.toISOString();
  return {
    id: `${at}-${randomBytes(8).toString('hex')}`,
    at,
    username: actor.username,
    action: record.action,
    address: actor.address,
    ids: record.ids,
    detail: record.detail ?? '',
  };
}

/** Appends an entry inside `tx`, the transaction of the write it records. */
export async function recordAudit(tx: Tx, actor: Pick<Actor, 'username' | 'address'>, record: AuditRecord) {
  await tx.run('auditAppend', newEntry(actor, record));
}

/** Appends an entry in a transaction of its own: for sign-in attempts, which write nothing else. */
export async function recordAuditAlone(
  db: Database,
  actor: Pick<Actor, 'username' | 'address'>,
  record: AuditRecord,
): Promise<void> {
  await db.write('audit-append', (tx) => recordAudit(tx, actor, record));
}

export type AuditQuery = z.output<typeof auditQuery>;

/** A page of the trail, newest first, and the cursor of the next page (null at the end). */
export async function listAudit(
  db: Database,
  query: AuditQuery,
): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const params = {
    user: query.user ?? null,
    action: query.action ?? null,
    since: query.since ? new Date(query.since).toISOString() : null,
    until: query.until ? new Date(query.until).toISOString() : null,
    before: query.before ?? null,
  };
  const result = await db.read('audit-list', (tx) => tx.run('auditList', { ...params, limit: int(query.limit + 1) }));
  const entries = result.records.map((r) => entryOf(r.get('a') as Node));
  const more = entries.length > query.limit;
  const page = more ? entries.slice(0, query.limit) : entries;
  return { entries: page, next: more ? (page.at(-1)?.id ?? null) : null };
}

function entryOf(node: Node): AuditEntry {
  const p = node.properties as Record<string, unknown>;
  return {
    id: String(p.id),
    at: String(p.at),
    username: String(p.username),
    action: p.action as AuditAction,
    address: String(p.address),
    ids: (p.ids as string[] | undefined) ?? [],
    detail: String(p.detail ?? ''),
  };
}
