/**
 * Whether a console query could reach the team's workspace (contract/investigation.ts WORKSPACE_LABELS:
 * users, sessions, the audit trail, every analyst's investigations), decided from its plan like the
 * read-only check (readOnlyPlan.ts). Neo4j Community has one database and no access control below it,
 * so once several users share a server (AUTH=on) the console must not read what the API keeps from
 * them: `MATCH (u:User) RETURN u.passwordHash` or another analyst's unshared investigation.
 *
 * Withholding workspace values from results (consoleWorkspace.ts) cannot do it alone: a property read
 * one by one is a plain string. So the plan itself is checked. Workspace nodes are never linked to
 * anything, so a query reaches one only from a node lookup; a lookup passes only when it names labels
 * and none of them is a workspace label. Refused:
 *   - AllNodesScan (`MATCH (n)`, `MATCH (n:!Entity)`, dynamic labels `n:$(x)`, which plan as one),
 *   - NodeByIdSeek and NodeByElementIdSeek (`WHERE id(n) = 7` reaches any node),
 *   - any operator whose details name a workspace label (`n:User`, `UNIQUE n:User(username)`,
 *     `count( (:User) )`, `n:Entity|User`),
 *   - a count of all nodes from the count store (`MATCH (n) RETURN count(n)`), which counts accounts,
 *     sessions and audit entries with the rest.
 * Relationship scans and expansions pass: they only reach linked nodes, and no workspace node is linked.
 */
import { WORKSPACE_LABELS } from '../../contract/investigation.ts';
import type { PlanStep } from './readOnlyPlan.ts';

const UNLABELLED_LOOKUPS = new Set(['AllNodesScan', 'PartitionedAllNodesScan', 'NodeByIdSeek', 'NodeByElementIdSeek']);

const WORKSPACE = new Set<string>(WORKSPACE_LABELS);
/** A label in a plan's details: `:Name` or `:`Name``, also inside `A|B`, `A&!B` label expressions. */
const LABEL = /[:|&!]\s*`?([A-Za-z_][A-Za-z0-9_]*)`?/g;

/** Why the plan could reach the workspace, or null when it only reaches the network. */
export function workspaceReachOf(plan: PlanStep): string | null {
  for (const step of steps(plan)) {
    const operator = step.operatorType.split('@')[0] ?? '';
    if (UNLABELLED_LOOKUPS.has(operator)) {
      return (
        `looks nodes up without a label (${operator}), which could reach the team's workspace (accounts, ` +
        'the audit trail, investigations); start from a label of the network, e.g. MATCH (n:Entity) or ' +
        'MATCH (f:Faction)'
      );
    }
    const details = step.arguments?.Details;
    if (typeof details !== 'string') continue;
    // `MATCH (n) RETURN count(n)` is answered from the count store, `count( () )`: it counts the
    // workspace too, and how many accounts and sessions there are is not the network's business.
    if (operator === 'NodeCountFromCountStore' && /count\(\s*\(\s*\)\s*\)/.test(details)) {
      return "counts nodes without a label, the team's workspace among them; count a label of the network, e.g. MATCH (n:Entity) RETURN count(n)";
    }
    for (const [, label] of details.matchAll(LABEL)) {
      if (label && WORKSPACE.has(label)) {
        return `reads :${label} nodes, which hold the team's workspace, not the network`;
      }
    }
  }
  return null;
}

function* steps(plan: PlanStep): Generator<PlanStep> {
  yield plan;
  for (const child of plan.children ?? []) yield* steps(child);
}
