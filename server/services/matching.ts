/**
 * Matching what is held (issue 12): before a node is added or a file imported, the held nodes it may
 * duplicate, with a score and the reasons in words. Candidates are found two ways:
 *   - by name: every name and alias of the incoming node is folded as search folds it
 *     (nameFolding.ts) and looked up in the full-text index over the stored folded forms
 *     (search_folded_v2), once with every word required (search's own query) and once with any word;
 *   - by shared neighbours: the held nodes linked by a current claim to the nodes the incoming one
 *     will be linked to.
 *
 * Score, in [0, 1]:
 *   - name similarity of two names: 1 when their folded words are the same (or their run-together
 *     forms are), else the Dice coefficient of their folded words (English function words such as
 *     "of" left out), 2·|common| / (|a| + |b|), where two
 *     words of five letters or more within one edit count as common (the index's own fuzziness);
 *     the best pair over every name and alias of both sides counts;
 *   - with neighbours given: score = 0.75 · name similarity + 0.25 · (shared / given neighbours);
 *   - without: score = name similarity.
 * A candidate is listed when its name similarity reaches MIN_NAME_SIMILARITY, or when it shares at least
 * two of the given neighbours and at least half of them (a node by another name in the same place).
 * Merged-away nodes (supersededAt set) and sources are never candidates.
 */
import type { MatchRequest, Match } from '../../contract/curation.ts';
import type { GraphLabel } from '../../contract/model.ts';
import { type Database, int, type Tx } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { foldName, joinedForms } from './nameFolding.ts';
import { luceneQuery } from './search.ts';

/** Weight of the name in the score when neighbours are given; the neighbours weigh the rest. */
export const NAME_WEIGHT = 0.75;
/**
 * Below this name similarity a candidate found by name is not listed: two-word names must share both
 * words ("Jaysh al-Fatah" is no "Jaysh al-Nasr": 1/2), three-word names two of three.
 */
export const MIN_NAME_SIMILARITY = 0.6;
/** Index hits read per name query: a name shared by more held nodes than this is no name to match by. */
const PER_QUERY = 25;
/** Neighbour candidates read at most (the most shared first). */
const NEIGHBOUR_CANDIDATES = 200;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** A name as the matcher compares it: its folded words and run-together forms. */
interface FoldedName {
  text: string;
  words: string[];
  joined: Set<string>;
}

/**
 * English function words, left out of the word comparison (not of the index query): "Army of Conquest"
 * and "Army of Victory" share "army" alone. A name of function words only keeps them.
 */
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'a', 'an']);

function folded(text: string): FoldedName {
  const words = foldName(text);
  const all = words.map((w) => w.word);
  const content = all.filter((w) => !FUNCTION_WORDS.has(w));
  return { text, words: content.length > 0 ? content : all, joined: new Set(joinedForms(words)) };
}

/** Whether two folded words are one: equal, or of five letters or more and within one edit. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return withinOneEdit(a, b);
}

function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The similarity of two names in [0, 1] (module comment): 1 for the same folded words or run-together
 * form, else the Dice coefficient of their folded words, near-equal long words counting as common.
 */
export function nameSimilarity(a: string, b: string): number {
  return similarity(folded(a), folded(b));
}

function similarity(a: FoldedName, b: FoldedName): number {
  if (a.words.length === 0 || b.words.length === 0) return 0;
  if (a.words.join(' ') === b.words.join(' ')) return 1;
  if ([...a.joined].some((j) => b.joined.has(j))) return 1;
  const unused = [...b.words];
  let common = 0;
  for (const w of a.words) {
    const k = unused.findIndex((u) => sameWord(w, u));
    if (k >= 0) {
      common++;
      unused.splice(k, 1);
    }
  }
  return (2 * common) / (a.words.length + b.words.length);
}

/** A held node as the matcher reads it. */
export interface Candidate {
  id: string;
  label: GraphLabel;
  name: string;
  aliases: string[];
  /** The given neighbours it is linked to. */
  shared: string[];
}

/**
 * Scores one candidate against the incoming names and given neighbours (module comment), with the
 * reasons in words; null when it is not listed (module comment).
 */
