/**
 * One measurement of the client benchmark (bench/client.ts): a fresh page of the built app, forced to
 * one renderer (`?renderer=canvas|webgl`, client/src/graph/renderer.ts), draws a generated view
 * (bench/client/elements.ts) through the canvas's test hook, and is panned and zoomed with real mouse
 * drags and wheel turns (Chromium input events, as a hand makes them) twice: while the force layout
 * runs in its worker, and once it has finished. In-page timing is bench/client/probe.ts.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { benchElements } from './elements.ts';
import { type FrameFigures, frameFigures, type LongTaskFigures, longTaskFigures, quantile, round } from './frames.ts';
import { PROBE_SCRIPT } from './probe.ts';

export type RendererName = 'canvas' | 'webgl';

export interface Settings {
  /** Seconds of panning and zooming in each phase. */
  gestureSeconds: number;
  /** Longest wait for the worker's layout to finish before the second phase, seconds. */
  layoutWaitSeconds: number;
  seed: number;
}

export interface Phase {
  frames: FrameFigures;
  longTasks: LongTaskFigures;
  /** Drags that moved the view (a drag that starts on a node moves the node instead). */
  pans: string;
  /** Lowest and highest zoom the wheel turns reached; null when the phase ended before any turn. */
  zoom: [number, number] | null;
  /** Whether the worker's layout was still running when the phase ended. */
  layoutRunning: boolean;
}

export interface ViewResult {
  nodes: number;
  edges: number;
  renderer: RendererName;
  /** What the canvas reported using (window.__atlas.renderer()). */
  used: { large: boolean; webgl: boolean };
  /** Frame gap on the idle page before drawing, ms: the display's frame budget. */
  idleFrameMs: number;
  /** From showElements being called to the elements in Cytoscape (counted in the status bar), ms. */
  elementsInMs: number;
  /** From showElements being called to the first frame produced with them, ms. */
  firstFrameMs: number;
  /** From showElements being called to the worker's layout applied; null if not done in time. */
  layoutMs: number | null;
  duringLayout: Phase;
  afterLayout: Phase | null;
  /** Long tasks from showElements being called to the end of the run. */
  longTasks: LongTaskFigures;
  /** The machine's 1-minute load average before and after (2 cores: above 2, others were using it too). */
  load: [number, number];
}

