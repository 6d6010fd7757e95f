/** The seed dataset (seed/jaysh-al-nasr.json), loaded through the import pipeline into an empty database. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.ts';
import { importGraph } from './importer.ts';

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
