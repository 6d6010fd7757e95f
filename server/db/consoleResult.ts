/**
 * A console query's records as the console shows them: rows of JSON values, and the graph of every
 * node and relationship found anywhere in them (inside lists, maps and paths too). Relationships
 * know their end nodes only by elementId, so edges are drawn between the ids of the nodes seen;
 * end nodes missing from the result are looked up (`missingEndpoints`), so every edge can be drawn.
 */
import neo4j, { type Node, type Record as Neo4jRecord, type Relationship, type ResultSummary } from 'neo4j-driver';
import type { QueryPosition } from '../../contract/api.ts';
import type { CypherResponse, PlanOperator, QueryPlan } from '../../contract/console.ts';
import type { ExecutionMode } from './consoleMode.ts';
import { consoleValue } from './consoleValues.ts';
import { isWorkspaceNode, withholdWorkspace } from './consoleWorkspace.ts';
import { edgeData, idOf, isModelNode, nodeData, toJson } from './values.ts';

export class ResultGraph {
  private readonly nodes = new Map<string, Node>();
  private readonly relationships = new Map<string, Relationship>();

  /** Gathers the nodes and relationships inside a value, however deeply nested. */
  gather(value: unknown): void {
    if (neo4j.isNode(value)) this.nodes.set(value.elementId, value);
    else if (neo4j.isRelationship(value)) this.relationships.set(value.elementId, value);
    else if (neo4j.isPath(value)) {
      this.nodes.set(value.start.elementId, value.start);
      for (const segment of value.segments) {
        this.nodes.set(segment.end.elementId, segment.end);
        this.relationships.set(segment.relationship.elementId, segment.relationship);
      }
    } else if (Array.isArray(value)) {
      for (const v of value) this.gather(v);
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) this.gather(v);
    }
  }

  /** elementIds of relationships' end nodes that the result does not hold. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const r of this.relationships.values()) {
      for (const end of [r.startNodeElementId, r.endNodeElementId]) if (!this.nodes.has(end)) missing.add(end);
    }
    return [...missing];
  }

  addNodes(nodes: Node[]): void {
    for (const n of nodes) this.nodes.set(n.elementId, n);
  }

  /** elementIds of the workspace nodes (investigations…) among the nodes seen (consoleWorkspace.ts). */
  workspaceNodeIds(): Set<string> {
    return new Set([...this.nodes].filter(([, n]) => isWorkspaceNode(n)).map(([elementId]) => elementId));
  }

  /** A node's id as the client knows it: our `id` property (nodeData's rule), else its elementId. */
  readonly idOf = (elementId: string): string => {
    const node = this.nodes.get(elementId);
    return node ? idOf(node) : elementId;
  };

  /** The graph to draw: model nodes only (the app's bookkeeping nodes stay in the rows, as maps). */
  toJson(): CypherResponse['graph'] {
    const drawn = new Map([...this.nodes].filter(([, n]) => isModelNode(n)));
    return {
      nodes: [...drawn.values()].map((n) => ({ data: nodeData(n) })),
      edges: [...this.relationships.values()]
        .filter((r) => drawn.has(r.startNodeElementId) && drawn.has(r.endNodeElementId))
        .map((r) => ({ data: edgeData(r, this.idOf(r.startNodeElementId), this.idOf(r.endNodeElementId)) })),
    };
  }
}

/**
 * The records as the console's rows: every value typed as contract/console.ts says (consoleValues.ts),
 * the workspace's left out (consoleWorkspace.ts); `withheld` counts what was.
 */
export function rowsOf(
  records: Neo4jRecord[],
  columns: string[],
  graph: ResultGraph,
): { rows: unknown[][]; withheld: number } {
  const values = records.map((record) => columns.map((column) => record.get(column) as unknown));
  const { rows, withheld } = withholdWorkspace(values, graph.workspaceNodeIds());
  return { rows: rows.map((row) => row.map((value) => consoleValue(value, graph.idOf))), withheld };
}

/** Timings, notifications, and the plan or profile when the query asked for one (`mode`). */
export function summaryOf(summary: ResultSummary, mode: ExecutionMode | null = null): CypherResponse['summary'] {
  return {
    plan: mode ? planOf(summary, mode === 'PROFILE') : null,
    resultAvailableAfter: toNumber(summary.resultAvailableAfter),
    resultConsumedAfter: toNumber(summary.resultConsumedAfter),
    notifications: summary.notifications.map((n) => ({
      code: n.code,
      title: n.title,
      description: n.description,
      severity: n.rawSeverityLevel,
      position: positionOf(n.position),
    })),
  };
}

/** The parts of a driver plan (summary.plan, summary.profile) that the console shows. */
interface PlanStep {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanStep[];
  dbHits?: unknown;
  rows?: unknown;
}

/** The plan (EXPLAIN) or profile (PROFILE) as a list of operators, each followed by its children. */
export function planOf(summary: ResultSummary, profiled: boolean): QueryPlan | null {
  const root = (profiled ? summary.profile : summary.plan) as PlanStep | false;
  if (!root) return null;
  const operators: PlanOperator[] = [];
  const walk = (step: PlanStep, depth: number) => {
    const details = step.arguments.Details;
    operators.push({
      depth,
      operator: step.operatorType.split('@')[0] ?? step.operatorType,
      details: typeof details === 'string' ? details : '',
      estimatedRows: toNumber(step.arguments.EstimatedRows ?? 0),
      rows: profiled ? toNumber(step.rows ?? 0) : null,
      dbHits: profiled ? toNumber(step.dbHits ?? 0) : null,
    });
    for (const child of step.children ?? []) walk(child, depth + 1);
  };
  walk(root, 0);
  const runtime = root.arguments.runtime;
  return {
    profiled,
    runtime: typeof runtime === 'string' ? runtime : null,
    operators,
    totalDbHits: profiled ? operators.reduce((sum, o) => sum + (o.dbHits ?? 0), 0) : null,
  };
}

function positionOf(position: object): QueryPosition | null {
  const { line, column, offset } = position as Partial<QueryPosition>;
  const known = typeof line === 'number' && typeof column === 'number' && typeof offset === 'number';
  return known ? { line, column, offset } : null;
}

function toNumber(value: unknown): number {
  const json = toJson(value);
  return typeof json === 'number' ? json : Number(json);
}