export type Rect = { x: number; y: number; width: number; height: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const viewport = (page: Page) =>
  page.evaluate('window.__atlas.viewport()') as Promise<{ zoom: number; pan: { x: number; y: number } }>;
const now = (page: Page) => page.evaluate('window.__bench.now()') as Promise<number>;

/**
 * Waits until the page expression `expr` is true, asking every `everyMs`; false after `timeoutMs`.
 * page.waitForFunction with a string evaluates it with eval, which the app's CSP refuses.
 */
export async function until(page: Page, expr: string, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expr))) {
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

/** The frame budget of this page: the median gap between frames while nothing happens. */
export async function idleFrameMs(page: Page): Promise<number> {
  await page.evaluate('window.__bench.frames.start()');
  await sleep(1000);
  const times = (await page.evaluate('window.__bench.frames.stop()')) as number[];
  return round(
    quantile(
      times.slice(1).map((t, i) => t - times[i]!),
      0.5,
    ),
    2,
  );
}

/**
 * Pans and zooms for `seconds`: a drag of 240 px from an empty spot and back, then five wheel turns in
 * and five out at that spot (zooming keeps the point under the pointer still, so it stays empty).
 */
export async function gestures(page: Page, canvas: Rect, seconds: number, budgetMs: number): Promise<Phase> {
  const spot = (await page.evaluate(`window.__bench.emptySpot(${JSON.stringify(canvas)})`)) as { x: number; y: number };
  const from = await now(page);
  await page.evaluate('window.__bench.frames.start()');
  const end = Date.now() + seconds * 1000;
  let drags = 0;
  let panned = 0;
  let zoom: [number, number] = [Number.POSITIVE_INFINITY, 0];
  const note = (z: number) => (zoom = [Math.min(zoom[0], z), Math.max(zoom[1], z)]);
  // Checked before every input: on a saturated page one input can take seconds to be handled.
  const more = () => Date.now() < end;
  while (more()) {
    for (const [a, b] of [
      [0, 240],
      [240, 0],
    ] as const) {
      if (!more()) break;
      const before = (await viewport(page)).pan.x;
      await page.mouse.move(spot.x + a, spot.y);
      await page.mouse.down();
      await page.mouse.move(spot.x + b, spot.y + (b - a) / 6, { steps: 12 });
      await page.mouse.up();
      drags++;
      if (Math.abs((await viewport(page)).pan.x - before) > 100) panned++;
    }
    for (const deltaY of [-40, -40, -40, -40, -40, 40, 40, 40, 40, 40]) {
      if (!more()) break;
      await page.mouse.wheel(0, deltaY);
      await sleep(30);
      note((await viewport(page)).zoom);
    }
  }
  const times = (await page.evaluate('window.__bench.frames.stop()')) as number[];
  const to = await now(page);
  const tasks = (await page.evaluate(`window.__bench.longTasks(${from}, ${to})`)) as { duration: number }[];
  return {
    frames: frameFigures(times, budgetMs),
    longTasks: longTaskFigures(tasks),
    pans: `${panned}/${drags}`,
    zoom: zoom[1] > 0 ? [round(zoom[0], 3), round(zoom[1], 3)] : null,
    layoutRunning: (await page.evaluate('window.__atlas.layoutRunning()')) as boolean,
  };
}

/** Draws `nodes` nodes (4× as many edges) with `renderer` on a fresh page of `url`, and measures it. */
export async function measureView(
  browser: Browser,
  url: string,
  nodes: number,
  renderer: RendererName,
  settings: Settings,
): Promise<ViewResult> {
  const loadBefore = round(loadavg()[0]!, 2);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(`${url}/?renderer=${renderer}`);
    await page.waitForSelector('[data-testid=graph-stats]');
    if (!(await until(page, 'window.__atlas && window.__atlas.idle()', 60_000)))
      throw new Error('The page never settled');
    const budgetMs = await idleFrameMs(page);
    // Measured now: once a large view is in, a saturated page may not answer a layout query for long.
    const canvas = await page.locator('#canvas').boundingBox();
    if (!canvas) throw new Error('The canvas is not on the page');
    const els = benchElements(nodes, settings.seed);
    await page.evaluate((e) => void Object.assign(window, { __benchEls: e }), els);
    const shown = (await page.evaluate(`window.__bench.show(${nodes})`)) as {
      t0: number;
      inMs: number;
      frameMs: number;
    };
    const used = (await page.evaluate('window.__atlas.renderer()')) as ViewResult['used'];

    const duringLayout = await gestures(page, canvas, settings.gestureSeconds, budgetMs);
    const finished = await until(page, 'window.__bench.layout().done !== null', settings.layoutWaitSeconds * 1000, 250);
    let afterLayout: Phase | null = null;
    if (finished) {
      await until(page, 'window.__atlas.idle()', 60_000);
      afterLayout = await gestures(page, canvas, settings.gestureSeconds, budgetMs);
    }
    const layout = (await page.evaluate('window.__bench.layout()')) as { done: number | null };
    const end = await now(page);
    const tasks = (await page.evaluate(`window.__bench.longTasks(${shown.t0}, ${end})`)) as { duration: number }[];
    return {
      nodes,
      edges: els.edges.length,
      renderer,
      used,
      idleFrameMs: budgetMs,
      elementsInMs: round(shown.inMs),
      firstFrameMs: round(shown.frameMs),
      layoutMs: layout.done === null ? null : round(layout.done - shown.t0),
      duringLayout,
      afterLayout,
      longTasks: longTaskFigures(tasks),
      load: [loadBefore, round(loadavg()[0]!, 2)],
    };
  } finally {
    await context.close();
  }
}
