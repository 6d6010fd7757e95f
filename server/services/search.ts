/**
 * Search: finds nodes by any of their names, in any script, through the full-text index.
 * The analyst's words are folded like the stored names and escaped before they become a Lucene query.
 */
import type { SearchResult } from '../../contract/api.ts';
import { type Database, int } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { foldWords } from './nameFolding.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Every word must match, exactly, as a prefix (suggestions while typing) or, for longer words,
 * within one edit (Nuboudah/Nabudah).
 */
export function luceneQuery(text: string): string | null {
  const words = foldWords(text).map((w) => w.replace(LUCENE_SPECIAL, '\\$&'));
  if (words.length === 0) return null;
  return words.map((w) => `+(${w}^3 OR ${w}*${w.length >= 5 ? ` OR ${w}~1` : ''})`).join(' ');
}

export async function searchByName(db: Database, text: string, limit: number): Promise<SearchResult[]> {
  const query = luceneQuery(text);
  if (!query) return [];
  const result = await db.read('search', (tx) => tx.run('searchByName', { query, limit: int(limit) }));
  return result.records.map((r) => ({
    id: r.get('id') as string,
    label: modelLabel(r.get('labels') as string[]),
    name: r.get('name') as string,
    aliases: r.get('aliases') as string[],
    score: r.get('score') as number,
  }));
}
