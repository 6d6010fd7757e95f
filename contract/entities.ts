/**
 * GET /api/entities: one label's whole list, as a table an analyst filters and sorts without writing
 * Cypher ("all factions", "events of 2017"). The label and the sort column come from allow-lists
 * (GRAPH_LABELS in model.ts, ENTITY_SORTS here) because Cypher takes neither a label nor an ORDER BY as
 * a parameter; every other input is a query parameter.
 *
 * Dates: `from`/`to` select the nodes DATED within the range: their stored valid time (contract/
 * validTime.ts lifetimeOf: a faction founded–dissolved, an event's date–endDate) overlaps [from, to],
 * and at least one end of it is known. A node with no date at all (a person, a place, an undated faction
 * or event) is not "of 2017" and is left out once a range is given.
 */
import { z } from 'zod';
import { GRAPH_LABELS } from './model.ts';
import { fullDate } from './partialDate.ts';
import { decimalInteger } from './decimal.ts';

/**
 * Columns the list sorts by: `name` (case-insensitive), `kind`, `validFrom` and `validTo` (the stored
 * valid time, i.e. the date an event happened or a faction was founded/dissolved), `links` (how many
 * relationships the node has). Unknown values (no kind, an open end) sort last both ways; ties by name.
 */
export const ENTITY_SORTS = ['name', 'kind', 'validFrom', 'validTo', 'links'] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

/** Labels whose nodes carry a `kind` (contract/importFile.ts); the kind filter means nothing for others. */
export const LABELS_WITH_KIND = ['Faction', 'Event', 'Place'] as const;

/** Most rows one page may hold. */
export const ENTITY_PAGE_MAX = 500;

export const entityListQuery = z
  .object({
    label: z.enum(GRAPH_LABELS),
    /** Part of a name or an alias, folded like search folds names (case, marks, Arabic letter forms). */
    q: z.string().trim().min(1, 'q must not be empty').max(200).optional(),
    /** Exact kind ("armed group", "attack"); for labels in LABELS_WITH_KIND. */
    kind: z.string().min(1).max(100).optional(),
    from: fullDate.optional(),
    to: fullDate.optional(),
    sort: z.enum(ENTITY_SORTS).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: decimalInteger(1, ENTITY_PAGE_MAX).default(50),
    offset: decimalInteger(0, 1_000_000).default(0),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export type EntityListQuery = z.infer<typeof entityListQuery>;
export type EntityListQueryInput = z.input<typeof entityListQuery>;

/**
 * One row: the node's id, label and name; its `kind`; its dates as the source states them (`from`/`to`:
 * a faction's founded/dissolved, an event's date/endDate; partial ISO dates, with their qualifiers
 * `by`/`after`/`about`); its stored valid time (full dates, VALID_TIME_MIN/MAX when open); and `links`,
 * the number of relationships it has in the database (not only the drawn ones).
 */
export const entityRow = z.object({
  id: z.string(),
  label: z.enum(GRAPH_LABELS),
  name: z.string(),
  kind: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  fromQualifier: z.string().nullable(),
  toQualifier: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  links: z.number().int().min(0),
});
export type EntityRow = z.infer<typeof entityRow>;

/** A page of rows in the asked order, and `total`: how many nodes pass the filters (all pages). */
export const entityListResponse = z.object({
  rows: z.array(entityRow),
  total: z.number().int().min(0),
});
export type EntityListResponse = z.infer<typeof entityListResponse>;
