/**
 * What the console's editor may offer where the cursor is, read from the text before it (pure, so
 * tests can say what is offered where): a label after `(n:`, a relationship type after `[r:` or `|`
 * in one, a property key after `n.` or as a key of a pattern's `{...}`, a parameter after `$`, and
 * Cypher keywords and functions elsewhere; nothing inside strings and comments. The words offered
 * are read-only Cypher: the console runs nothing else.
 */

export type CompletionKind = 'label' | 'type' | 'property' | 'parameter' | 'keyword';

export interface CompletionSpot {
  kind: CompletionKind;
  /** Where the word being completed starts. */
  from: number;
  /** What of it is typed already. */
  prefix: string;
}

export const CYPHER_KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER BY',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'XOR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CALL',
  'YIELD',
  'UNION',
  'UNION ALL',
  'EXISTS',
  'ASC',
  'DESC',
  'true',
  'false',
  'null',
];

export const CYPHER_FUNCTIONS = [
  'count',
  'collect',
  'size',
  'labels',
  'type',
  'elementId',
  'properties',
  'keys',
  'nodes',
  'relationships',
  'length',
  'coalesce',
  'toString',
  'toInteger',
  'toFloat',
  'toLower',
  'toUpper',
  'trim',
  'split',
  'substring',
  'replace',
  'date',
  'datetime',
  'duration',
  'startNode',
  'endNode',
  'head',
  'last',
  'range',
  'reduce',
  'any',
  'all',
  'none',
  'single',
  'shortestPath',
  'allShortestPaths',
  'min',
  'max',
  'sum',
  'avg',
];

type Open = '(' | '[' | '{';
const CLOSING: Record<string, Open> = { ')': '(', ']': '[', '}': '{' };

interface Scan {
  /** The brackets still open at the end, innermost last, with where each opened. */
  open: { bracket: Open; at: number }[];
  /** The end is inside a string, a quoted name or a comment. */
  quoted: boolean;
}

/** Brackets and quotes of the text, skipping strings, `quoted names` and comments. */
function scan(text: string): Scan {
  const open: Scan['open'] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c !== '`' ? 2 : 1;
      if (j >= text.length) return { open, quoted: true };
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return { open, quoted: true };
      i = end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { open, quoted: true };
      i = end + 2;
    } else {
      if (c === '(' || c === '[' || c === '{') open.push({ bracket: c, at: i });
      else if (CLOSING[c] && open.at(-1)?.bracket === CLOSING[c]) open.pop();
      i++;
    }
  }
  return { open, quoted: false };
}

/** What to offer at the end of `before` (the text up to the cursor); null for nothing. */
export function completionSpot(before: string): CompletionSpot | null {
  const { open, quoted } = scan(before);
  if (quoted) return null;
  const prefix = /\w*$/.exec(before)![0];
  const from = before.length - prefix.length;
  const mark = before[from - 1];
  const inner = open.at(-1);
  const outer = open.at(-2);
  const sinceInner = inner ? before.slice(inner.at + 1, from) : '';

  if (mark === '$') return { kind: 'parameter', from, prefix };
  if (/\bCALL\s+[\w.]*$/i.test(before)) return null; // a procedure's name, not a property
  const beforeDot = before.slice(0, from - 1);
  if (mark === '.' && /(^|[^\w])[A-Za-z_]\w*$|`$/.test(beforeDot)) return { kind: 'property', from, prefix };
  // After ":" in a node or relationship pattern, or "|", "&", "!" in a label or type expression there.
  const afterColon =
    inner && inner.bracket !== '{' && sinceInner.includes(':') && /[|&!]\s*$/.test(before.slice(0, from));
  if (mark === ':' || afterColon) {
    if (inner?.bracket === '[') return { kind: 'type', from, prefix };
    if (inner?.bracket !== '{') return { kind: 'label', from, prefix };
  }
  // A key of a pattern's property map: "(f:Faction {id", "[r {from: '2015', to".
  if (inner?.bracket === '{' && (outer?.bracket === '(' || outer?.bracket === '[') && /(^|,)\s*$/.test(sinceInner)) {
    return { kind: 'property', from, prefix };
  }
  if (prefix !== '' && !/^\d/.test(prefix)) return { kind: 'keyword', from, prefix };
  return null;
}
