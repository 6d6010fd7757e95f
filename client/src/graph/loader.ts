/**
 * Turns a view recipe (state/viewState.ts) into the elements to draw, through client/src/api.ts:
 * added nodes, expanded neighbourhoods (with the direction filter the API leaves to the client, and the
 * "N more" count when the API truncates), shortest paths, or a lineage; then completes the view with
 * every relationship among its nodes (one "relationships among" request). Answers are cached per
 * request so moving back and forth in time or undoing does not ask the server twice.
 */
import type { EdgeData, Elements, LineageResponse, NodeData, PathsResponse } from '../../../contract/api.ts';
import { ApiError, type Api } from '../api.ts';
import type { Expansion, PathSpec, ViewState } from '../state/viewState.ts';

export interface ElementSet {
  nodes: Map<string, NodeData>;
  edges: Map<string, EdgeData>;
}

/** An expansion the API cut short: `more` nodes were left out (`overflow`: and even more than that). */
export interface Truncation {
  expansion: Expansion;
  more: number;
  overflow: boolean;
  /** The ids of the nodes left out (as far as the API tells), so counts can leave out drawn ones. */
  missing?: string[];
}

export interface LoadedView {
  elements: ElementSet;
  truncations: Truncation[];
  lineage: LineageResponse | null;
  paths: { spec: PathSpec; answer: PathsResponse }[];
  problems: string[];
}

/** The most the API gives in one neighbourhood request. */
const MAX_LIMIT = 1000;
/** The most node ids one "relationships among" request takes (contract/api.ts). */
const MAX_AMONG = 20_000;

export function emptySet(): ElementSet {
  return { nodes: new Map(), edges: new Map() };
}

function addElements(set: ElementSet, els: Pick<Elements, 'nodes' | 'edges'>): void {
  for (const n of els.nodes) set.nodes.set(n.data.id, n.data);
  for (const e of els.edges) set.edges.set(e.data.id, e.data);
}

/**
 * The API expands in both directions; an outgoing (or incoming) expansion keeps the links that leave
 * (or reach) the nodes it has reached so far, step by step from the expanded node.
 */
export function keepDirection(els: Elements, exp: Expansion): Elements {
  if (exp.direction === 'both') return els;
  const reached = new Set([exp.id]);
  const kept = new Map<string, Elements['edges'][number]>();
  for (let step = 0; step < exp.depth; step++) {
    const frontier = new Set(reached);
    for (const e of els.edges) {
      const [near, far] = exp.direction === 'out' ? [e.data.source, e.data.target] : [e.data.target, e.data.source];
      if (frontier.has(near)) {
        kept.set(e.data.id, e);
        reached.add(far);
      }
    }
  }
  return {
    nodes: els.nodes.filter((n) => reached.has(n.data.id)),
    edges: [...kept.values()],
    truncated: els.truncated,
  };
}

