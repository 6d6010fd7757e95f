/**
 * The import file format: what `npm run import -- FILE.json` and `POST /api/import` accept, and what the
 * seed dataset (seed/jaysh-al-nasr.json) is written in. Structural rules live in the zod schema;
 * rules that need the whole file (unique ids, endpoints that exist, citations that resolve) live in
 * `checkImportFile`, so every error names the item and the field.
 */
import { z } from 'zod';
import {
  CLAIM_QUALIFIERS,
  DATE_QUALIFIERS,
  FACTION_KINDS,
  FIGURE_BOUNDS,
  IRREFLEXIVE_TYPES,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_TYPES,
  type GraphLabel,
} from './model.ts';
import { partialDate } from './partialDate.ts';
import { credibility, reliability } from './grades.ts';

/** URL-safe slug: lower-case letters, digits and single hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL-safe slug (a-z, 0-9, single hyphens)')
  .max(120);

const text = z.string().trim().min(1);

/**
 * Most entries in a list inside one item (aliases, citations): far beyond any real record, and it keeps
 * the problems of one item few (zod stops at the length of a too-long list instead of checking each entry).
 */
export const MAX_ITEM_LIST = 1_000;
const citations = z.array(slug).min(1, 'must cite at least one source').max(MAX_ITEM_LIST);

/**
 * Where a source can be read: http(s) only, so that a stored link is safe to open by construction
 * (no `javascript:`, `data:`, `file:`...). zod's own protocol pattern, which also requires the `//`.
 */
export const webUrl = z.url({ protocol: z.regexes.httpProtocol, error: 'must be an http:// or https:// URL' });

/**
 * `url` as a link target when it is an http(s) URL, else null: what the client checks before it renders
 * a stored url (data imported before webUrl, or written by hand) as a link.
 */
export function linkableUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export const sourceRecord = z.strictObject({
  id: slug,
  /** The reference number in the article, when the source is one of its references. */
  number: z.int().positive().optional(),
  name: text,
  title: text.nullable(),
  author: text.optional(),
  publisher: text.optional(),
  date: partialDate.optional(),
  accessed: partialDate.optional(),
  url: webUrl.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  description: text.optional(),
  /** The Admiralty reliability grade the analyst gives the source (contract/grades.ts); absent shows as F. */
  reliability: reliability.optional(),
});

const nodeBase = {
  id: slug,
  name: text,
  aliases: z.array(text).max(MAX_ITEM_LIST).default([]),
  description: text.optional(),
  sources: citations,
};

export const factionRecord = z.strictObject({
  label: z.literal('Faction'),
  ...nodeBase,
  /** What kind of formation, when the source says so; absent rather than guessed. */
  kind: z.enum(FACTION_KINDS).optional(),
  founded: partialDate.optional(),
  foundedQualifier: z.enum(DATE_QUALIFIERS).optional(),
  dissolved: partialDate.optional(),
  dissolvedQualifier: z.enum(DATE_QUALIFIERS).optional(),
});

export const personRecord = z.strictObject({
  label: z.literal('Person'),
  ...nodeBase,
  rank: text.optional(),
  occupation: text.optional(),
});

export const eventRecord = z.strictObject({
  label: z.literal('Event'),
  ...nodeBase,
  kind: text,
  date: partialDate.optional(),
  dateQualifier: z.enum(DATE_QUALIFIERS).optional(),
  endDate: partialDate.optional(),
  place: text.optional(),
});

export const placeRecord = z.strictObject({
  label: z.literal('Place'),
  ...nodeBase,
  kind: text.optional(),
});

export const nodeRecord = z.discriminatedUnion('label', [factionRecord, personRecord, eventRecord, placeRecord]);

