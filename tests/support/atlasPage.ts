/**
 * What end-to-end tests do on the Faction Atlas page, in the analyst's terms: search and choose,
 * click or double-click a node where it is drawn, read the status bar. The canvas's test hook
 * (window.__atlas, set by client/src/graph/canvasCore.ts) tells where elements are drawn and what the
 * canvas holds; every action goes through real mouse and keyboard events.
 */
import type { Page } from 'playwright-core';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import type { InvestigationView } from '../../contract/investigation.ts';

export interface HookNode {
  id: string;
  label: string;
  name: string;
  position: { x: number; y: number };
}
export interface HookEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

/** A link as drawn: its label text and the middle of its line. */
export interface HookEdgeLook {
  id: string;
  label: string;
  midpoint: { x: number; y: number };
}

interface AtlasHook {
  nodeIds(): string[];
  edgeIds(): string[];
  visibleNodeIds(): string[];
  visibleEdgeIds(): string[];
  nodes(): HookNode[];
  edges(): HookEdge[];
  edgeLooks(): HookEdgeLook[];
  clientPosition(id: string): { x: number; y: number } | null;
  clickablePoint(id: string): { x: number; y: number; lands: string } | null;
  panHandle(): {
    box: { left: number; top: number; right: number; bottom: number };
    free: { x: number; y: number } | null;
  };
  renderer(): { large: boolean; webgl: boolean };
  zoom(): number;
  classesOf(id: string): string[];
  selectedIds(): string[];
  idle(): boolean;
  /** The view model as an investigation saves it (contract/investigation.ts investigationView). */
  model(): InvestigationView;
  viewport(): { zoom: number; pan: { x: number; y: number } };
  /** The drawn elements as a save's snapshot holds them. */
  snapshotElements(): { nodes: NodeData[]; edges: EdgeData[] };
  openSaved(view: InvestigationView, snapshot: { nodes: NodeData[]; edges: EdgeData[] }): Promise<void>;
  replay(stepId: string): Promise<boolean>;
}

declare global {
  interface Window {
    __atlas: AtlasHook;
  }
}

/** Waits until nothing is being fetched, laid out or animated. */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__atlas?.idle(), null, { timeout, polling: 100 });
  // An animation asked for just now starts on the next frame: let two frames pass and look again.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  await page.waitForFunction(() => window.__atlas.idle(), null, { timeout, polling: 100 });
}

export async function stats(page: Page): Promise<{ nodes: number; edges: number; text: string }> {
  const text = (await page.textContent('[data-testid=graph-stats]')) ?? '';
  const m = /^(\d+) nodes, (\d+) edges$/.exec(text.trim());
  if (!m) throw new Error(`graph-stats reads "${text}"`);
  return { nodes: Number(m[1]), edges: Number(m[2]), text: text.trim() };
}

export const hook = {
  nodeIds: (page: Page) => page.evaluate(() => window.__atlas.nodeIds()),
  edgeIds: (page: Page) => page.evaluate(() => window.__atlas.edgeIds()),
  visibleNodeIds: (page: Page) => page.evaluate(() => window.__atlas.visibleNodeIds()),
  visibleEdgeIds: (page: Page) => page.evaluate(() => window.__atlas.visibleEdgeIds()),
  nodes: (page: Page) => page.evaluate(() => window.__atlas.nodes()),
  edges: (page: Page) => page.evaluate(() => window.__atlas.edges()),
  edgeLooks: (page: Page) => page.evaluate(() => window.__atlas.edgeLooks()),
  selectedIds: (page: Page) => page.evaluate(() => window.__atlas.selectedIds()),
  classesOf: (page: Page, id: string) => page.evaluate((i) => window.__atlas.classesOf(i), id),
  renderer: (page: Page) => page.evaluate(() => window.__atlas.renderer()),
  zoom: (page: Page) => page.evaluate(() => window.__atlas.zoom()),
  model: (page: Page) => page.evaluate(() => window.__atlas.model()),
  viewport: (page: Page) => page.evaluate(() => window.__atlas.viewport()),
};

/** A link's label as the canvas draws it (its grades are part of it); '' when it is not drawn. */
export async function edgeLabel(page: Page, id: string): Promise<string> {
  return (await hook.edgeLooks(page)).find((e) => e.id === id)?.label ?? '';
}

/**
 * Waits until link `id`'s label includes `text` (grades arrive after the first draw); throws, quoting
 * the label as drawn, after 15 s.
 */
export async function waitForEdgeLabel(page: Page, id: string, text: string): Promise<void> {
  await page
    .waitForFunction(
      ({ i, t }) =>
        window.__atlas
          .edgeLooks()
          .find((e) => e.id === i)
          ?.label.includes(t),
      { i: id, t: text },
      { timeout: 15_000 },
    )
    .catch(async () => {
      throw new Error(`the link "${id}" reads "${await edgeLabel(page, id)}" on the canvas, not "${text}"`);
    });
}

/** Types into the search box and chooses the suggestion with this name (mouse click). */
export async function searchAndChoose(page: Page, text: string, name: string): Promise<void> {
  await page.fill('[data-testid=search-input]', text);
  const option = page.locator('#search-results [role=option]', { has: page.locator('.name', { hasText: name }) });
  await option.first().click();
  await page.waitForFunction((n) => window.__atlas.nodes().some((x) => x.name === n), name);
  await settled(page);
}

type ClickPoint = { x: number; y: number; lands: string };

/**
 * Where a click lands on this element: its centre unless a randomly laid-out neighbour or a panel
 * covers it. The same point twice, two frames apart, so a view still moving (a resize being followed,
 * a late pan) is waited out rather than clicked into.
 */
/**
 * Drags the view, from a free point of the canvas as an analyst would, until the element's centre is
 * inside the canvas: a layout or a fit to new results may leave the element to click out of view.
 */
