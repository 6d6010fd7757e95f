/**
 * What the client benchmark runs inside the page (window.__bench), installed before the app's own
 * scripts run. Plain JavaScript in a string: functions handed to page.evaluate from tsx-compiled code
 * may carry the compiler's helpers (`__name`), which the page does not have.
 *
 * - `show(n)`: draws the elements put in `window.__benchEls` through the canvas's test hook
 *   (`window.__atlas.showElements`, as a console result is drawn) and resolves, in ms after the call
 *   (the data received): `inMs` when the status bar counts the `n` nodes (applied to Cytoscape, before
 *   the layout), `frameMs` when the first frame after that has been produced (the second
 *   requestAnimationFrame after the elements are in: the first runs before that frame is painted).
 * - `frames.start()` / `frames.stop()`: the start time of every frame between them
 *   (requestAnimationFrame timestamps, ms).
 * - `longTasks(from, to)`: main-thread tasks over 50 ms between two times (PerformanceObserver
 *   'longtask', https://w3c.github.io/longtasks/), observed from the page's start.
 * - `layout()`: when the worker's force layout was first seen running after `show`, and then seen
 *   finished (null until then; polled every 50 ms).
 * - `emptySpot(rect)`: a point in `rect` (CSS pixels, page coordinates) as far as possible from any drawn
 *   node, where a drag pans instead of moving a node.
 */
export const PROBE_SCRIPT = `
(() => {
  const tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
  let frameTimes = null;
  const tick = (t) => {
    if (!frameTimes) return;
    frameTimes.push(t);
    requestAnimationFrame(tick);
  };
  const layout = { started: null, done: null };
  let watching = false;
  const watchLayout = () => {
    if (watching) return;
    watching = true;
    setInterval(() => {
      const running = window.__atlas.layoutRunning();
      if (running && layout.started === null) layout.started = performance.now();
      if (!running && layout.started !== null && layout.done === null) layout.done = performance.now();
    }, 50);
  };
  window.__bench = {
    now: () => performance.now(),
    show(n) {
      const stats = document.querySelector('[data-testid=graph-stats]');
      const counted = () => (stats.textContent || '').trim().startsWith(n + ' nodes');
      const t0 = performance.now();
      const isIn = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (!counted()) return;
          seen.disconnect();
          resolve(performance.now());
        });
        seen.observe(stats, { subtree: true, childList: true, characterData: true });
      });
      layout.started = null;
      layout.done = null;
      watchLayout();
      const els = window.__benchEls;
      window.__benchEls = null;
      window.__atlas.showElements(els, { replace: true });
      return isIn.then(async (tIn) => {
        await nextFrame();
        await nextFrame();
        return { t0, inMs: tIn - t0, frameMs: performance.now() - t0 };
      });
    },
    frames: {
      start() {
        frameTimes = [];
        requestAnimationFrame(tick);
      },
      stop() {
        const out = frameTimes || [];
        frameTimes = null;
        return out;
      },
    },
    longTasks: (from, to) => tasks.filter((t) => t.start + t.duration >= from && t.start <= to),
    layout: () => ({ ...layout }),
    emptySpot(rect) {
      const view = window.__atlas.viewport();
      const canvas = document.getElementById('canvas').getBoundingClientRect();
      const pts = window.__atlas.nodes().map((n) => [
        canvas.left + n.position.x * view.zoom + view.pan.x,
        canvas.top + n.position.y * view.zoom + view.pan.y,
      ]);
      let best = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, room: -1 };
      for (let i = 1; i < 12; i++)
        for (let j = 1; j < 12; j++) {
          const x = rect.x + (rect.width * i) / 12;
          const y = rect.y + (rect.height * j) / 12;
          let room = Infinity;
          for (const p of pts) room = Math.min(room, Math.hypot(p[0] - x, p[1] - y));
          if (room > best.room) best = { x, y, room };
        }
      return best;
    },
  };
})();
`;
