/**
 * The data model as one list: the labels and relationship types Faction Atlas knows, and which labels
 * each relationship type may join. Anything a request names (a label, a type) is checked against these
 * lists before it comes near Cypher, because Cypher cannot take labels or types as parameters.
 */

export const NODE_LABELS = ['Faction', 'Person', 'Event', 'Place', 'Source'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels an analyst explores on the canvas; Source nodes are citations, shown in panels, not drawn. */
export const GRAPH_LABELS = ['Faction', 'Person', 'Event', 'Place'] as const;
export type GraphLabel = (typeof GRAPH_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'MEMBER_OF',
  'MERGED_INTO',
  'LED_BY',
  'FOUGHT',
  'PARTICIPATED_IN',
  'SUPPORTED_BY',
  'BASED_IN',
  'SAME_AS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Which (start label → end label) pairs each type may join; the importer refuses any other. */
export const RELATIONSHIP_ENDPOINTS: Record<RelationshipType, ReadonlyArray<readonly [GraphLabel, GraphLabel]>> = {
  MEMBER_OF: [
    ['Faction', 'Faction'],
    ['Person', 'Faction'],
  ],
  MERGED_INTO: [['Faction', 'Faction']],
  LED_BY: [['Faction', 'Person']],
  FOUGHT: [
    ['Faction', 'Faction'],
    ['Faction', 'Event'],
  ],
  PARTICIPATED_IN: [
    ['Faction', 'Event'],
    ['Person', 'Event'],
  ],
  SUPPORTED_BY: [['Faction', 'Faction']],
  BASED_IN: [['Faction', 'Place']],
  /** The analyst's claim that two held nodes of one label are one entity (issue 12), cited like any claim. */
  SAME_AS: [
    ['Faction', 'Faction'],
    ['Person', 'Person'],
    ['Event', 'Event'],
    ['Place', 'Place'],
  ],
};

/** Every node carries these; every other property is label-specific. */
export const COMMON_NODE_PROPERTIES = ['id', 'name', 'aliases', 'description', 'sources'] as const;

export const FACTION_KINDS = [
  'armed group',
  'operations room',
  'coalition',
  'umbrella',
  'state forces',
  'foreign state',
] as const;

/**
 * How a date is stated, when it is not simply the start or end of the period it names. The vocabulary
 * follows ISO 8601-2 / EDTF's "on or before" (`..date`), "on or after" (`date..`) and approximate (`~`):
 *   - `by`: no later than this date (a report's date, "by 9 February 2018", "no later than");
 *   - `after`: no earlier than this date;
 *   - `about`: approximately this date.
 * Absent means the source gives the date itself, at its precision.
 */
export const DATE_QUALIFIERS = ['by', 'after', 'about'] as const;
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];

/**
 * How a source states a claim, when it hedges or attributes it: "reportedly" (`reported`), "claimed"
 * by a party (`claimed`, with `claimedBy`), `alleged`, `unconfirmed`, "largely" or "partly" true.
 * Absent means the source states it as fact.
 */
export const CLAIM_QUALIFIERS = ['reported', 'claimed', 'alleged', 'unconfirmed', 'largely', 'partly'] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

/** The bound a source puts on a figure: "at least 80", "up to 160", "about 70", "more than 250". */
export const FIGURE_BOUNDS = ['at least', 'more than', 'up to', 'fewer than', 'about'] as const;
export type FigureBound = (typeof FIGURE_BOUNDS)[number];

/**
 * Relationship types whose two ends must differ: a faction cannot merge into, be a member of, be led by
 * or fight itself. (SUPPORTED_BY and the rest could, in principle, be reflexive.)
 */
export const IRREFLEXIVE_TYPES: ReadonlySet<RelationshipType> = new Set([
  'MERGED_INTO',
  'MEMBER_OF',
  'LED_BY',
  'FOUGHT',
  'SAME_AS',
]);
