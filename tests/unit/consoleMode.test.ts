/**
 * Finding a console query's own EXPLAIN or PROFILE (server/db/consoleMode.ts): after comments and
 * CYPHER options, in any case, blanked to as many spaces so positions in the query stay as sent;
 * nothing else in the query is taken for one.
 */
import { describe, expect, it } from 'vitest';
import { splitExecutionMode } from '../../server/db/consoleMode.ts';

describe('splitExecutionMode', () => {
  it.each([
    ['PROFILE MATCH (n) RETURN n', 'PROFILE', '        MATCH (n) RETURN n'],
    ['explain RETURN 1', 'EXPLAIN', '        RETURN 1'],
    ['  \n\tProfile RETURN 1', 'PROFILE', '  \n\t        RETURN 1'],
    ['CYPHER runtime=slotted PROFILE RETURN 1', 'PROFILE', 'CYPHER runtime=slotted         RETURN 1'],
    ['CYPHER 5 planner = cost EXPLAIN RETURN 1', 'EXPLAIN', 'CYPHER 5 planner = cost         RETURN 1'],
    ['PROFILE CYPHER 5 RETURN 1', 'PROFILE', '        CYPHER 5 RETURN 1'],
    ['// note\n/* block\n comment */ PROFILE\nRETURN 1', 'PROFILE', '// note\n/* block\n comment */        \nRETURN 1'],
    ['EXPLAIN PROFILE RETURN 1', 'PROFILE', '                RETURN 1'],
  ])('finds the mode of %j and blanks it, keeping every position', (query, mode, planned) => {
    const split = splitExecutionMode(query);
    expect(split).toEqual({ mode, planned });
    expect(split.planned).toHaveLength(query.length);
  });

  it.each([
    ['a query without a mode', 'MATCH (n) RETURN n'],
    ['a word that only starts like one', 'PROFILER_TABLE RETURN 1'],
    ['the word later in the query', "MATCH (n) WHERE n.note = 'PROFILE' RETURN n"],
    ['the word inside a comment', '// PROFILE\nRETURN 1'],
    ['the word after a clause', 'RETURN 1 AS profile'],
    ['a CYPHER prefix followed by a clause', 'CYPHER runtime=slotted MATCH (n) RETURN n'],
  ])('finds none in %s, and leaves the query as it is', (_what, query) => {
    expect(splitExecutionMode(query)).toEqual({ mode: null, planned: query });
  });
});
