/**
 * The search keys stored on every node and source (the folded forms the `search_folded_v2` index
 * holds: server/services/nameFolding.ts) are computed at import. When the folding changes, a database
 * imported before holds keys the new queries do not meet; this brings them in line at start.
 */
import type { Database } from '../db/database.ts';
import { BATCH_SIZE, IMPORT_TIMEOUT_MS } from './importer.ts';
import { searchKeys, sourceSearchKeys } from './nameFolding.ts';

const sameKeys = (a: readonly string[], b: unknown) =>
  Array.isArray(b) && a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Recomputes every node's and source's search keys with the current folding and stores those that
 * differ, in batches of one write transaction each. Returns how many were rewritten (none on a
 * database imported by this version). Errors: the database's, as db/database.ts translates them.
 */
export async function refreshSearchKeys(db: Database): Promise<number> {
  const stored = await db.read('search-keys-check', (tx) => tx.run('searchKeyInputs'), {
    timeoutMs: IMPORT_TIMEOUT_MS,
  });
  const rows: { id: string; searchKeys: string[] }[] = [];
  for (const r of stored.records) {
    const text = (key: string) => r.get(key) as string | null;
    const keys = r.get('isSource')
      ? sourceSearchKeys({ title: text('title'), author: text('author'), publisher: text('publisher') })
      : searchKeys([text('name'), ...(r.get('aliases') as string[])]);
    if (!sameKeys(keys, r.get('searchKeys'))) rows.push({ id: r.get('id') as string, searchKeys: keys });
  }
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    await db.write('search-keys', (tx) => tx.run('setSearchKeys', { rows: batch }), { timeoutMs: IMPORT_TIMEOUT_MS });
  }
  return rows.length;
}
