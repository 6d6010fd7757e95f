/**
 * Investigations on the wire: an analyst's saved work (the view model, notes, the console queries run
 * in it, and how every element got onto the canvas), the snapshot of what they saw at each save, and
 * the revisions every save keeps. The server validates with these schemas and builds its OpenAPI
 * document from them; the client parses with them and serialises its view model (client/src/model/)
 * into `investigationView`.
 *
 * Words: a *revision* is what one save kept (numbered from 1); `version` is the revision a client
 * started from, sent back with a save for optimistic concurrency (a stale one is refused with 409);
 * a *snapshot* is the elements as the analyst saw them at that save; *provenance* is the step
 * (search, expansion, path, lineage, query…) that brought an element in, and when.
 */
import { z } from 'zod';
import { investigationAccess } from './auth.ts';
import { edgeData, nodeData, sourceData } from './api.ts';
import { GRAPH_LABELS, RELATIONSHIP_TYPES } from './model.ts';
import { fullDate } from './partialDate.ts';
import { credibility, reliability } from './grades.ts';
import { knownOn } from './knownTime.ts';
import { decimalInteger } from './decimal.ts';

/**
 * Labels that hold the analysts' workspace, never the network: investigations and their revisions, the
 * import lock, and the accounts (users, sessions, the audit trail). Exploration, search, paths and the
 * console never see them; none of them is linked to anything.
 */
export const WORKSPACE_LABELS = [
  'Investigation',
  'InvestigationRevision',
  'ImportLock',
  'ImportJob',
  'ImportBatch',
  'User',
  'Session',
  'AuditEntry',
  'FactChange',
] as const;

const id = z.string().min(1).max(200);
const ids = (max: number) => z.array(id).max(max);
const instant = z.string().datetime({ offset: true });
const position = z.object({ x: z.number().finite(), y: z.number().finite() });

/**
 * Control characters (Unicode Cc: C0, DEL and C1) are invisible or garble what follows them; a NUL in
 * a title is never typed. Free text keeps its line breaks (\n, and \r of files written on Windows) and tabs.
 */
