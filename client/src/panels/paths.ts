/**
 * Shortest paths: pick two nodes (from the selection, the context menu or the details panel), ask for
 * the shortest paths between them (at the view's date), see them highlighted; pick one to show it alone.
 */
import { html, nothing, render } from 'lit';
import type { PathsResponse } from '../../../contract/api.ts';
import type { Canvas } from '../graph/canvas.ts';
import { TYPE_WORDS } from '../graph/style.ts';

export interface PathsControls {
  setFrom(id: string): void;
  setTo(id: string): void;
}

export function mountPaths(host: HTMLElement, canvas: Canvas): PathsControls {
  let from: string | null = null;
  let to: string | null = null;
  let maxLength = 4;
  let answer: PathsResponse | null = null;
  let chosen: number | 'all' = 'all';
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
    canvas.highlightPath(which);
    draw();
  }

  function endpoint(label: string, id: string | null, set: (id: string) => void, testid: string) {
    const selected = selection.length === 1 ? selection[0]! : null;
    return html`<div class="endpoint">
      <span class="endpoint-label">${label}</span>
      <span class="endpoint-name" dir="auto" data-testid=${testid}>${name(id) ?? '—'}</span>
      <button ?disabled=${!selected} @click=${() => selected && set(selected)}>Use selected</button>
    </div>`;
  }

  /** "A —member of→ B ←led by— C": each step with its relationship and direction. */
  function pathText(path: { nodes: string[]; edges: string[] }): string {
    const edges = new Map(answer?.edges.map((e) => [e.data.id, e.data]) ?? []);
    let text = name(path.nodes[0] ?? null) ?? '';
    path.edges.forEach((edgeId, i) => {
      const edge = edges.get(edgeId);
      const here = path.nodes[i];
      const words = edge ? TYPE_WORDS[edge.type] : '?';
      text += edge && edge.source !== here ? ` ←${words}— ` : ` —${words}→ `;
      text += name(path.nodes[i + 1] ?? null) ?? '';
    });
    return text;
  }

  function draw(): void {
    const paths = answer?.paths ?? [];
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
                ${paths.length === 0 ? `No path within ${maxLength} steps.` : `${paths.length} shortest path${paths.length === 1 ? '' : 's'}, ${paths[0]!.edges.length} step${paths[0]!.edges.length === 1 ? '' : 's'}`}
              </p>
              <ol class="path-list" data-testid="path-list">
                ${paths.map(
                  (p, i) => html`<li>
                    <button class=${chosen === i ? 'chosen' : ''} @click=${() => pick(i)} dir="auto">${pathText(p)}</button>
                  </li>`,
                )}
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
  canvas.on('paths', (shown) => {
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
