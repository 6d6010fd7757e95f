/**
 * Shortest paths: pick two nodes (from the selection, the context menu or the details panel), ask for
 * the shortest paths between them (at the view's date), see them highlighted. They are listed as
 * distinct routes (graph/routes.ts), each with its steps; picking a route shows it alone, picking a
 * step highlights its two nodes and every parallel link between them ("5 links").
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { EdgeData, PathsResponse } from '../../../contract/api.ts';
import { typeWords } from '../graph/bundles.ts';
import type { Canvas } from '../graph/canvas.ts';
import { type Route, routeIds, routesOf, routeText, stepIds, stepWords } from '../graph/routes.ts';

export interface PathsControls {
  setFrom(id: string): void;
  setTo(id: string): void;
}

export function mountPaths(host: HTMLElement, canvas: Canvas): PathsControls {
  let from: string | null = null;
  let to: string | null = null;
  let maxLength = 4;
  let answer: PathsResponse | null = null;
  /** The highlighted route ('all': every one), or one step of a route. */
  let chosen: number | 'all' | { route: number; step: number } = 'all';
  let busy = false;
  let error: string | null = null;
  let selection: string[] = [];

  const name = (id: string | null) => (id ? (canvas.nodeName(id) ?? id) : null);

  async function find(): Promise<void> {
    if (!from || !to) return;
    busy = true;
    error = null;
    draw();
    try {
      answer = await canvas.findPaths(from, to, maxLength);
      chosen = 'all';
      if (!answer) error = 'The paths could not be fetched.';
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    busy = false;
    draw();
  }

  function pick(which: number | 'all'): void {
    chosen = which;
    if (which === 'all') canvas.highlightPath('all');
    else canvas.highlightElements(routeIds(routes()[which]!));
    draw();
  }

  function pickStep(route: number, step: number): void {
    chosen = { route, step };
    canvas.highlightElements(stepIds(routes()[route]!, step));
    draw();
  }

  const routes = (): Route[] => routesOf(answer?.paths ?? []);
  const edgeMap = () => new Map<string, EdgeData>(answer?.edges.map((e) => [e.data.id, e.data]) ?? []);

  function endpoint(label: string, id: string | null, set: (id: string) => void, testid: string) {
    const selected = selection.length === 1 ? selection[0]! : null;
    return html`<div class="endpoint">
      <span class="endpoint-label">${label}</span>
      <span class="endpoint-name" dir="auto" data-testid=${testid}>${name(id) ?? '—'}</span>
      <button ?disabled=${!selected} @click=${() => selected && set(selected)}>Use selected</button>
    </div>`;
  }

  /** A route and its steps, each a button: "A —member of→ B", "B ←fought (5 links)— C". */
  function routeItem(route: Route, i: number, edges: Map<string, EdgeData>): TemplateResult {
    const nameOf = (id: string) => name(id) ?? id;
    const isChosen = (step: number) =>
      typeof chosen === 'object' && chosen.route === i && chosen.step === step ? 'chosen' : '';
    return html`<li data-testid="route">
      <button class=${chosen === i ? 'chosen' : ''} @click=${() => pick(i)} dir="auto">
        ${routeText(route, edges, nameOf, typeWords)}
      </button>
      <ol class="route-steps">
        ${route.steps.map((ids, step) => {
          const links = ids.map((id) => edges.get(id)).filter((e) => e !== undefined);
          const from = route.nodes[step]!;
          return html`<li>
            <button data-testid="route-step" class=${isChosen(step)} @click=${() => pickStep(i, step)} dir="auto">
              ${nameOf(from)}${stepWords(links, from, typeWords)}${nameOf(route.nodes[step + 1]!)}
            </button>
          </li>`;
        })}
      </ol>
    </li>`;
  }

  function draw(): void {
    const paths = routes();
    const edges = edgeMap();
    const stepCount = paths[0]?.steps.length ?? 0;
    render(
      html`<h2>Paths</h2>
        ${endpoint(
          'From',
          from,
          (id) => {
            from = id;
            draw();
          },
          'path-from',
        )}
        ${endpoint(
          'To',
          to,
          (id) => {
            to = id;
            draw();
          },
          'path-to',
        )}
        ${
          selection.length === 2
            ? html`<button @click=${() => {
                from = selection[0]!;
                to = selection[1]!;
                draw();
              }}>Between the two selected</button>`
            : nothing
        }
        <label class="field">
          At most
          <select name="max-length" @change=${(e: Event) => (maxLength = Number((e.target as HTMLSelectElement).value))}>
            ${[1, 2, 3, 4, 5, 6].map((n) => html`<option value=${n} ?selected=${n === maxLength}>${n}</option>`)}
          </select>
          steps
        </label>
        <div class="actions">
          <button data-testid="find-paths" ?disabled=${!from || !to || from === to || busy} @click=${() => void find()}>
            ${busy ? 'Finding…' : 'Find paths'}
          </button>
          ${
            answer
              ? html`<button @click=${() => {
                  answer = null;
                  void canvas.clearPaths();
                  draw();
                }}>Clear</button>`
              : nothing
          }
        </div>
        ${error ? html`<p class="error">${error}</p>` : nothing}
        ${
          answer
            ? html`<p data-testid="paths-summary" aria-live="polite">
                ${paths.length === 0 ? `No path within ${maxLength} steps.` : `${paths.length} shortest route${paths.length === 1 ? '' : 's'}, ${stepCount} step${stepCount === 1 ? '' : 's'}`}
              </p>
              <ol class="path-list" data-testid="path-list">
                ${paths.map((route, i) => routeItem(route, i, edges))}
              </ol>
              ${paths.length > 1 ? html`<button @click=${() => pick('all')}>Highlight all</button>` : nothing}`
            : nothing
        }`,
      host,
    );
  }

  canvas.on('selection', () => {
    selection = canvas.selectedNodeIds();
    draw();
  });
  // An endpoint is a node on the canvas: when the canvas no longer holds it (cleared, removed), it goes.
  canvas.on('stats', () => {
    const gone = (id: string | null) => id !== null && canvas.nodeData(id) === null;
    if (!gone(from) && !gone(to)) return;
    if (gone(from)) from = null;
    if (gone(to)) to = null;
    draw();
  });
  canvas.on('paths', (shown) => {
    if (shown?.answer !== answer) chosen = 'all';
    if (!shown) {
      answer = null;
    } else {
      answer = shown.answer;
      from = shown.spec.from;
      to = shown.spec.to;
      maxLength = shown.spec.maxLength;
    }
    draw();
  });
  draw();
  return {
    setFrom: (id) => {
      from = id;
      draw();
    },
    setTo: (id) => {
      to = id;
      draw();
    },
  };
}