const CONTROLS = /\p{Cc}/u;
const CONTROLS_BUT_LINES = /[^\P{Cc}\n\r\t]/u;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069; Unicode UAX #9
 * §2.1, and CVE-2021-42574 "Trojan Source"): "gpj.exe" behind U+202E shows as "exe.jpg" in the list.
 * A title is one line of a name, so it needs none; Arabic and Hebrew titles read right without them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const codePoint = (text: string, pattern: RegExp) =>
  `U+${(text.match(pattern)?.[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
/** A free text (description, note) of `min` to `max` characters, without control characters but line breaks and tabs. */
const freeText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((t) => !CONTROLS_BUT_LINES.test(t), {
      error: (issue) =>
        `must not contain control characters (found ${codePoint(issue.input as string, CONTROLS_BUT_LINES)}); only line breaks and tabs`,
    });

/** The issue at `path` when two entries of `items` share an id: the later one is named. */
function refuseDuplicateIds(items: readonly { id: string }[], ctx: z.RefinementCtx, what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'id'],
        message: `${what} id "${item.id}" is already used by [${first}]`,
      });
  });
}

export const MAX_ELEMENTS = 50_000;

/** One expanded neighbourhood (client/src/state/viewState.ts `Expansion`). */
export const expansionSpec = z.strictObject({
  id,
  depth: z.number().int().min(1).max(3),
  direction: z.enum(['both', 'out', 'in']),
  types: z.array(z.enum(RELATIONSHIP_TYPES)).nullable(),
  limit: z.number().int().min(1).max(1000).nullable(),
});

export const pathSpec = z.strictObject({ from: id, to: id, maxLength: z.number().int().min(1).max(6) });

/** The view's recipe: client/src/state/viewState.ts `ViewState`, field for field. */
export const viewRecipe = z.strictObject({
  added: ids(MAX_ELEMENTS),
  expansions: z.array(expansionSpec).max(5_000),
  paths: z.array(pathSpec).max(500),
  lineage: id.nullable(),
  removed: ids(MAX_ELEMENTS),
  hidden: ids(MAX_ELEMENTS),
  pinned: ids(MAX_ELEMENTS),
  asOf: fullDate.nullable(),
  hiddenLabels: z.array(z.enum(GRAPH_LABELS)),
  hiddenTypes: z.array(z.enum(RELATIONSHIP_TYPES)),
  layout: z.enum(['fcose', 'concentric', 'hierarchical', 'grid']),
  focus: id.nullable(),
  pageSize: z.number().int().min(1).max(1000),
  /**
   * Transaction time (issue 12): the graph as it stood on this day or just before this instant
   * (contract/knownTime.ts); null for now. Defaulted so recipes saved before it still parse.
   */
  knownOn: knownOn.nullable().default(null),
  /** The grade filter: claims whose best source is below this reliability are hidden; null for none. */
  minReliability: reliability.nullable().default(null),
  /** The grade filter: claims below this credibility (or with none stated) are hidden; null for none. */
  minCredibility: credibility.nullable().default(null),
});
export type ViewRecipe = z.infer<typeof viewRecipe>;

/** How many neighbours one expansion adds before saying "N more", unless the analyst chose otherwise. */
export const DEFAULT_PAGE_SIZE = 25;

/** The recipe of an empty view: nothing drawn, all time, no filters, the force layout. */
export function emptyRecipe(): ViewRecipe {
  return {
    added: [],
    expansions: [],
    paths: [],
    lineage: null,
    removed: [],
    hidden: [],
    pinned: [],
    asOf: null,
    hiddenLabels: [],
    hiddenTypes: [],
    layout: 'fcose',
    focus: null,
    pageSize: DEFAULT_PAGE_SIZE,
    knownOn: null,
    minReliability: null,
    minCredibility: null,
  };
}

/**
 * A step of the analyst's that brought elements in, with enough to replay it. `query` keeps the
 * Cypher text and parameters; `file` a view file or investigation imported; `link` a shared link opened.
 */
export const provenanceStep = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('search'),
    id: z.string().max(64),
    at: instant,
    text: z.string().max(200),
    node: id,
  }),
  z.strictObject({ kind: z.literal('expansion'), id: z.string().max(64), at: instant, expansion: expansionSpec }),
  z.strictObject({ kind: z.literal('path'), id: z.string().max(64), at: instant, path: pathSpec }),
  z.strictObject({ kind: z.literal('lineage'), id: z.string().max(64), at: instant, node: id }),
  z.strictObject({
    kind: z.literal('query'),
    id: z.string().max(64),
    at: instant,
    text: z.string().max(100_000),
    params: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ kind: z.literal('file'), id: z.string().max(64), at: instant, name: z.string().max(500) }),
  z.strictObject({ kind: z.literal('link'), id: z.string().max(64), at: instant, url: z.string().max(20_000) }),
]);
export type ProvenanceStep = z.infer<typeof provenanceStep>;
export type ProvenanceKind = ProvenanceStep['kind'];

/** Compare two dates: what was added, what ended and what held between `a` and `b` (a ≤ b). */
export const comparison = z
  .strictObject({ a: fullDate, b: fullDate })
  .refine((c) => c.a <= c.b, { message: 'a must not be after b', path: ['b'] });
export type Comparison = z.infer<typeof comparison>;

/**
 * The view model as saved (client/src/model/): the recipe, where every node is, the viewport, the
 * selection, the comparison, the elements a console query drew (`base`, ids only: the snapshot holds
 * their data), and provenance: `provenance[elementId]` lists the ids of the steps that brought it in,
 * first one first.
 */
export const investigationView = z
  .strictObject({
    recipe: viewRecipe,
    positions: z.record(id, position),
    viewport: z.strictObject({ zoom: z.number().finite().positive(), pan: position }),
    selection: ids(MAX_ELEMENTS),
    compare: comparison.nullable(),
    base: z.strictObject({ nodes: ids(MAX_ELEMENTS), edges: ids(MAX_ELEMENTS) }),
    steps: z
      .array(provenanceStep)
      .max(10_000)
      .superRefine((steps, ctx) => refuseDuplicateIds(steps, ctx, 'step')),
    provenance: z.record(id, z.array(z.string().max(64)).max(100)),
  })
  .superRefine((view, ctx) => {
    // A provenance entry naming no step would show an element as brought in by nothing.
    const steps = new Set(view.steps.map((s) => s.id));
    for (const [element, ids] of Object.entries(view.provenance)) {
      ids.forEach((step, k) => {
        if (!steps.has(step))
          ctx.addIssue({ code: 'custom', path: ['provenance', element, k], message: `no step has id "${step}"` });
      });
    }
  });
export type InvestigationView = z.infer<typeof investigationView>;

/** A note on a node, a link, or the canvas as a whole. Markdown, always rendered as text, never as HTML. */
export const annotation = z.strictObject({
  id: z.string().min(1).max(64),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('node'), id }),
    z.strictObject({ kind: z.literal('edge'), id }),
    z.strictObject({ kind: z.literal('canvas') }),
  ]),
  text: freeText(1, 20_000),
  createdAt: instant,
  updatedAt: instant,
});
export type Annotation = z.infer<typeof annotation>;

/** A console query run inside the investigation: its text, parameters, when, and how many rows it returned. */
export const queryRun = z.strictObject({
  text: z.string().min(1).max(100_000),
  params: z.record(z.string(), z.unknown()),
  at: instant,
  rows: z.number().int().min(0),
});
export type QueryRun = z.infer<typeof queryRun>;

/** The elements as the analyst saw them when saving: properties as drawn. The server adds their sources. */
export const snapshotElements = z.strictObject({
  nodes: z.array(nodeData).max(MAX_ELEMENTS),
  edges: z.array(edgeData).max(MAX_ELEMENTS),
});

/** What a client saves: everything but the ids, versions and times the server keeps. */
export const investigationDocument = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(200)
    .refine((t) => !CONTROLS.test(t), {
      error: (issue) => `must not contain control characters (found ${codePoint(issue.input as string, CONTROLS)})`,
    })
    .refine((t) => !BIDI_CONTROLS.test(t), {
      error: (issue) =>
        `must not contain bidirectional override or isolate characters (found ${codePoint(issue.input as string, BIDI_CONTROLS)}): they make text show in another order than it is`,
    }),
  description: freeText(0, 10_000).default(''),
  view: investigationView,
  annotations: z
    .array(annotation)
    .max(10_000)
    .superRefine((notes, ctx) => refuseDuplicateIds(notes, ctx, 'note'))
    .default([]),
  queries: z.array(queryRun).max(10_000).default([]),
  snapshot: snapshotElements,
});
export type InvestigationDocument = z.infer<typeof investigationDocument>;
export type InvestigationDocumentInput = z.input<typeof investigationDocument>;

/** POST /api/investigations: a new one (an empty view when `view`/`snapshot` are left out). */
export const createInvestigationRequest = investigationDocument.partial({ view: true, snapshot: true });

/** PUT /api/investigations/:id: the whole document and the `version` (revision) it was started from. */
export const saveInvestigationRequest = investigationDocument.extend({ version: z.number().int().min(1) });
export type SaveInvestigationRequest = z.input<typeof saveInvestigationRequest>;

/** POST /api/investigations/:id/restore/:n: optionally the `version` the client has (stale → 409). */
export const restoreRequest = z.strictObject({ version: z.number().int().min(1).optional() });

export const investigationIdParam = z.object({ id: z.string().uuid() });
export const revisionParam = z.object({ id: z.string().uuid(), n: decimalInteger(1, Number.MAX_SAFE_INTEGER) });

/** GET /api/investigations: `q` searches titles and descriptions; `deleted=true` lists the bin (kept 30 days). */
export const listInvestigationsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  deleted: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const snapshotOut = snapshotElements.extend({
  /** The sources the snapshot's elements cite, as they read when it was taken. */
  sources: z.array(sourceData),
  takenAt: instant,
});
export type SnapshotOut = z.infer<typeof snapshotOut>;

export const investigationSummary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  version: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
  /** When it was put in the bin; it is purged 30 days later. */
  deletedAt: instant.nullable(),
  nodes: z.number().int(),
  edges: z.number().int(),
  notes: z.number().int(),
  // Who owns it, its shares as the asking user may see them, and what that user may do (contract/auth.ts).
  ...investigationAccess.shape,
});
export type InvestigationSummary = z.infer<typeof investigationSummary>;
export const investigationList = z.object({ investigations: z.array(investigationSummary) });

/** GET /api/investigations/:id, and the answer to every save: the current revision in full. */
export const investigation = investigationSummary.extend({
  view: investigationView,
  annotations: z.array(annotation),
  queries: z.array(queryRun),
  snapshot: snapshotOut,
});
export type Investigation = z.infer<typeof investigation>;

export const revisionSummary = z.object({
  n: z.number().int(),
  savedAt: instant,
  title: z.string(),
  nodes: z.number().int(),
  edges: z.number().int(),
  notes: z.number().int(),
  /** Set when this revision restored an older one. */
  restoredFrom: z.number().int().nullable(),
});
export const revisionList = z.object({ revisions: z.array(revisionSummary) });
export type RevisionSummary = z.infer<typeof revisionSummary>;

/** GET /api/investigations/:id/revisions/:n: one revision, read-only. */
export const revision = investigation
  .omit({
    version: true,
    createdAt: true,
    updatedAt: true,
    deletedAt: true,
    owner: true,
    shares: true,
    access: true,
  })
  .extend({
    n: z.number().int(),
    savedAt: instant,
    restoredFrom: z.number().int().nullable(),
  });
export type Revision = z.infer<typeof revision>;

/** What changed: a node or an edge of the snapshot, or a Source its elements cite (its title, date…). */
export const changeKind = z.enum(['node', 'edge', 'source']);

/**
 * GET /api/investigations/:id/changes: what changed in the database since the snapshot was taken,
 * element by element: `removed` (no longer in the database), `edited` (a property or a source differs:
 * each field with its value then and now), `added` (relationships among the snapshot's nodes that it
 * did not have). A cited Source whose title, date… changed is `edited` with kind `source`; one no longer
 * in the database is `removed` with kind `source`.
 */
export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const snapshotChanges = z.object({
  takenAt: instant,
  added: z.object({ edges: z.array(edgeData) }),
  removed: z.array(z.object({ id: z.string(), kind: changeKind })),
  edited: z.array(z.object({ id: z.string(), kind: changeKind, fields: z.array(fieldChange) })),
});
export type SnapshotChanges = z.infer<typeof snapshotChanges>;

export const INVESTIGATION_FORMAT = 'faction-atlas-investigation';

/** GET /api/investigations/:id/export and POST /api/investigations/import: one investigation as a file. */
export const investigationFile = z.strictObject({
  format: z.literal(INVESTIGATION_FORMAT),
  formatVersion: z.literal(1),
  exported: instant,
  investigation: investigationDocument.extend({ snapshot: snapshotOut }),
});
export type InvestigationFile = z.infer<typeof investigationFile>;
