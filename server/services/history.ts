/**
 * Each fact's history (issue 12): one append-only :FactChange per change to a node, a claim or a
 * source, written by `recordChange` inside the transaction of the change it records, so the two commit
 * or fail together. A claim's history spans all its versions: a change names the claim id (`claimId`),
 * which every version keeps. Workspace, not network: the console cannot reach a :FactChange
 * (contract/investigation.ts WORKSPACE_LABELS).
 *
 * Ids are the instant, then a random tail, like the audit trail's: they sort in the order changes were
 * written, even two in one millisecond.
 */
import { randomBytes } from 'node:crypto';
import type { Node } from 'neo4j-driver';
import type { ChangeAction, FactChange } from '../../contract/curation.ts';
import type { Database, Tx } from '../db/database.ts';
import { toJson } from '../db/values.ts';

/** What a fact is: its history is looked up by id within its kind. */
export type SubjectKind = 'node' | 'relationship' | 'source';

/** One change as a curation service states it (common12.md, "History"). */
export interface ChangeRecord {
  at: string;
  username: string;
  action: ChangeAction;
  subject: string;
  subjectKind: SubjectKind;
  sources: string[];
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Appends one change inside `tx`, the transaction of the write it records. `before`/`after` are stored
 * as JSON strings (a property cannot hold a map), with the driver's values (integers, dates) as JSON.
 */
export async function recordChange(tx: Tx, change: ChangeRecord): Promise<void> {
  await tx.run('factChangeAppend', {
    id: `${change.at}-${randomBytes(8).toString('hex')}`,
    at: change.at,
    username: change.username,
    action: change.action,
    subject: change.subject,
    subjectKind: change.subjectKind,
    sources: change.sources,
    reason: change.reason,
    before: change.before === null ? null : JSON.stringify(toJson(change.before)),
    after: change.after === null ? null : JSON.stringify(toJson(change.after)),
  });
}

/** Every change recorded for `subject` of `kind`, oldest first; [] when there is none. */
export async function historyOf(db: Database, subject: string, kind: SubjectKind): Promise<FactChange[]> {
  const result = await db.read('fact-history', (tx) => tx.run('factChangeList', { subject, subjectKind: kind }));
  return result.records.map((r) => changeOf(r.get('c') as Node));
}

/** Same as `historyOf`, inside a transaction already open (a service that also checks the fact exists). */
export async function historyIn(tx: Tx, subject: string, kind: SubjectKind): Promise<FactChange[]> {
  const result = await tx.run('factChangeList', { subject, subjectKind: kind });
  return result.records.map((r) => changeOf(r.get('c') as Node));
}

/** A change's stored `before` or `after` (a JSON string) as an object; null when it has none. */
export function changeValues(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string') return null;
  const object = JSON.parse(value) as unknown;
  return object !== null && typeof object === 'object' ? (object as Record<string, unknown>) : null;
}

function changeOf(node: Node): FactChange {
  const p = node.properties as Record<string, unknown>;
  return {
    at: String(p.at),
    username: String(p.username),
    action: p.action as ChangeAction,
    sources: (p.sources as string[] | undefined) ?? [],
    reason: typeof p.reason === 'string' ? p.reason : null,
    before: changeValues(p.before),
    after: changeValues(p.after),
  };
}

/**
 * `changes` with a 'recorded' entry first when the fact carries recordedAt/recordedBy but no change
 * records its recording (an import wrote it: imports stamp facts, they append no :FactChange). The
 * values first recorded are the `before` of its first change, else `current` (its values now). A fact
 * without recordedAt (imported before the graph kept time) keeps what it has: the UI says "known from
 * the start". `sources` gives the citations of those values (a source cites itself).
 */
export function withImportRecord(
  changes: FactChange[],
  current: Record<string, unknown> | null,
  sources: (values: Record<string, unknown>) => string[],
): FactChange[] {
  if (changes.some((c) => c.action === 'recorded')) return changes;
  const first = changes[0]?.before ?? current;
  if (!first || typeof first.recordedAt !== 'string') return changes;
  const recorded: FactChange = {
    at: first.recordedAt,
    username: typeof first.recordedBy === 'string' ? first.recordedBy : 'unknown',
    action: 'recorded',
    sources: sources(first),
    reason: 'imported from a file',
    before: null,
    after: toJson(first) as Record<string, unknown>,
  };
  return [recorded, ...changes];
}

/** The citations a node's or claim's values carry (`sources`), [] when none. */
export const citedSources = (values: Record<string, unknown>): string[] =>
  Array.isArray(values.sources) ? values.sources.filter((s): s is string => typeof s === 'string') : [];
