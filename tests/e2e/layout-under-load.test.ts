/**
 * Layout under load in the browser: 3,000 nodes drawn at once (as a console result is drawn) are laid
 * out by the force layout in a Web Worker. While it runs the page answers: a click opens the help and
 * the page is asked and answers, and the layout is still running afterwards. When it is done, nodes
 * are spread out: at most a few percent share a spot (hub leaves and unlinked nodes used to pile up).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, hook, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const LABELS = ['Faction', 'Person', 'Event', 'Place'] as const;

interface Els {
  nodes: { data: Record<string, unknown> }[];
  edges: { data: Record<string, unknown> }[];
}

/**
 * 3,000 nodes of the shapes that piled up: 30 hubs with 40 leaves each, 100 chains of 5, and
 * 1,270 nodes linked to nothing. `anchor`, when given, is a drawn node the hubs link to.
 */
function syntheticView(anchor?: string): Els {
  const nodes: Els['nodes'] = [];
  const edges: Els['edges'] = [];
  const node = () => {
    const i = nodes.length;
    nodes.push({ data: { id: `s${i}`, label: LABELS[i % 4], name: `Synthetic ${i}` } });
    return `s${i}`;
  };
  const link = (source: string, target: string) =>
    edges.push({
      data: { id: `se${edges.length}`, source, target, type: 'MEMBER_OF', from: null, to: null, sources: [] },
    });
  for (let h = 0; h < 30; h++) {
    const hub = node();
    for (let l = 0; l < 40; l++) link(node(), hub);
    if (anchor) link(hub, anchor);
  }
  for (let c = 0; c < 100; c++) {
    let previous = node();
    for (let k = 1; k < 5; k++) {
      const next = node();
      link(previous, next);
      previous = next;
    }
  }
  while (nodes.length < 3000) node();
  return { nodes, edges };
}

type TestHook = {
  showElements(els: Els, how: { replace: boolean }): Promise<void>;
  layoutRunning(): boolean;
};
const layoutRunning = (page: Page) => page.evaluate(() => (window.__atlas as unknown as TestHook).layoutRunning());

/** Starts drawing `els` without waiting for it; returns once the worker is laying them out. */
async function drawLarge(page: Page, els: Els, replace: boolean): Promise<void> {
  await page.evaluate(
    ({ els, replace }) => {
      void (window.__atlas as unknown as TestHook).showElements(els, { replace });
    },
    { els, replace },
  );
  await page.waitForFunction(() => (window.__atlas as unknown as TestHook).layoutRunning(), null, {
    timeout: 120_000,
    polling: 50,
  });
}

/** While the layout runs, a click works and the page answers; true once that happened mid-layout. */
async function answersDuringLayout(page: Page): Promise<boolean> {
  while (await layoutRunning(page)) {
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByTestId('help').waitFor();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help').isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    if (await layoutRunning(page)) return true;
  }
  return false;
}

/** The share of nodes on a spot (rounded to the pixel) no other node is on. */
async function distinctShare(page: Page): Promise<number> {
  const nodes = await hook.nodes(page);
  const spots = new Set(nodes.map((n) => `${Math.round(n.position.x)},${Math.round(n.position.y)}`));
  return spots.size / nodes.length;
}

describe('layout under load', () => {
  it('lays out 3,000 new nodes off the main thread without freezing the page or piling nodes', async () => {
    const { page, errors } = await suite.open();
    await drawLarge(page, syntheticView(), true);
    expect(await answersDuringLayout(page)).toBe(true);

    await settled(page, 240_000);
    expect(await layoutRunning(page)).toBe(false);
    expect((await stats(page)).nodes).toBe(3000);
    expect(await distinctShare(page)).toBeGreaterThanOrEqual(0.95);
    expect(errors).toEqual([]);
    await suite.shot(page, 'layout-under-load-fresh');
  }, 300_000);

  it('adds 3,000 nodes to a drawn network: placed nodes stay, new ones spread without piling', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const before = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));

    await drawLarge(page, syntheticView('jaysh-al-nasr'), false);
    expect(await answersDuringLayout(page)).toBe(true);

    await settled(page, 240_000);
    expect((await stats(page)).nodes).toBe(3000 + before.size);
    expect(await distinctShare(page)).toBeGreaterThanOrEqual(0.95);
    // The network drawn before keeps its arrangement.
    const after = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    for (const [id, p] of before) {
      expect(Math.abs(after.get(id)!.x - p.x), id).toBeLessThan(1);
      expect(Math.abs(after.get(id)!.y - p.y), id).toBeLessThan(1);
    }
    expect(errors).toEqual([]);
    await suite.shot(page, 'layout-under-load-added');
  }, 300_000);
});
