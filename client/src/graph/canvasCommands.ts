/**
 * The scene's commands (part of graph/canvas.ts): each changes the view model's recipe or base as one
 * undo step and redraws. Those that bring elements (a search's node, an expansion, paths, a lineage,
 * a console query) record a provenance step in the model with what replays it, and attribute to it
 * the elements it brought: its own answer's elements and whatever it newly drew.
 */
import type { Elements, PathsResponse } from '../../../contract/api.ts';
import type { RelationshipType } from '../../../contract/model.ts';
import type { StepInput } from '../model/provenance.ts';
import {
  cloneViewState,
  sameExpansion,
  type Direction,
  type Expansion,
  type LayoutName,
  type PathSpec,
} from '../state/viewState.ts';
import { emptiedKeeping, mergeInto } from './canvasParts.ts';
import { CanvasSettings } from './canvasSettings.ts';
import { runLayout } from './layouts.ts';
import { emptySet, type ElementSet, type Truncation } from './loader.ts';

export abstract class CanvasCommands extends CanvasSettings {
  /**
   * Runs `work` (a command that brings elements) and records `step` in the model with the elements
   * it brought: those of `own()` (its answer) now drawn, and every element drawn now and not before.
   */
  protected async bringing(step: StepInput, own: () => Iterable<string>, work: () => Promise<void>): Promise<void> {
    if (this.refusedReadOnly()) return;
    const before = new Set(this.cy.elements().map((e) => e.id()));
    await work();
    const brought = new Set<string>();
    for (const id of own()) if (this.cy.getElementById(id).nonempty()) brought.add(id);
    this.cy.elements().forEach((e) => void (before.has(e.id()) ? 0 : brought.add(e.id())));
    this.model.addStep(step, brought);
  }

  /** Adds a node found by name and centres it. `text`: what the analyst searched (for provenance). */
  async addNode(id: string, how: { text?: string } = {}): Promise<void> {
    const text = (how.text ?? id).slice(0, 200);
    await this.bringing(
      { kind: 'search', text, node: id },
      () => [id],
      () =>
        this.commit((s) => {
          s.lineage = null;
          if (!s.added.includes(id)) s.added.push(id);
          s.removed = s.removed.filter((r) => r !== id);
          s.hidden = s.hidden.filter((h) => h !== id);
        }),
    );
    this.focusOn(id);
  }

  async expandNeighbourhood(
    id: string,
    how: { depth?: number; direction?: Direction; types?: RelationshipType[] | null } = {},
  ): Promise<void> {
    await this.expandWith({
      id,
      depth: how.depth ?? 1,
      direction: how.direction ?? 'both',
      types: how.types ?? null,
      limit: this.state.pageSize,
    });
  }