export const relationshipRecord = z.strictObject({
  id: slug,
  type: z.enum(RELATIONSHIP_TYPES),
  source: slug,
  target: slug,
  from: partialDate.optional(),
  /** How the source states `from` ("by" a report's date...): contract/model.ts DATE_QUALIFIERS. */
  fromQualifier: z.enum(DATE_QUALIFIERS).optional(),
  to: partialDate.optional(),
  toQualifier: z.enum(DATE_QUALIFIERS).optional(),
  sources: citations,
  role: text.optional(),
  description: text.optional(),
  /** How the source states the claim: hedged ("reportedly") or attributed ("claimed" by `claimedBy`). */
  qualifier: z.enum(CLAIM_QUALIFIERS).optional(),
  /** Who the source says makes the claim ("Moussa al-Omar"): "according to …". */
  claimedBy: text.optional(),
  /** A casualty figure as one source gives it; disagreeing figures are separate relationships. */
  casualties: z.int().nonnegative().optional(),
  /** The bound the source puts on the figure ("at least 80"); absent: the figure is stated exactly. */
  casualtiesBound: z.enum(FIGURE_BOUNDS).optional(),
  /** What the figure counts, in the source's own terms ("Jaysh al-Nasr prisoners killed"). */
  casualtiesCounted: text.optional(),
  /** The Admiralty credibility grade the analyst gives the claim, 1-6 (contract/grades.ts). */
  credibility: credibility.optional(),
});

export const importFile = z.strictObject({
  sources: z.array(sourceRecord).default([]),
  nodes: z.array(nodeRecord).default([]),
  relationships: z.array(relationshipRecord).default([]),
});

/**
 * The file's outline alone: its three lists, items unchecked. A file is checked item by item against
 * `importItemSchemas` (server/services/importValidation.ts), so that a file of a million bad items
 * stops at its first problems instead of building a million zod issues.
 */
export const importFileOutline = z.strictObject({
  sources: z.array(z.unknown()).default([]),
  nodes: z.array(z.unknown()).default([]),
  relationships: z.array(z.unknown()).default([]),
});
export const importItemSchemas = { sources: sourceRecord, nodes: nodeRecord, relationships: relationshipRecord };

export type SourceRecord = z.infer<typeof sourceRecord>;
export type NodeRecord = z.infer<typeof nodeRecord>;
export type RelationshipRecord = z.infer<typeof relationshipRecord>;
export type ImportFile = z.infer<typeof importFile>;

export interface ImportProblem {
  /** Where in the file, e.g. `relationships[3].from`. */
  path: string;
  message: string;
}

/** Most problems an import reports: enough to fix a file by, small whatever the file holds. */
export const MAX_REPORTED_PROBLEMS = 100;
/** Longest problem message kept (zod lists every unknown key of an object in one message). */
const MAX_MESSAGE_LENGTH = 500;

/**
 * The first `limit` problems found, and whether there were more (`truncated`): a file of a million bad
 * items is reported in a few kilobytes. Checks stop looking once `truncated` is set.
 */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  truncated = false;
  constructor(readonly limit = MAX_REPORTED_PROBLEMS) {}

  add(path: string, message: string): void {
    if (this.items.length >= this.limit) this.truncated = true;
    else {
      const clipped = message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
      this.items.push({ path, message: clipped });
    }
  }

  /** Adds another list's problems after these (and its truncation). */
  addAll(other: ProblemList): void {
    for (const p of other.items) this.add(p.path, p.message);
    if (other.truncated) this.truncated = true;
  }
}

/** What the database already holds that a file may refer to: ids by label. */
export interface KnownIds {
  labelOf(id: string): GraphLabel | 'Source' | undefined;
}

/**
 * Rules that need the whole file and what the database already holds: ids unique across the file,
 * relationship endpoints that exist with labels the type allows, citations that resolve, intervals
 * that do not end before they start. Problems go into `problems` (all of them by default; the import
 * passes a capped list, and the checks stop once it is full) and its items are returned.
 */
