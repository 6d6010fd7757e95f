/**
 * Whether an analyst's query may run in the console, decided from the plan the database itself
 * makes for it (EXPLAIN), never by reading the query text: the planner knows what a query does,
 * however it is spelt. A query passes only when
 *   - the database calls it read-only (`queryType` 'r': no writes, no schema or admin changes), and
 *   - no operator in its plan loads data from outside (LOAD CSV), commits on its own
 *     (CALL { } IN TRANSACTIONS), runs a command (SHOW …, TERMINATE …, admin), or works on another
 *     database (USE), and
 *   - every procedure it calls is on CONSOLE_PROCEDURES. Several procedures count as read-only and
 *     still act (db.awaitIndexes waits, db.prepareForReplanning and db.resampleOutdatedIndexes
 *     change statistics), hence a list of those that only read.
 * The query then runs in a READ transaction as well, where the database refuses any write.
 */
import type { QueryPosition } from '../../contract/api.ts';

/** Procedures that only read the graph or its schema. */
export const CONSOLE_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
] as const;

/** The parts of a driver plan (summary.plan) that the decision reads. */
export interface PlanStep {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanStep[];
}

const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'loads data from outside the database (LOAD CSV)',
  TransactionApply: 'commits in transactions of its own (CALL { } IN TRANSACTIONS)',
  TransactionForeach: 'commits in transactions of its own (CALL { } IN TRANSACTIONS)',
  AdministrationCommand: 'is an administration command',
};

/** Why the plan may not run in the console, or null when it may. */
export function refusalOf(
  queryType: string | undefined,
  plan: PlanStep | false | null,
  database: string,
): string | null {
  if (!plan) return 'has no plan the console can check';
  for (const step of steps(plan)) {
    const [operator = '', onDatabase] = step.operatorType.split('@');
    if (onDatabase !== undefined && onDatabase !== database) return `works on another database ("${onDatabase}")`;
    const refused = REFUSED_OPERATORS[operator];
    if (refused) return refused;
    if (/^(Show|Terminate)/.test(operator)) return `is a command (${operator}), not a query of the graph`;
    if (operator === 'ProcedureCall') {
      const name = procedureName(step);
      if (!name || !(CONSOLE_PROCEDURES as readonly string[]).includes(name)) {
        const allowed = CONSOLE_PROCEDURES.join(', ');
        return `calls the procedure ${name ?? '(unknown)'}, which is not one the console may call (${allowed})`;
      }
    }
  }
  if (queryType === 'r') return null;
  if (queryType === 's') return 'changes the schema or administers the database';
  if (queryType === 'w' || queryType === 'rw') return 'writes to the database';
  return `is of a kind the console does not run (${queryType ?? 'unknown'})`;
}

function* steps(plan: PlanStep): Generator<PlanStep> {
  yield plan;
  for (const child of plan.children ?? []) yield* steps(child);
}

/** "db.labels() :: (label :: STRING)" → "db.labels"; the planner writes the name without backticks. */
function procedureName(step: PlanStep): string | null {
  const details = step.arguments?.Details ?? step.arguments?.Signature;
  if (typeof details !== 'string') return null;
  return /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? null;
}

const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * The database's error message without its echo of the query, and the position it names. The
 * console plans `EXPLAIN\n` + query, so positions move back by that first line (`prefixLines`) and
 * its characters (`prefixLength`); an error placed in the prefix itself points at the start.
 */
export function describeQueryError(
  message: string,
  prefix = { lines: 0, length: 0 },
): { message: string; position: QueryPosition | undefined } {
  const match = POSITION.exec(message);
  if (!match) return { message: message.trim(), position: undefined };
  const [line, column, offset] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const inQuery = line > prefix.lines;
  const position: QueryPosition = inQuery
    ? { line: line - prefix.lines, column, offset: Math.max(0, offset - prefix.length) }
    : { line: 1, column: 1, offset: 0 };
  const text = message.slice(0, match.index).trim();
  return { message: `${text} (line ${position.line}, column ${position.column})`, position };
}
