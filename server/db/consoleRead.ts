/**
 * The two steps of a console run inside its READ transaction: the read-only check of the query's
 * plan, and the capped read of its records into rows and a graph (console.ts runs them).
 */
import type { Node, Record as Neo4jRecord, ResultSummary, Transaction } from 'neo4j-driver';
import type { ConsoleResult } from './console.ts';
import { EXPLAIN_PREFIX, planFailure, refused, refusedReach } from './consoleErrors.ts';
import type { ExecutionMode } from './consoleMode.ts';
import { ResultGraph, rowsOf, summaryOf } from './consoleResult.ts';
import { withheldNotice } from './consoleWorkspace.ts';
import { cypher } from './cypher.ts';
import { type PlanStep, refusalOf } from './readOnlyPlan.ts';
import { workspaceReachOf } from './workspaceReach.ts';

type Params = Record<string, unknown>;

/**
 * Plans the query (EXPLAIN, which runs nothing) in the run's own transaction and throws 403
 * QUERY_REFUSED unless the plan is read-only (readOnlyPlan.ts) and, with `networkOnly`, reaches no
 * workspace node (workspaceReach.ts); 400 when the database cannot plan it.
 */
export async function refuseUnlessReadOnly(
  tx: Transaction,
  planned: string,
  params: Params,
  database: string,
  networkOnly = false,
): Promise<void> {
  let summary: ResultSummary;
  try {
    summary = await tx.run(EXPLAIN_PREFIX + planned, params).summary();
  } catch (error) {
    throw planFailure(error);
  }
  const plan = summary.plan as PlanStep | false;
  const refusal = refusalOf(summary.queryType, plan, database);
  if (refusal) throw refused(`this one ${refusal}`);
  const reach = networkOnly && plan ? workspaceReachOf(plan) : null;
  if (reach) throw refusedReach(reach);
}

/**
 * Runs the query and reads at most `rowCap` records (leaving the loop discards the rest on the
 * server), then fetches the end nodes of returned relationships that no returned node brought, so
 * the result draws as a graph.
 */
export async function readCapped(
  tx: Transaction,
  query: string,
  params: Params,
  rowCap: number,
  mode: ExecutionMode | null,
): Promise<ConsoleResult> {
  const result = tx.run(query, params);
  const columns = (await result.keys()) as string[];
  const records: Neo4jRecord[] = [];
  let truncated = false;
  for await (const record of result) {
    if (records.length === rowCap) {
      // Leaving the loop discards the rest on the server; the summary is still reported.
      truncated = true;
      break;
    }
    records.push(record);
  }
  const summary = await result.summary();

  const graph = new ResultGraph();
  for (const record of records) {
    for (const value of record.values()) graph.gather(value);
  }
  const missing = graph.missingEndpoints();
  if (missing.length) {
    const ends = await tx.run(cypher('nodesByElementId'), { elementIds: missing });
    graph.addNodes(ends.records.map((r) => r.get('node') as Node));
  }
  const { rows, withheld } = rowsOf(records, columns, graph);
  const summaryOut = summaryOf(summary, mode);
  const notice = withheldNotice(withheld);
  if (notice) summaryOut.notifications.push(notice);
  return { columns, rows, truncated, graph: graph.toJson(), summary: summaryOut };
}
