/**
 * The seed dataset and what every start does to the stored data. The seed is two sources' facts, each
 * an import file, imported in this fixed order: seed/jaysh-al-nasr.json (the Jaysh al-Nasr article,
 * the first source) then seed/sham-legion.json (the Sham Legion article, the second), which refers to
 * the nodes the first already holds by their ids, so nothing is doubled (docs/seed-changes.md, "The
 * second source"). The integration tests' fixture (tests/support/fixtures.ts) seeds the first file
 * only (`readSeed`), so the counts they assert stay those of one article.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { importGraph } from './importer.ts';
import { type DerivedValidTime, deriveMissingValidTime } from './importValidTime.ts';

export const SEED_FILE = fileURLToPath(new URL('../../seed/jaysh-al-nasr.json', import.meta.url));
export const SECOND_SEED_FILE = fileURLToPath(new URL('../../seed/sham-legion.json', import.meta.url));
/** Every seed file, in the order they are imported. */
export const SEED_FILES = [SEED_FILE, SECOND_SEED_FILE] as const;

/** The first seed file (one article): what the tests' fixture and benchmarks load. */
export function readSeed(): unknown {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8'));
}

/** Every seed file's contents, in import order. */
export function readSeeds(): unknown[] {
  return SEED_FILES.map((file) => JSON.parse(readFileSync(file, 'utf8')));
}

/** Imports every seed file, in order, when the database holds no factions; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const count = await db.read('seed-check', (tx) => tx.run('countFactions'));
  if (Number(count.records[0]?.get('factions') ?? 0) > 0) return false;
  for (const file of readSeeds()) await importGraph(db, file);
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