async function panIntoView(page: Page, id: string): Promise<void> {
  const margin = 40;
  for (let drag = 0; drag < 6; drag++) {
    await settled(page);
    const { centre, handle } = await page.evaluate(
      (i) => ({ centre: window.__atlas.clientPosition(i), handle: window.__atlas.panHandle() }),
      id,
    );
    const { box, free } = handle;
    if (!centre) return; // not drawn: where() says so
    const inside =
      centre.x > box.left + margin &&
      centre.x < box.right - margin &&
      centre.y > box.top + margin &&
      centre.y < box.bottom - margin;
    if (inside) return;
    if (!free) throw new Error(`"${id}" is out of view and no free point of the canvas is left to drag it in from`);
    // Towards the canvas's middle, as far as a drag that stays on the canvas can take it.
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi - 5, Math.max(lo + 5, v));
    const to = {
      x: clamp(free.x + ((box.left + box.right) / 2 - centre.x), box.left, box.right),
      y: clamp(free.y + ((box.top + box.bottom) / 2 - centre.y), box.top, box.bottom),
    };
    await page.mouse.move(free.x, free.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
  }
}

async function where(page: Page, id: string): Promise<ClickPoint> {
  const pointNow = () =>
    page.evaluate(
      (i) =>
        new Promise<ClickPoint | null>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.__atlas.clickablePoint(i)))),
        ),
      id,
    );
  const same = (a: ClickPoint | null, b: ClickPoint | null) =>
    a !== null && b !== null && a.x === b.x && a.y === b.y && a.lands === b.lands;
  // Patience is counted in looks, not only in time: on a loaded machine one wait for the view to settle
  // can take longer than the whole deadline, and a first look alone proves nothing either way.
  await panIntoView(page, id);
  const deadline = Date.now() + 30_000;
  let last: ClickPoint | null = null;
  for (let looks = 1; ; looks++) {
    await settled(page);
    const p = await pointNow();
    if (same(p, last)) return p as ClickPoint;
    // Out of view again: a view that moved after the first pan (an animated fit ending late) takes it away.
    if (p === null && last === null && looks % 20 === 0) await panIntoView(page, id);
    if (looks >= 3 && Date.now() > deadline) {
      const centre = await page.evaluate((i) => {
        const c = window.__atlas.clientPosition(i);
        const top = c && document.elementFromPoint(c.x, c.y);
        return (
          c && {
            ...c,
            top: `${top?.tagName ?? 'nothing'}${top?.id ? `#${top.id}` : ''}${top?.className ? `.${String(top.className)}` : ''}`,
          }
        );
      }, id);
      throw new Error(
        `"${id}" has no steady clickable point after ${looks} looks (${JSON.stringify(last)}, then ${JSON.stringify(p)}; ` +
          `its centre ${JSON.stringify(centre)} in a window of ${JSON.stringify(page.viewportSize())}): ` +
          'not on the canvas, covered everywhere, or moving',
      );
    }
    last = p;
  }
}

export async function clickElement(
  page: Page,
  id: string,
  options: { button?: 'left' | 'right'; modifiers?: ('Shift' | 'Control')[] } = {},
): Promise<void> {
  const p = await where(page, id);
  for (const m of options.modifiers ?? []) await page.keyboard.down(m);
  await page.mouse.click(p.x, p.y, { button: options.button ?? 'left' });
  for (const m of options.modifiers ?? []) await page.keyboard.up(m);
  // A plain click selects what it lands on (a bundled link: its bundle's top link): wait for that,
  // so a miss fails here and says so.
  if ((options.button ?? 'left') === 'left' && !options.modifiers?.length) {
    await page
      .waitForFunction((i) => window.__atlas.selectedIds().includes(i), p.lands, { timeout: 5_000 })
      .catch(async () => {
        // Say what the click met, so a miss can be told from a slow page.
        const met = await page.evaluate(
          ({ x, y }) => {
            const top = document.elementFromPoint(x, y);
            return `${top?.tagName ?? 'nothing'}${top?.id ? `#${top.id}` : ''}; selected: ${window.__atlas.selectedIds().join(', ') || 'none'}`;
          },
          { x: p.x, y: p.y },
        );
        throw new Error(`a click at (${p.x}, ${p.y}) meant for "${p.lands}" did not select it; it met ${met}`);
      });
  }
}

export async function doubleClickNode(page: Page, id: string): Promise<void> {
  const p = await where(page, id);
  await page.mouse.dblclick(p.x, p.y);
}

/** Moves the pointer off the canvas so hover highlighting does not fade anything. */
export async function hoverElement(page: Page, id: string): Promise<void> {
  const p = await where(page, id);
  await page.mouse.move(p.x, p.y);
}

export async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
}

/** Adds a node through the search box and expands it with a double-click. */
export async function addAndExpand(page: Page, text: string, name: string, id: string): Promise<void> {
  await searchAndChoose(page, text, name);
  const before = (await hook.nodeIds(page)).length;
  await doubleClickNode(page, id);
  await page.waitForFunction((n) => window.__atlas.nodeIds().length > n, before);
  await settled(page);
}

/** Finds the shortest paths between two nodes found by name: each chosen by search, then "Use selected" as From and To. */
export async function findPathsBetween(page: Page, from: string, to: string): Promise<void> {
  for (const [name, end] of [
    [from, 'From'],
    [to, 'To'],
  ] as const) {
    await searchAndChoose(page, name, name);
    await page.locator('.endpoint', { hasText: end }).getByRole('button', { name: 'Use selected' }).click();
  }
  await page.getByTestId('find-paths').click();
  await page.getByTestId('paths-summary').waitFor();
  await settled(page);
}