export function checkImportFile(
  file: ImportFile,
  known: KnownIds,
  problems = new ProblemList(Number.POSITIVE_INFINITY),
): ImportProblem[] {
  const labelOf = new Map<string, GraphLabel | 'Source'>();
  const claim = (id: string, label: GraphLabel | 'Source', path: string) => {
    if (labelOf.has(id)) problems.add(`${path}.id`, `duplicate id "${id}"`);
    labelOf.set(id, label);
  };
  for (const [i, s] of file.sources.entries()) claim(s.id, 'Source', `sources[${i}]`);
  for (const [i, n] of file.nodes.entries()) claim(n.id, n.label, `nodes[${i}]`);
  const relIds = new Set<string>();
  const resolve = (id: string) => labelOf.get(id) ?? known.labelOf(id);
  const checkCitations = (ids: string[], path: string) =>
    ids.forEach((id, j) => {
      if (resolve(id) !== 'Source') problems.add(`${path}.sources[${j}]`, `unknown source "${id}"`);
    });

  for (const [i, n] of file.nodes.entries()) {
    if (problems.truncated) return problems.items;
    checkCitations(n.sources, `nodes[${i}]`);
    for (const p of datingProblems(n, `nodes[${i}]`)) problems.add(p.path, p.message);
  }
  for (const [i, r] of file.relationships.entries()) {
    if (problems.truncated) return problems.items;
    const path = `relationships[${i}]`;
    // One namespace for every id: the canvas (Cytoscape) keys nodes and edges alike by id.
    if (relIds.has(r.id)) problems.add(`${path}.id`, `duplicate id "${r.id}"`);
    else if (labelOf.has(r.id)) {
      problems.add(`${path}.id`, `id "${r.id}" is already the id of a ${labelOf.get(r.id)} in this file`);
    }
    relIds.add(r.id);
    if (r.source === r.target && IRREFLEXIVE_TYPES.has(r.type)) {
      problems.add(`${path}.target`, `a ${r.type} relationship cannot join "${r.source}" to itself`);
    }
    if (r.casualtiesBound !== undefined && r.casualties === undefined) {
      problems.add(`${path}.casualtiesBound`, 'bounds a figure, but casualties is not given');
    }
    if (r.claimedBy !== undefined && r.qualifier === undefined) {
      problems.add(
        `${path}.claimedBy`,
        'names who makes the claim, so qualifier must say how (claimed, reported, alleged...)',
      );
    }
    for (const p of datingProblems(r, path)) problems.add(p.path, p.message);
    checkCitations(r.sources, path);
    const start = resolve(r.source);
    const end = resolve(r.target);
    if (!start || start === 'Source') problems.add(`${path}.source`, `unknown node "${r.source}"`);
    if (!end || end === 'Source') problems.add(`${path}.target`, `unknown node "${r.target}"`);
    if (start && end && start !== 'Source' && end !== 'Source') {
      const allowed = RELATIONSHIP_ENDPOINTS[r.type].some(([a, b]) => a === start && b === end);
      if (!allowed) problems.add(`${path}.type`, `${r.type} cannot join ${start} to ${end}`);
    }
  }
  return problems.items;
}

/** Each dated pair a record may carry: its start, its end, and the qualifiers of each. */
const DATE_PAIRS = [
  ['from', 'to'],
  ['founded', 'dissolved'],
  ['date', 'endDate'],
] as const;

/**
 * A record's dates in order (an end never before its start, at the precision given), and no qualifier
 * without the date it qualifies.
 */
function datingProblems(record: Record<string, unknown>, path: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const dated = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  for (const [startKey, endKey] of DATE_PAIRS) {
    const start = dated(startKey);
    const end = dated(endKey);
    if (start && end && end < start && !start.startsWith(end)) {
      problems.push({ path: `${path}.${endKey}`, message: `ends (${end}) before it starts (${start})` });
    }
  }
  for (const key of ['from', 'to', 'founded', 'dissolved', 'date']) {
    if (record[`${key}Qualifier`] !== undefined && dated(key) === undefined) {
      problems.push({ path: `${path}.${key}Qualifier`, message: `qualifies ${key}, but ${key} is not given` });
    }
  }
  return problems;
}

/** zod issues as import problems, with the path written the way an analyst reads it (`nodes[3].from`). */
export function describeZodIssues(error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({ path: z.core.toDotPath(issue.path), message: issue.message }));
}
