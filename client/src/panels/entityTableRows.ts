/**
 * The entity table's rows when it lists what is drawn: the canvas's nodes (canvas.drawnElements()) as
 * the same rows the server answers for a label's list (contract/entities.ts EntityRow), filtered and
 * sorted here by the same rules, so both modes read and sort alike. `links` counts the drawn links.
 * Pure: no DOM, no canvas.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import type { EntityRow, EntitySort } from '../../../contract/entities.ts';
import { GRAPH_LABELS, type GraphLabel } from '../../../contract/model.ts';
import { lifetimeOf, VALID_TIME_MAX, VALID_TIME_MIN } from '../../../contract/validTime.ts';

const DATE_PROPERTIES: Partial<Record<GraphLabel, [string, string]>> = {
  Faction: ['founded', 'dissolved'],
  Event: ['date', 'endDate'],
};

/** Drawn nodes as rows (Source nodes, never drawn as network, are left out). */
export function drawnRows(drawn: { nodes: readonly NodeData[]; edges: readonly EdgeData[] }): EntityRow[] {
  const links = new Map<string, number>();
  for (const e of drawn.edges) {
    for (const end of new Set([e.source, e.target])) links.set(end, (links.get(end) ?? 0) + 1);
  }
  const rows: EntityRow[] = [];
  for (const node of drawn.nodes) {
    if (!(GRAPH_LABELS as readonly string[]).includes(node.label)) continue;
    const label = node.label as GraphLabel;
    const text = (key: string | undefined) => {
      const v = key === undefined ? undefined : node[key];
      return typeof v === 'string' && v !== '' ? v : null;
    };
    const [fromKey, toKey] = DATE_PROPERTIES[label] ?? [];
    rows.push({
      id: node.id,
      label,
      name: node.name,
      kind: text('kind'),
      from: text(fromKey),
      to: text(toKey),
      fromQualifier: text(fromKey && `${fromKey}Qualifier`),
      toQualifier: text(toKey && `${toKey}Qualifier`),
      ...lifetimeOf(node),
      links: links.get(node.id) ?? 0,
    });
  }
  return rows;
}

/** Rows whose name contains `text` (case-insensitive), of `label` when given. */
export function filterRows(rows: readonly EntityRow[], text: string, label: GraphLabel | null): EntityRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) => (label === null || r.label === label) && (!needle || r.name.toLowerCase().includes(needle)),
  );
}

/**
 * Rows sorted as the server sorts a label's list (cypher/entitiesList.cypher): by `sort`, unknown
 * values (no kind, an open end) last both ways, ties by name then id.
 */
export function sortRows(rows: readonly EntityRow[], sort: EntitySort, order: 'asc' | 'desc'): EntityRow[] {
  const key = (r: EntityRow): string | number | null => {
    switch (sort) {
      case 'name':
        return r.name.toLowerCase();
      case 'kind':
        return r.kind?.toLowerCase() ?? null;
      case 'validFrom':
        return r.validFrom === VALID_TIME_MIN ? null : r.validFrom;
      case 'validTo':
        return r.validTo === VALID_TIME_MAX ? null : r.validTo;
      case 'links':
        return r.links;
    }
  };
  const dir = order === 'asc' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const c = compare(a, b);
      if (c !== 0) return dir * c;
    }
    return compare(x.name.toLowerCase(), y.name.toLowerCase()) || compare(x.id, y.id);
  });
}
