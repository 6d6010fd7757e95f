/**
 * The console's read-only rule as a function of the database's plan (server/db/readOnlyPlan.ts),
 * on plans shaped as Neo4j 5.26 reports them; the integration tests run the same rule on real plans.
 */
import { describe, expect, it } from 'vitest';
import { describeQueryError, refusalOf, type PlanStep } from '../../server/db/readOnlyPlan.ts';

const step = (operatorType: string, children: PlanStep[] = [], Details = ''): PlanStep => ({
  operatorType,
  arguments: { Details },
  children,
});
const results = (...children: PlanStep[]) => step('ProduceResults@neo4j', children);

describe('refusalOf', () => {
  it('lets a read through', () => {
    expect(refusalOf('r', results(step('Expand(All)@neo4j', [step('NodeIndexSeek@neo4j')])), 'neo4j')).toBeNull();
  });

  it('lets allow-listed procedures through, and refuses others even when the database calls them reads', () => {
    const call = (details: string) => results(step('ProcedureCall@neo4j', [], details));
    expect(refusalOf('r', call('db.labels() :: (label :: STRING)'), 'neo4j')).toBeNull();
    expect(refusalOf('r', call('db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)'), 'neo4j')).toBeNull();
    expect(refusalOf('r', call('db.awaitIndexes() :: ()'), 'neo4j')).toMatch(/db\.awaitIndexes/);
  });

  it.each([
    ['LoadCSV@neo4j', /LOAD CSV/],
    ['TransactionApply@neo4j', /IN TRANSACTIONS/],
    ['TransactionForeach@neo4j', /IN TRANSACTIONS/],
    ['ShowTransactions@neo4j', /command/],
    ['TerminateTransactions@neo4j', /command/],
    ['AdministrationCommand@system', /another database|administration/],
  ])('refuses a plan with %s even when the database calls it a read', (operator, why) => {
    expect(refusalOf('r', results(step(operator)), 'neo4j')).toMatch(why);
  });

  it.each([
    ['rw', /writes/],
    ['w', /writes/],
    ['s', /schema/],
    [undefined, /kind/],
  ])('refuses query type %s', (queryType, why) => {
    expect(refusalOf(queryType, results(step('AllNodesScan@neo4j')), 'neo4j')).toMatch(why);
  });

  it('refuses a query without a plan', () => {
    expect(refusalOf('r', false, 'neo4j')).toMatch(/no plan/);
  });
});

describe('describeQueryError', () => {
  const message = `Invalid input 'RETURN': expected ... (line 2, column 18 (offset: 25))\n"EXPLAIN\nMATCH (n RETURN n"\n                  ^`;

  it('moves the position back past the EXPLAIN line and drops the echo of the query', () => {
    expect(describeQueryError(message, { lines: 1, length: 8 })).toEqual({
      message: `Invalid input 'RETURN': expected ... (line 1, column 18)`,
      position: { line: 1, column: 18, offset: 17 },
    });
  });

  it('points at the start when the database places the error in the EXPLAIN line', () => {
    const inPrefix = 'Expected exactly one statement per query but got: 2 (line 1, column 0 (offset: 8))';
    expect(describeQueryError(inPrefix, { lines: 1, length: 8 }).position).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('keeps a message without a position as it is', () => {
    expect(describeQueryError('/ by zero')).toEqual({ message: '/ by zero', position: undefined });
  });
});
