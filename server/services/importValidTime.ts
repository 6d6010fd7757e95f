/**
 * Valid time as the database stores it: every graph node's lifetime and every relationship's bounds
 * (`validFrom`/`validTo`, full ISO dates, inclusive; sentinels when open). The rule itself lives in
 * contract/validTime.ts; this module applies it to what the database returns, and on start-up derives
 * the bounds a database imported before valid time was stored lacks.
 */
import {
  lifetimeOf,
  relationshipValidTime,
  VALID_TIME_MAX,
  VALID_TIME_MIN,
  type ValidTime,
} from '../../contract/validTime.ts';
import { type Database, int, type Tx } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';

/** Rows per write transaction of the start-up derivation. */
export const DERIVE_BATCH_SIZE = 2_000;

/** The properties of a stored node that its lifetime is derived from, as the import queries return them. */
export interface LifetimeProperties {
  founded?: unknown;
  foundedQualifier?: unknown;
  dissolved?: unknown;
  dissolvedQualifier?: unknown;
  date?: unknown;
  dateQualifier?: unknown;
  endDate?: unknown;
}

/** A stored node's lifetime from its labels and lifetime properties (contract/validTime.ts lifetimeOf). */
export function storedLifetime(labels: readonly string[], time: LifetimeProperties | null): ValidTime {
  return lifetimeOf({ ...(time ?? {}), label: modelLabel(labels) });
}

/** Whether stored bounds (either may be absent on an old database) are exactly `time`. */
export function sameTime(stored: { validFrom?: unknown; validTo?: unknown }, time: ValidTime): boolean {
  return stored.validFrom === time.validFrom && stored.validTo === time.validTo;
}

/** True when bounds hold on no day: the stated interval lies wholly outside an end's lifetime. */
export const holdsOnNoDay = (time: ValidTime): boolean => time.validFrom > time.validTo;

/** A lifetime as an analyst reads it in a message: "exists from 2015-08-01 to 2018-02-28". */
export function describeLifetime(time: ValidTime): string {
  const from = time.validFrom === VALID_TIME_MIN ? null : time.validFrom;
  const to = time.validTo === VALID_TIME_MAX ? null : time.validTo;
  if (from && to) return `exists from ${from} to ${to}`;
  if (from) return `exists from ${from}`;
  if (to) return `exists until ${to}`;
  return 'is not bounded in time';
}

/** One stored node's or relationship's new bounds, written back by elementId (cypher/import*Times.cypher). */
export interface TimeRow extends ValidTime {
  elementId: string;
}

/** Counts of what the start-up derivation filled in. */
export interface DerivedValidTime {
  nodes: number;
  relationships: number;
}

/**
 * Derives and stores the lifetime of every graph node and the bounds of every relationship that lack
 * them (a database imported before valid time was stored), `batchSize` rows per write transaction,
 * each under the import lock (cypher/importLock.cypher) so no import interleaves. Idempotent: a
 * database that has them all costs two empty lookups. A relationship whose stated interval contradicts
 * an end's lifetime is stored as it derives (holding on no day): old data is not refused, only dated.
 * Errors: the database's, translated by db/database.ts (503 when it is away).
 */
export async function deriveMissingValidTime(
  db: Database,
  batchSize: number = DERIVE_BATCH_SIZE,
): Promise<DerivedValidTime> {
  const nodes = await inBatches(db, batchSize, 'importNodeTimes', async (tx) => {
    const found = await tx.run('importMissingNodeTimes', { limit: int(batchSize) });
    return found.records.map((r) => ({
      elementId: r.get('elementId') as string,
      ...storedLifetime(r.get('labels') as string[], r.get('time') as LifetimeProperties),
    }));
  });
  const relationships = await inBatches(db, batchSize, 'importRelationshipTimes', async (tx) => {
    const found = await tx.run('importMissingRelationshipTimes', { limit: int(batchSize) });
    return found.records.map((r) => ({
      elementId: r.get('elementId') as string,
      ...relationshipValidTime(
        { from: r.get('from') as string | null, to: r.get('to') as string | null },
        storedLifetime(r.get('sourceLabels') as string[], r.get('sourceTime') as LifetimeProperties),
        storedLifetime(r.get('targetLabels') as string[], r.get('targetTime') as LifetimeProperties),
      ),
    }));
  });
  return { nodes, relationships };
}

/** Derives and writes batch after batch until a batch comes back short; returns how many rows it wrote. */
async function inBatches(
  db: Database,
  batchSize: number,
  store: 'importNodeTimes' | 'importRelationshipTimes',
  derive: (tx: Tx) => Promise<TimeRow[]>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const written = await db.write('derive-valid-time', async (tx) => {
      await tx.run('importLock');
      const rows = await derive(tx);
      if (rows.length) await tx.run(store, { rows });
      await tx.run('importUnlock');
      return rows.length;
    });
    total += written;
    if (written < batchSize) return total;
  }
}
