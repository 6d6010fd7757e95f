/** The seed dataset (seed/jaysh-al-nasr.json), and what every start does to the stored data. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { importGraph } from './importer.ts';
import { type DerivedValidTime, deriveMissingValidTime } from './importValidTime.ts';

export const SEED_FILE = fileURLToPath(new URL('../../seed/jaysh-al-nasr.json', import.meta.url));

export function readSeed(): unknown {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8'));
}

/** Imports the seed when the database holds no factions; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const count = await db.read('seed-check', (tx) => tx.run('countFactions'));
  if (Number(count.records[0]?.get('factions') ?? 0) > 0) return false;
  await importGraph(db, readSeed());
  return true;
}

/**
 * Run at every start, after the schema: derives the valid time that a database imported before it was
 * stored lacks (every node and relationship without validFrom/validTo, in batches: importValidTime.ts),
 * then, when `seed` is set, imports the seed into an empty database. Returns how many nodes and
 * relationships got derived bounds, and whether the seed was imported. Errors: the database's.
 */
export async function prepareStoredData(
  db: Database,
  options: { seed: boolean },
): Promise<{ derived: DerivedValidTime; seeded: boolean }> {
  const derived = await deriveMissingValidTime(db);
  const seeded = options.seed ? await seedIfEmpty(db) : false;
  return { derived, seeded };
}