export function scoreCandidate(
  incoming: { name: string; aliases: readonly string[]; neighbours: readonly string[] },
  candidate: Candidate,
): Match | null {
  const givenNames = [incoming.name, ...incoming.aliases].map(folded);
  const heldNames = [candidate.name, ...candidate.aliases].map(folded);
  let best = 0;
  let reason = '';
  for (const [i, given] of givenNames.entries()) {
    for (const [j, held] of heldNames.entries()) {
      const s = similarity(given, held);
      if (s <= best) continue;
      best = s;
      const heldWhat = j === 0 ? `name “${held.text}”` : `alias “${held.text}”`;
      const givenWhat = i === 0 ? 'the name given' : `the alias “${given.text}” given`;
      reason =
        s === 1
          ? `${heldWhat} equals ${givenWhat} (as search folds names)`
          : `${heldWhat} is like ${givenWhat} (${Math.round(s * 100)}% of their words in common)`;
    }
  }
  const given = new Set(incoming.neighbours);
  const shared = candidate.shared.filter((id) => given.has(id));
  const byNeighbours = shared.length >= 2 && shared.length * 2 >= given.size;
  if (best < MIN_NAME_SIMILARITY && !byNeighbours) return null;
  const score = given.size > 0 ? NAME_WEIGHT * best + (1 - NAME_WEIGHT) * (shared.length / given.size) : best;
  const reasons = reason ? [reason] : [];
  if (shared.length > 0) {
    reasons.push(`linked to ${shared.length} of the ${given.size} given neighbours (${shared.join(', ')})`);
  }
  return {
    existing: { id: candidate.id, label: candidate.label, name: candidate.name, aliases: candidate.aliases },
    score: Math.round(Math.min(1, score) * 1000) / 1000,
    reasons,
  };
}

/** The loose query for one name: any of its words (long ones within one edit), for recall; the score sorts. */
function anyWordQuery(text: string): string | null {
  const words = foldName(text)
    .map((w) => w.word)
    .filter((w) => w.length >= 3);
  if (words.length < 2) return null;
  return words
    .map((w) => {
      const e = w.replace(LUCENE_SPECIAL, '\\$&');
      return w.length >= 5 && !/\p{N}/u.test(w) ? `${e} OR ${e}~1` : e;
    })
    .join(' OR ');
}

/** Where the matcher reads: a transaction already open (an add or a dry run), or the database. */
export type ReadOn = Tx | Database;

/**
 * The held nodes `request` may duplicate, best first, at most `request.limit` (default 10), as the
 * module comment scores and lists them. Runs its two queries in `on` (a transaction of the caller's, so it sees what the
 * caller sees under its lock) or in a read transaction of its own. Errors: the database's.
 */
export async function possibleDuplicatesOf(
  on: ReadOn,
  request: Pick<MatchRequest, 'name' | 'label'> & Partial<Pick<MatchRequest, 'aliases' | 'neighbours' | 'limit'>>,
): Promise<Match[]> {
  if ('read' in on) return on.read('matches', (tx) => possibleDuplicatesOf(tx, request));
  const aliases = request.aliases ?? [];
  const neighbours = [...new Set(request.neighbours ?? [])];
  const names = [request.name, ...aliases];
  const queries = [
    ...new Set(names.flatMap((n) => [luceneQuery(n), anyWordQuery(n)]).filter((q): q is string => q !== null)),
  ];
  const label = request.label ?? null;
  const candidates = new Map<string, Candidate>();
  const add = (r: { get(key: string): unknown }, shared: string[]) => {
    const id = r.get('id') as string;
    const held = candidates.get(id);
    if (held) held.shared = shared.length ? shared : held.shared;
    else {
      candidates.set(id, {
        id,
        label: modelLabel(r.get('labels') as string[]) as GraphLabel,
        name: r.get('name') as string,
        aliases: r.get('aliases') as string[],
        shared,
      });
    }
  };
  if (queries.length > 0) {
    const byName = await on.run('matchByName', { queries, perQuery: int(PER_QUERY), label });
    for (const r of byName.records) add(r, []);
  }
  if (neighbours.length > 0) {
    const byNeighbours = await on.run('matchByNeighbours', { neighbours, label, limit: int(NEIGHBOUR_CANDIDATES) });
    for (const r of byNeighbours.records) add(r, r.get('shared') as string[]);
  }
  const incoming = { name: request.name, aliases, neighbours };
  return [...candidates.values()]
    .map((c) => scoreCandidate(incoming, c))
    .filter((m): m is Match => m !== null)
    .sort((a, b) => b.score - a.score || a.existing.id.localeCompare(b.existing.id))
    .slice(0, request.limit ?? 10);
}
