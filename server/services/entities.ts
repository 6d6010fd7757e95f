/**
 * One label's whole list, filtered, sorted and paged (GET /api/entities; contract/entities.ts says what
 * each filter and sort column means). The label and sort column reach Cypher only after the route has
 * checked them against their allow-lists; cypher/entitiesList.cypher takes everything else as parameters.
 */
import type { Node } from 'neo4j-driver';
import type { EntityListQuery, EntityListResponse, EntityRow } from '../../contract/entities.ts';
import { GRAPH_LABELS, RELATIONSHIP_TYPES } from '../../contract/model.ts';
import { VALID_TIME_MAX, VALID_TIME_MIN } from '../../contract/validTime.ts';
import { type Database, int } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { foldWords } from './nameFolding.ts';

/** How a label states its dates: which properties hold the start and end, and their qualifiers. */
const DATE_PROPERTIES: Record<EntityRow['label'], { from: string; to: string } | null> = {
  Faction: { from: 'founded', to: 'dissolved' },
  Event: { from: 'date', to: 'endDate' },
  Person: null,
  Place: null,
};

/**
 * The page of `query.label` nodes that `query` asks for, and how many pass its filters. Errors: 400 when
 * the label or sort is not on its allow-list (the route's schema refuses them first; this is the guard
 * that keeps them out of Cypher whoever calls), the database's as db/database.ts translates them.
 */
export async function listEntities(db: Database, query: EntityListQuery): Promise<EntityListResponse> {
  if (!(GRAPH_LABELS as readonly string[]).includes(query.label)) {
    throw new AppError(400, 'BAD_REQUEST', `Invalid parameter label: not one of ${GRAPH_LABELS.join(', ')}`);
  }
  const folded = query.q === undefined ? '' : foldWords(query.q).join(' ');
  const result = await db.read('entity-list', (tx) =>
    tx.run('entitiesList', {
      label: query.label,
      q: query.q?.toLowerCase() ?? null,
      folded: folded === '' ? null : folded,
      kind: query.kind ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      openStart: VALID_TIME_MIN,
      openEnd: VALID_TIME_MAX,
      sort: query.sort,
      descending: query.order === 'desc',
      types: [...RELATIONSHIP_TYPES],
      offset: int(query.offset),
      limit: int(query.limit),
      knownUntil: null,
    }),
  );
  const record = result.records[0];
  if (!record) return { rows: [], total: 0 };
  const rows = record.get('rows') as { node: Node; links: unknown }[];
  return {
    total: toJson(record.get('total')) as number,
    rows: rows.map(({ node, links }) => rowOf(node, query.label, toJson(links) as number)),
  };
}

function rowOf(node: Node, label: EntityRow['label'], links: number): EntityRow {
  const p = node.properties as Record<string, unknown>;
  const text = (key: string | null | undefined) => (key != null && typeof p[key] === 'string' ? p[key] : null);
  const dates = DATE_PROPERTIES[label];
  return {
    id: String(p.id),
    label,
    name: text('name') ?? String(p.id),
    kind: text('kind'),
    from: text(dates?.from),
    to: text(dates?.to),
    fromQualifier: text(dates && `${dates.from}Qualifier`),
    toQualifier: text(dates && `${dates.to}Qualifier`),
    validFrom: text('validFrom') ?? VALID_TIME_MIN,
    validTo: text('validTo') ?? VALID_TIME_MAX,
    links,
  };
}
