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
