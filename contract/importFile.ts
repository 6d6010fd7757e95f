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

/** URL-safe slug: lower-case letters, digits and single hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL-safe slug (a-z, 0-9, single hyphens)')
  .max(120);

const text = z.string().trim().min(1);
const citations = z.array(slug).min(1, 'must cite at least one source');

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
  url: z.url().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  description: text.optional(),
});

const nodeBase = {
  id: slug,
  name: text,
  aliases: z.array(text).default([]),
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
});

export const importFile = z.strictObject({
  sources: z.array(sourceRecord).default([]),
  nodes: z.array(nodeRecord).default([]),
  relationships: z.array(relationshipRecord).default([]),
});

export type SourceRecord = z.infer<typeof sourceRecord>;
export type NodeRecord = z.infer<typeof nodeRecord>;
export type RelationshipRecord = z.infer<typeof relationshipRecord>;
export type ImportFile = z.infer<typeof importFile>;

export interface ImportProblem {
  /** Where in the file, e.g. `relationships[3].from`. */
  path: string;
  message: string;
}

/** What the database already holds that a file may refer to: ids by label. */
export interface KnownIds {
  labelOf(id: string): GraphLabel | 'Source' | undefined;
}

/**
 * Rules that need the whole file and what the database already holds: ids unique across the file,
 * relationship endpoints that exist with labels the type allows, citations that resolve, intervals
 * that do not end before they start.
 */
export function checkImportFile(file: ImportFile, known: KnownIds): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const labelOf = new Map<string, GraphLabel | 'Source'>();
  const claim = (id: string, label: GraphLabel | 'Source', path: string) => {
    if (labelOf.has(id)) problems.push({ path: `${path}.id`, message: `duplicate id "${id}"` });
    labelOf.set(id, label);
  };
  for (const [i, s] of file.sources.entries()) claim(s.id, 'Source', `sources[${i}]`);
  for (const [i, n] of file.nodes.entries()) claim(n.id, n.label, `nodes[${i}]`);
  const relIds = new Set<string>();
  const resolve = (id: string) => labelOf.get(id) ?? known.labelOf(id);
  const checkCitations = (ids: string[], path: string) =>
    ids.forEach((id, j) => {
      if (resolve(id) !== 'Source') problems.push({ path: `${path}.sources[${j}]`, message: `unknown source "${id}"` });
    });

  for (const [i, n] of file.nodes.entries()) {
    checkCitations(n.sources, `nodes[${i}]`);
    problems.push(...datingProblems(n, `nodes[${i}]`));
  }
  file.relationships.forEach((r, i) => {
    const path = `relationships[${i}]`;
    // One namespace for every id: the canvas (Cytoscape) keys nodes and edges alike by id.
    if (relIds.has(r.id)) problems.push({ path: `${path}.id`, message: `duplicate id "${r.id}"` });
    else if (labelOf.has(r.id)) {
      problems.push({
        path: `${path}.id`,
        message: `id "${r.id}" is already the id of a ${labelOf.get(r.id)} in this file`,
      });
    }
    relIds.add(r.id);
    if (r.source === r.target && IRREFLEXIVE_TYPES.has(r.type)) {
      problems.push({
        path: `${path}.target`,
        message: `a ${r.type} relationship cannot join "${r.source}" to itself`,
      });
    }
    if (r.casualtiesBound !== undefined && r.casualties === undefined) {
      problems.push({ path: `${path}.casualtiesBound`, message: 'bounds a figure, but casualties is not given' });
    }
    if (r.claimedBy !== undefined && r.qualifier === undefined) {
      problems.push({
        path: `${path}.claimedBy`,
        message: 'names who makes the claim, so qualifier must say how (claimed, reported, alleged...)',
      });
    }
    problems.push(...datingProblems(r, path));
    checkCitations(r.sources, path);
    const start = resolve(r.source);
    const end = resolve(r.target);
    if (!start || start === 'Source') problems.push({ path: `${path}.source`, message: `unknown node "${r.source}"` });
    if (!end || end === 'Source') problems.push({ path: `${path}.target`, message: `unknown node "${r.target}"` });
    if (start && end && start !== 'Source' && end !== 'Source') {
      const allowed = RELATIONSHIP_ENDPOINTS[r.type].some(([a, b]) => a === start && b === end);
      if (!allowed) problems.push({ path: `${path}.type`, message: `${r.type} cannot join ${start} to ${end}` });
    }
  });
  return problems;
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
