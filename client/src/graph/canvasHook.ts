/**
 * window.__atlas: a small, stable hook for end-to-end tests and the console, set by graph/canvasCore.ts.
 * Read-only but for showElements, which draws elements as a console result does (tests use it to
 * draw large views), and openSaved/replay, which do what the investigations panels will. `model()` is
 * the view model's saved form (contract/investigation.ts `investigationView`) and `viewport()` the
 * window as Cytoscape has it, so a test can check that a reopened investigation is exactly where it
 * was saved.
 */
import type { Core } from 'cytoscape';
import type { Elements } from '../../../contract/api.ts';
import type { InvestigationView } from '../../../contract/investigation.ts';
import type { ElementLists, Viewport } from '../model/modelTypes.ts';
import { clickablePoint, clientPosition, panHandle } from './interaction.ts';
import { resizePending } from './keepInView.ts';
import { labelAsDrawn } from './labelDetail.ts';
import { offThreadLayoutRunning } from './offThreadLayout.ts';
import type { RendererChoice } from './renderer.ts';

/** What the hook reads from the canvas: the instance now (it is rebuilt for large views) and the rest. */
export interface HookSource {
  cy(): Core;
  renderer(): RendererChoice;
  working(): number;
  model(): InvestigationView;
  showElements(els: Pick<Elements, 'nodes' | 'edges'>, how: { replace: boolean }): Promise<void>;
  openSaved(view: InvestigationView, snapshot: ElementLists): Promise<void>;
  snapshotElements(): ElementLists;
  replay(stepId: string): Promise<boolean>;
}

/** Installs window.__atlas. */
export function installHook(src: HookSource): void {
  const cy = () => src.cy();
  let watched: Core | null = null;
  let restyled = 0;
  Object.assign(window, {
    __atlas: {
      nodeIds: () =>
        cy()
          .nodes()
          .map((n) => n.id()),
      nodes: () =>
        cy()
          .nodes()
          .map((n) => ({
            id: n.id(),
            label: n.data('label') as string,
            name: n.data('name') as string,
            position: { ...n.position() },
          })),
      edges: () =>
        cy()
          .edges()
          .map((e) => ({
            id: e.id(),
            source: e.data('source') as string,
            target: e.data('target') as string,
            type: e.data('type') as string,
          })),
      edgeIds: () =>
        cy()
          .edges()
          .map((e) => e.id()),
      /** Each link's drawn label and the middle of its drawn line (parallel claims share one line). */
      edgeLooks: () =>
        cy()
          .edges()
          .map((e) => ({ id: e.id(), label: String(e.style('label') ?? ''), midpoint: e.midpoint() })),
      visibleNodeIds: () =>
        cy()
          .nodes(':visible')
          .map((n) => n.id()),
      visibleEdgeIds: () =>
        cy()
          .edges(':visible')
          .map((e) => e.id()),
      clientPosition: (id: string) => clientPosition(cy(), id),
      /** A page point where a click lands on this element (or its bundle), and the id it lands on (null: covered). */
      clickablePoint: (id: string) => clickablePoint(cy(), id),
      /** The canvas's page box, and a free point on it to drag the view from. */
      panHandle: () => {
        const { box, free } = panHandle(cy());
        return { box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom }, free };
      },
      renderer: () => ({ ...src.renderer() }),
      zoom: () => cy().zoom(),
      /** The window as drawn: zoom and pan (CSS pixels). */
      viewport: (): Viewport => ({ zoom: cy().zoom(), pan: { ...cy().pan() } }),
      /** The view model as an investigation saves it. */
      model: () => src.model(),
      classesOf: (id: string) => cy().getElementById(id).classes(),
      selectedIds: () =>
        cy()
          .elements(':selected')
          .map((e) => e.id()),
      showElements: (els: Pick<Elements, 'nodes' | 'edges'>, how: { replace: boolean }) => src.showElements(els, how),
      /** Reopens a saved view exactly (graph/canvasSaved.ts `openSaved`). */
      openSaved: (view: InvestigationView, snapshot: ElementLists) => src.openSaved(view, snapshot),
      /** The elements as drawn, as a save's snapshot holds them. */
      snapshotElements: () => src.snapshotElements(),
      /** Runs a provenance step again (graph/canvas.ts `replay`). */
      replay: (stepId: string) => src.replay(stepId),
      /** A node's or link's label as drawn now: its text, and whether it is drawn at this zoom. */
      label: (id: string) => labelAsDrawn(cy(), id),
      /**
       * Starts counting the elements Cytoscape restyles (its 'style' event, one per element) on the
       * instance drawn now; `restyled()` reads the count since. Tests prove with it that moving the
       * view restyles only what changed, not every element of a large view.
       */
      watchRestyles: () => {
        restyled = 0;
        const now = cy();
        if (watched === now) return;
        watched = now;
        now.on('style', () => void (watched === now && restyled++));
      },
      restyled: () => restyled,
      /** A force layout is being computed in the worker (the page must still answer meanwhile). */
      layoutRunning: () => offThreadLayoutRunning(),
      /** Nothing being fetched, laid out, animated or about to follow a resize: the view is settled. */
      idle: () =>
        src.working() === 0 &&
        !resizePending(cy()) &&
        !cy().animated() &&
        cy()
          .nodes()
          .filter((n) => n.animated())
          .empty(),
    },
  });
}
