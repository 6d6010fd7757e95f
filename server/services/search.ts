/**
 * Search: finds nodes and sources by any of their names, in any script, through two full-text indexes
 * (cypher/schema.cypher): one over the folded forms (server/services/nameFolding.ts) with the
 * `standard-no-stop-words` analyzer, one over the names as written with Neo4j's `arabic` analyzer
 * (Lucene's ArabicAnalyzer: normalization and light stemming of prefixes such as و, ال, بال and of
 * suffixes; Neo4j Cypher Manual, "Full-text indexes", db.index.fulltext.listAvailableAnalyzers).
 * The analyst's words are folded like the stored names and escaped before they become a Lucene query.
 */
import type { SearchResult } from '../../contract/api.ts';
import type { RelationshipType } from '../../contract/model.ts';
import { type Database, int } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { arabicWords, cliticVariants, foldName, joinedForms } from './nameFolding.ts';

/** Characters with a meaning in Lucene's classic query syntax (Lucene QueryParser, "Escaping Special Characters"). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const luceneEscape = (word: string) => word.replace(LUCENE_SPECIAL, '\\$&');

/**
 * A source ranks below a node that matches as well: the analyst mostly looks for factions, people,
 * events and places, and a source's title often repeats their names.
 */
export const SOURCE_WEIGHT = 0.5;

/** One word's clause: exactly (best), as a prefix (typing), within one edit when long and not a number. */
function wordClause(word: string): string {
  const w = luceneEscape(word);
  const fuzzy = word.length >= 5 && !/\p{N}/u.test(word) ? ` OR ${w}~1` : '';
  const clitics = cliticVariants(word).map((v) => ` OR ${luceneEscape(v)}^2 OR ${luceneEscape(v)}*`);
  return `+(${w}^3 OR ${w}*${fuzzy}${clitics.join('')})`;
}

/**
 * The query for the folded index: every word must match (exactly, as a prefix while typing, within one
 * edit for longer words, or without an Arabic clitic), or else the words typed together must match a
 * stored run-together form ("jaysh al nasr" meets "JayshAlNasr", "jayshalnasr" meets "Jaysh al-Nasr").
 */
export function luceneQuery(text: string): string | null {
  const words = foldName(text);
  if (words.length === 0) return null;
  const all = words.map((w) => wordClause(w.word)).join(' ');
  const joined = joinedForms(words).map((j) => `${luceneEscape(j)}^3 OR ${luceneEscape(j)}*`);
  return joined.length === 0 ? all : `(${all}) OR ${joined.join(' OR ')}`;
}

/**
 * The query for the `arabic` index, when the analyst wrote in Arabic script (Persian and Urdu letters
 * folded first): every word, as written; the analyzer strips و, ال, بال, كال, فال, لل and suffixes.
 */
export function arabicLuceneQuery(text: string): string | null {
  const words = arabicWords(text);
  return words ? words.map((w) => `+${luceneEscape(w)}`).join(' ') : null;
}

/** Best matches first: nodes by name or alias and sources by title, author or publisher. */
export async function searchByName(db: Database, text: string, limit: number): Promise<SearchResult[]> {
  const query = luceneQuery(text);
  if (!query) return [];
  const arabicQuery = arabicLuceneQuery(text);
  const result = await db.read('search', (tx) =>
    tx.run('searchByName', { query, arabicQuery, sourceWeight: SOURCE_WEIGHT, limit: int(limit), knownUntil: null }),
  );
  return result.records.map((r) => {
    const title = r.get('title') as string | null;
    return {
      id: r.get('id') as string,
      label: modelLabel(r.get('labels') as string[]),
      name: r.get('name') as string,
      aliases: r.get('aliases') as string[],
      ...(title === null ? {} : { title }),
      types: r.get('types') as RelationshipType[],
      score: r.get('score') as number,
    };
  });
}
