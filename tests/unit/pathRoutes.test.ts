/**
 * Shortest paths as routes (client/src/graph/routes.ts): one route per sequence of nodes, parallel
 * links merged into one step, and each step in words with its direction and its number of links.
 */
import { describe, expect, it } from 'vitest';
import { routeIds, routesOf, routeText, stepIds, stepWords } from '../../client/src/graph/routes.ts';

const words = (type: string) => type.toLowerCase().replace('_', ' ');
const KILLING = 'killing';
const edges = new Map([
  ['m', { source: 'jan', target: 'room', type: 'MEMBER_OF' }],
  ['p', { source: 'jan', target: KILLING, type: 'PARTICIPATED_IN' }],
  ...[1, 2, 3, 4, 5].map((n) => [`f${n}`, { source: 'jaa', target: KILLING, type: 'FOUGHT' }] as const),
]);

describe('routes', () => {
  it('merges answers with the same nodes into one route whose steps hold every parallel link', () => {
    const routes = routesOf([
      { nodes: ['jan', KILLING, 'jaa'], edges: ['p', 'f1'], steps: [['p'], ['f1']] },
      { nodes: ['jan', KILLING, 'jaa'], edges: ['p', 'f2', 'f3'], steps: [['p'], ['f2', 'f3']] },
      { nodes: ['jan', 'room', 'x'], edges: ['m', 'y'], steps: [['m'], ['y']] },
    ]);
    expect(routes).toEqual([
      { nodes: ['jan', KILLING, 'jaa'], steps: [['p'], ['f1', 'f2', 'f3']] },
      { nodes: ['jan', 'room', 'x'], steps: [['m'], ['y']] },
    ]);
    expect(routeIds(routes[0]!)).toEqual(['jan', KILLING, 'jaa', 'p', 'f1', 'f2', 'f3']);
    expect(stepIds(routes[0]!, 1)).toEqual([KILLING, 'jaa', 'f1', 'f2', 'f3']);
  });

  it('reads steps from the links when an answer gives none', () => {
    expect(routesOf([{ nodes: ['a', 'b', 'c'], edges: ['e1', 'e2'], steps: [] }])).toEqual([
      { nodes: ['a', 'b', 'c'], steps: [['e1'], ['e2']] },
    ]);
  });

  it('says each step with its direction, and parallel links with their number', () => {
    expect(stepWords([edges.get('m')!], 'jan', words)).toBe(' —member of→ ');
    expect(stepWords([edges.get('m')!], 'room', words)).toBe(' ←member of— ');
    const five = [1, 2, 3, 4, 5].map((n) => edges.get(`f${n}`)!);
    expect(stepWords(five, KILLING, words)).toBe(' ←fought (5 links)— ');
    expect(stepWords([edges.get('p')!, { source: KILLING, target: 'jan', type: 'FOUGHT' }], 'jan', words)).toBe(
      ' —participated in, fought (2 links)— ',
    );
    const route = { nodes: ['jan', KILLING, 'jaa'], steps: [['p'], ['f1', 'f2', 'f3', 'f4', 'f5']] };
    expect(routeText(route, edges, (id) => id.toUpperCase(), words)).toBe(
      'JAN —participated in→ KILLING ←fought (5 links)— JAA',
    );
  });
});
