/**
 * The analysts' workspace (contract/investigation.ts WORKSPACE_LABELS: investigations, their revisions,
 * the import lock) kept out of console results: the console shows the network only. A row whose value
 * is a workspace node, or a relationship or path touching one, is left out whole; inside a list such a
 * value is dropped, inside a map its key. What is left out is counted, for the notice the console
 * shows. Counting itself cannot be hidden: `MATCH (n) RETURN count(n)` counts them (one database, no
 * access control in Neo4j Community); their properties read one by one (`RETURN n.title`) are plain
 * values, and are not hidden either.
 */
import neo4j, { type Node } from 'neo4j-driver';
import type { CypherResponse } from '../../contract/console.ts';
import { WORKSPACE_LABELS } from '../../contract/investigation.ts';

const WORKSPACE = new Set<string>(WORKSPACE_LABELS);

/** Whether a node belongs to the workspace rather than the network. */
export const isWorkspaceNode = (node: Node): boolean => node.labels.some((l) => WORKSPACE.has(l));

/**
 * `rows` (one array of driver values per record) without workspace values, and how many were left out.
 * `workspaceIds` are the elementIds of the workspace nodes among the result's nodes and the end nodes
 * of its relationships (db/consoleResult.ts ResultGraph.workspaceNodeIds).
 */
export function withholdWorkspace(rows: unknown[][], workspaceIds: ReadonlySet<string>) {
  let withheld = 0;
  const touches = (value: unknown): boolean => {
    if (neo4j.isNode(value)) return workspaceIds.has(value.elementId) || isWorkspaceNode(value);
    if (neo4j.isRelationship(value)) {
      return workspaceIds.has(value.startNodeElementId) || workspaceIds.has(value.endNodeElementId);
    }
    if (neo4j.isPath(value)) return [value.start, ...value.segments.map((s) => s.end)].some(touches);
    return false;
  };
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const kept = value.filter((v) => !touches(v));
      withheld += value.length - kept.length;
      return kept.map(clean);
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const entries = Object.entries(value as Record<string, unknown>);
      const kept = entries.filter(([, v]) => !touches(v));
      withheld += entries.length - kept.length;
      return Object.fromEntries(kept.map(([k, v]) => [k, clean(v)]));
    }
    return value;
  };
  const kept: unknown[][] = [];
  for (const row of rows) {
    if (row.some(touches)) withheld += 1;
    else kept.push(row.map(clean));
  }
  return { rows: kept, withheld };
}

/** The notice a result carries when workspace values were left out of it; null when none were. */
export function withheldNotice(withheld: number): CypherResponse['summary']['notifications'][number] | null {
  if (withheld === 0) return null;
  return {
    code: 'FactionAtlas.WorkspaceWithheld',
    title: 'Workspace left out',
    description:
      `${withheld} ${withheld === 1 ? 'value' : 'values'} holding the analysts' workspace (investigations, ` +
      'their revisions, the import lock) left out: the console shows the network only.',
    severity: 'INFORMATION',
    position: null,
  };
}