export class Loader {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly api: Api) {}

  private cached<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const promise = fetcher();
    this.cache.set(key, promise);
    promise.catch(() => this.cache.delete(key)); // failures are retried next time
    if (this.cache.size > 400) this.cache.delete(this.cache.keys().next().value!);
    return promise;
  }

  /** Forgets every answer: the data may have changed (after an import, say). */
  clear(): void {
    this.cache.clear();
  }

  /** `knownOn` (here and below): as the graph stood then (contract/knownTime.ts); null for now. */
  node(id: string, knownOn: string | null = null): Promise<NodeData> {
    return this.cached(`node ${JSON.stringify([id, knownOn])}`, () => this.api.node(id, knownOn).then((d) => d.node));
  }

  private neighbours(exp: Expansion, asOf: string | null, limit: number, knownOn: string | null): Promise<Elements> {
    const key = `nb ${JSON.stringify([exp.id, exp.depth, exp.types, asOf, limit, knownOn])}`;
    return this.cached(key, () =>
      this.api.neighbours(exp.id, { depth: exp.depth, types: exp.types, asOf, knownOn, limit }),
    );
  }

  async expansion(
    exp: Expansion,
    asOf: string | null,
    knownOn: string | null = null,
  ): Promise<{ elements: Elements; truncation: Truncation | null }> {
    const firstLimit = exp.limit === null ? MAX_LIMIT : exp.limit + 1;
    const first = keepDirection(await this.neighbours(exp, asOf, firstLimit, knownOn), exp);
    if (!first.truncated) return { elements: first, truncation: null };
    if (exp.limit === null) {
      return { elements: first, truncation: { expansion: exp, more: 0, overflow: true, missing: [] } };
    }
    // Count what was left out: ask for everything the API will give and compare.
    const all = keepDirection(await this.neighbours(exp, asOf, MAX_LIMIT, knownOn), exp);
    const shown = new Set(first.nodes.map((n) => n.data.id));
    const missing = all.nodes.filter((n) => !shown.has(n.data.id)).map((n) => n.data.id);
    const more = missing.length;
    const truncation = more > 0 || all.truncated ? { expansion: exp, more, overflow: all.truncated, missing } : null;
    return { elements: first, truncation };
  }

  paths(spec: PathSpec, asOf: string | null, knownOn: string | null = null): Promise<PathsResponse> {
    const key = `paths ${JSON.stringify([spec, asOf, knownOn])}`;
    return this.cached(key, () => this.api.paths({ ...spec, asOf, knownOn }));
  }

  /** Every relationship among `ids` that holds on `asOf`: one request per set of nodes and date. */
  among(ids: Iterable<string>, asOf: string | null, knownOn: string | null = null): Promise<EdgeData[]> {
    const sorted = [...new Set(ids)].sort();
    const key = `among ${hashOf(JSON.stringify([sorted, asOf, knownOn]))}`;
    return this.cached(key, () =>
      this.api.relationshipsAmong({ ids: sorted, ...(asOf ? { asOf } : {}), ...(knownOn ? { knownOn } : {}) }),
    );
  }

  /**
   * Completes a view: adds every relationship between its nodes that holds at the date, however the
   * nodes got there (expanded, added, on a path, in a lineage, from the console). Asked once for all.
   */
  async connect(set: ElementSet, asOf: string | null, knownOn: string | null = null): Promise<void> {
    if (set.nodes.size < 2 || set.nodes.size > MAX_AMONG) return;
    for (const e of await this.among(set.nodes.keys(), asOf, knownOn)) if (!set.edges.has(e.id)) set.edges.set(e.id, e);
  }

  lineage(id: string, asOf: string | null, knownOn: string | null = null): Promise<LineageResponse> {
    return this.cached(`lineage ${JSON.stringify([id, asOf, knownOn])}`, () => this.api.lineage(id, { asOf, knownOn }));
  }

  /**
   * Everything a recipe draws at its date, on top of `base` (a view file's or the console's elements),
   * with every relationship among the gathered nodes. Parts that fail are reported, the rest still drawn.
   */
  async load(state: ViewState, base: ElementSet | null = null): Promise<LoadedView> {
    const view: LoadedView = { elements: emptySet(), truncations: [], lineage: null, paths: [], problems: [] };
    const report = (what: string) => (err: unknown) => {
      view.problems.push(`${what}: ${err instanceof ApiError ? err.message : String(err)}`);
    };
    if (state.lineage) {
      await this.lineage(state.lineage, state.asOf, state.knownOn).then(
        (answer) => {
          view.lineage = answer;
          addElements(view.elements, answer);
        },
        report(`Lineage of ${state.lineage}`),
      );
    } else await this.gather(state, view, report);
    if (base && !state.lineage) {
      for (const [id, n] of base.nodes) view.elements.nodes.set(id, n);
      for (const [id, e] of base.edges) view.elements.edges.set(id, e);
    }
    const removed = new Set(state.removed);
    withoutRemoved(view.elements, removed);
    await this.connect(view.elements, state.asOf, state.knownOn).catch(report('Links among the drawn nodes'));
    withoutRemoved(view.elements, removed);
    return view;
  }

  /** The recipe's added nodes, expansions and paths, fetched side by side. */
  private async gather(state: ViewState, view: LoadedView, report: (what: string) => (err: unknown) => void) {
    const tasks: Promise<void>[] = [];
    // Answers arrive in any order; slots keep truncations and paths in the recipe's order.
    const truncations: (Truncation | null)[] = state.expansions.map(() => null);
    const paths: (LoadedView['paths'][number] | null)[] = state.paths.map(() => null);
    for (const id of state.added) {
      tasks.push(
        this.node(id, state.knownOn).then((data) => void view.elements.nodes.set(id, data), report(`Node ${id}`)),
      );
    }
    state.expansions.forEach((exp, i) => {
      tasks.push(
        this.expansion(exp, state.asOf, state.knownOn).then(
          ({ elements, truncation }) => {
            addElements(view.elements, elements);
            truncations[i] = truncation;
          },
          report(`Neighbours of ${exp.id}`),
        ),
      );
    });
    state.paths.forEach((spec, i) => {
      tasks.push(
        this.paths(spec, state.asOf, state.knownOn).then(
          (answer) => {
            paths[i] = { spec, answer };
            addElements(view.elements, answer);
          },
          report(`Paths from ${spec.from} to ${spec.to}`),
        ),
      );
    });
    await Promise.all(tasks);
    view.truncations = truncations.filter((t): t is Truncation => t !== null);
    view.paths = paths.filter((p): p is LoadedView['paths'][number] => p !== null);
  }
}

/** A short, stable key for a long text (53-bit cyrb53), so a large view's node list is not a cache key. */
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + text.length.toString(36);
}

/** Drops what the analyst removed, and links left without both ends. */
export function withoutRemoved(set: ElementSet, removed: Set<string>): void {
  for (const id of removed) set.nodes.delete(id);
  for (const [id, e] of set.edges) {
    if (removed.has(id) || !set.nodes.has(e.source) || !set.nodes.has(e.target)) set.edges.delete(id);
  }
}