  /** Expands as `exp` says (an expansion replayed keeps its own limit). */
  protected async expandWith(exp: Expansion): Promise<void> {
    if (this.refusedReadOnly()) return;
    // Expanding again brings back neighbours the analyst had removed, so look first at what comes.
    this.working++;
    const { elements } = await this.loader
      .expansion(exp, this.state.asOf, this.state.knownOn)
      .catch((err: Error) => {
        this.emit('problem', `Neighbours of ${exp.id}: ${err.message}`);
        return { elements: null };
      })
      .finally(() => this.working--);
    if (!elements) return;
    const arriving = new Set([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    await this.bringing(
      { kind: 'expansion', expansion: structuredClone(exp) },
      () => arriving,
      () =>
        this.commit((s) => {
          s.lineage = null;
          if (!s.expansions.some((e) => sameExpansion(e, exp))) s.expansions.push(exp);
          s.removed = s.removed.filter((r) => !arriving.has(r));
          s.hidden = s.hidden.filter((h) => !arriving.has(h));
        }),
    );
    this.focusOn(exp.id, false);
  }

  /** Fetches what a node's expansions left out ("N more": one count for all of them, so all are lifted). */
  fetchMore(truncation: Truncation): Promise<void> {
    const id = truncation.expansion.id;
    return this.commit((s) => {
      for (const e of s.expansions) if (e.id === id) e.limit = null;
    });
  }

  removeSelection(): Promise<void> {
    const ids = this.cy.elements(':selected').map((e) => e.id());
    if (ids.length === 0) return Promise.resolve();
    const gone = new Set(ids);
    return this.commit((s) => {
      s.removed = [...new Set([...s.removed, ...ids])];
      s.added = s.added.filter((id) => !gone.has(id));
      s.hidden = s.hidden.filter((id) => !gone.has(id));
      s.pinned = s.pinned.filter((id) => !gone.has(id));
      s.focus = null;
    }, 'none');
  }

  hideSelection(): Promise<void> {
    const ids = this.cy.elements(':selected').map((e) => e.id());
    if (ids.length === 0 || this.refusedReadOnly()) return Promise.resolve();
    this.cy.elements(':selected').unselect();
    return this.commit((s) => {
      s.hidden = [...new Set([...s.hidden, ...ids])];
    }, 'none');
  }

  showHidden(): Promise<void> {
    return this.commit((s) => {
      s.hidden = [];
    }, 'none');
  }

  /** Pins the selected nodes where they are (layouts leave them alone), or unpins them if all are pinned. */
  togglePinSelection(): Promise<void> {
    const ids = this.cy.nodes(':selected').map((n) => n.id());
    if (ids.length === 0) return Promise.resolve();
    const allPinned = ids.every((id) => this.state.pinned.includes(id));
    return this.commit((s) => {
      s.pinned = allPinned ? s.pinned.filter((id) => !ids.includes(id)) : [...new Set([...s.pinned, ...ids])];
    }, 'none');
  }

  /** Removes every node that is neither selected nor linked to the selection. */
  keepOnlyNeighbourhood(): Promise<void> {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return Promise.resolve();
    const keep = selected.closedNeighborhood().nodes();
    const gone = this.cy
      .nodes()
      .difference(keep)
      .map((n) => n.id());
    return this.commit((s) => {
      s.removed = [...new Set([...s.removed, ...gone])];
      s.added = s.added.filter((id) => !gone.includes(id));
    }, 'none');
  }

  async runLayout(name: LayoutName): Promise<void> {
    if (
      !this.model.changeRecipe((s) => {
        s.layout = name;
      })
    )
      return;
    await runLayout(this.cy, name);
    this.syncPositions();
  }

  /** Shortest paths between two nodes, added to the view and highlighted. */
  async findPaths(from: string, to: string, maxLength: number): Promise<PathsResponse | null> {
    const spec: PathSpec = { from, to, maxLength };
    const own = () => (this.pathsShown?.answer.paths ?? []).flatMap((p) => [...p.nodes, ...p.edges]);
    await this.bringing({ kind: 'path', path: { ...spec } }, own, () =>
      this.commit((s) => {
        s.lineage = null;
        s.paths = [...s.paths.filter((p) => p.from !== from || p.to !== to), spec];
      }),
    );
    this.highlightPath('all');
    return this.pathsShown?.answer ?? null;
  }

  /** Forgets the paths and their highlight (nothing stays dimmed). */
  async clearPaths(): Promise<void> {
    await this.commit((s) => {
      s.paths = [];
    }, 'none');
    this.highlightPath(null);
  }

  openLineage(id: string): Promise<void> {
    const own = () => [...(this.lineageShown?.nodes ?? []), ...(this.lineageShown?.edges ?? [])].map((e) => e.data.id);
    return this.bringing({ kind: 'lineage', node: id }, own, () =>
      this.commit((s) => {
        s.lineage = id;
        s.focus = id;
      }),
    );
  }

  closeLineage(): Promise<void> {
    return this.commit((s) => {
      s.lineage = null;
    });
  }

  /**
   * Draws what a Cypher console query returned, added to the view or instead of it (keeping the date,
   * filters and layout). Like an imported file it joins the view's base, not its recipe: a shared link
   * does not carry it. `query`: the text and parameters that returned it, recorded as its provenance.
   */
  async showElements(
    els: Pick<Elements, 'nodes' | 'edges'>,
    how: { replace: boolean },
    query?: { text: string; params: Record<string, unknown> },
  ): Promise<void> {
    if (!this.model.checkpoint()) return; // before the base changes: undo brings the old one back
    const base: ElementSet = emptySet();
    if (this.base && !how.replace) mergeInto(base, this.base);
    for (const n of els.nodes) base.nodes.set(n.data.id, n.data);
    for (const e of els.edges) base.edges.set(e.data.id, e.data);
    const arriving = new Set([...els.nodes.map((n) => n.data.id), ...els.edges.map((e) => e.data.id)]);
    this.model.setBase(base, { record: false });
    const draw = () =>
      this.commit(
        (s) => {
          if (how.replace) Object.assign(s, emptiedKeeping(s));
          s.lineage = null;
          s.removed = s.removed.filter((id) => !arriving.has(id));
          s.hidden = s.hidden.filter((id) => !arriving.has(id));
        },
        how.replace ? 'full' : 'incremental',
        false,
      );
    if (!query) return draw();
    await this.bringing(
      { kind: 'query', text: query.text, params: structuredClone(query.params) },
      () => arriving,
      draw,
    );
  }

  /** Empties the canvas, keeping the date, filters and layout. */
  async clear(): Promise<void> {
    if (!this.model.checkpoint()) return;
    this.model.setBase({ nodes: new Map(), edges: new Map() }, { record: false });
    await this.commit((s) => void Object.assign(s, emptiedKeeping(cloneViewState(s))), 'none', false);
    // What was selected is gone with everything else: the details and the selection tools follow.
    this.highlightPath(null);
    this.selectionChanged();
  }
}
