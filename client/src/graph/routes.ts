/**
 * Shortest paths as ROUTES, for the paths panel: a route is a sequence of nodes, and each of its steps
 * holds every link between two consecutive nodes (five parallel claims are one step, "5 links").
 * The API already answers in routes (contract/api.ts pathsResponse); routesOf also merges any two
 * answers with the same nodes, so a route is never listed twice. Pure.
 */
import type { PathsResponse } from '../../../contract/api.ts';

/** What a step needs to know of a link: its ends and its type. */
export interface StepLink {
  source: string;
  target: string;
  type: string;
}

export interface Route {
  nodes: string[];
  /** steps[i]: the ids of every link between nodes[i] and nodes[i + 1]. */
  steps: string[][];
}

/** The distinct routes of a paths answer, in the order they first appear, parallel links merged. */
export function routesOf(paths: PathsResponse['paths']): Route[] {
  const byNodes = new Map<string, Route>();
  for (const p of paths) {
    const steps = p.steps.length === p.nodes.length - 1 ? p.steps : p.edges.map((e) => [e]);
    const key = JSON.stringify(p.nodes);
    const known = byNodes.get(key);
    if (!known) {
      byNodes.set(key, { nodes: [...p.nodes], steps: steps.map((s) => [...s]) });
      continue;
    }
    steps.forEach((ids, i) => {
      const step = known.steps[i];
      if (step) for (const id of ids) if (!step.includes(id)) step.push(id);
    });
  }
  return [...byNodes.values()];
}

/** Every node and link of a route, to highlight it. */
export function routeIds(route: Route): string[] {
  return [...route.nodes, ...route.steps.flat()];
}

/** The two nodes of a step and all its links, to highlight them. */
export function stepIds(route: Route, step: number): string[] {
  return [route.nodes[step]!, route.nodes[step + 1]!, ...(route.steps[step] ?? [])];
}

/**
 * The link part of a step in words, with its direction: " —member of→ ", " ←led by— ", and for
 * parallel links their types and number: " —fought (5 links)→ ". `from` is the node the step leaves.
 */
export function stepWords(links: readonly StepLink[], from: string, words: (type: string) => string): string {
  if (links.length === 0) return ' —?→ ';
  const types = [...new Set(links.map((l) => words(l.type)))].join(', ');
  const count = links.length > 1 ? ` (${links.length} links)` : '';
  const forward = links.every((l) => l.source === from);
  const backward = links.every((l) => l.source !== from);
  if (forward) return ` —${types}${count}→ `;
  if (backward) return ` ←${types}${count}— `;
  return ` —${types}${count}— `;
}

/** A route in words: "A —member of→ B ←fought (5 links)— C". */
export function routeText(
  route: Route,
  edges: ReadonlyMap<string, StepLink>,
  name: (id: string) => string,
  words: (type: string) => string,
): string {
  let text = name(route.nodes[0] ?? '');
  route.steps.forEach((ids, i) => {
    const links = ids.map((id) => edges.get(id)).filter((e) => e !== undefined);
    text += stepWords(links, route.nodes[i]!, words) + name(route.nodes[i + 1] ?? '');
  });
  return text;
}
