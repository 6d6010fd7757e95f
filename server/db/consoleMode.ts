/**
 * EXPLAIN and PROFILE in a console query. The console plans every query with `EXPLAIN` first, and
 * Neo4j refuses a query with two execution modes ("conflicting values for execution mode"), so the
 * query is planned without its own EXPLAIN or PROFILE and then run as the analyst typed it. The
 * keyword is replaced by as many spaces, so every line, column and offset in the database's errors
 * stays where it is in the query as sent.
 *
 * What may come first, in any order (Neo4j's pre-parser): whitespace, comments, `CYPHER` with its
 * options (`CYPHER 5 runtime=slotted`), `EXPLAIN`, `PROFILE`. The scan stops at anything else.
 */

export type ExecutionMode = 'EXPLAIN' | 'PROFILE';

export interface ModeSplit {
  /** PROFILE when the query asks for a profile, EXPLAIN when it asks for a plan only, else null. */
  mode: ExecutionMode | null;
  /** The query with its EXPLAIN and PROFILE keywords blanked out, to be planned. */
  planned: string;
}

const PREFIX_TOKEN = new RegExp(
  [
    /\s+/.source, // whitespace
    /\/\/[^\n]*/.source, // a line comment
    /\/\*[\s\S]*?\*\//.source, // a block comment
    /CYPHER(?:\s+(?:\d+(?:\.\d+)?|\w+\s*=\s*[\w.]+))*(?![\w=])/.source, // CYPHER and its options
    /(?<mode>EXPLAIN|PROFILE)(?!\w)/.source,
  ].join('|'),
  'iy',
);

/** Finds a leading EXPLAIN or PROFILE (after CYPHER options and comments) and blanks it for planning. */
export function splitExecutionMode(query: string): ModeSplit {
  let mode: ExecutionMode | null = null;
  let planned = query;
  PREFIX_TOKEN.lastIndex = 0;
  for (let match = PREFIX_TOKEN.exec(query); match && match[0] !== ''; match = PREFIX_TOKEN.exec(query)) {
    const keyword = match.groups?.mode?.toUpperCase() as ExecutionMode | undefined;
    if (!keyword) continue;
    if (mode !== 'PROFILE') mode = keyword;
    planned = planned.slice(0, match.index) + ' '.repeat(keyword.length) + planned.slice(match.index + keyword.length);
  }
  return { mode, planned };
}
