/**
 * Counts that agree with the canvas, and a way back that keeps what was there: "N more" is said once
 * per node and fetching brings exactly N; the hidden count is every drawn element not shown (a link
 * hidden because its end is hidden counts once), through hiding, filters and the date; and "Back to
 * the network" from a lineage puts every node back where it was.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, clickElement, hook, pointerAway, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const JAN = 'jaysh-al-nasr';

/** The status bar's "(N hidden)", 0 when it says nothing. */
async function hiddenCount(page: Page): Promise<number> {
  const notes = await page.getByTestId('hidden-stats').allTextContents();
  return notes.length === 0 ? 0 : Number(/\((\d+) hidden\)/.exec(notes[0]!)![1]);
}

/** Drawn elements the renderer does not show. */
async function notShown(page: Page): Promise<number> {
  const all = (await hook.nodeIds(page)).length + (await hook.edgeIds(page)).length;
  return all - (await hook.visibleNodeIds(page)).length - (await hook.visibleEdgeIds(page)).length;
}

const label = (page: Page, id: string) =>
  page.evaluate(
    (i) => (window.__atlas as unknown as { label(id: string): { text: string } | null }).label(i)?.text ?? '',
    id,
  );

describe('counts and the way back', () => {
  it('says "N more" once for a node expanded one step and then two (a count repeated per expansion), and fetching brings N', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', JAN);
    await clickElement(page, JAN, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Expand 2 steps' }).click();
    await settled(page);

    const notices = page.getByTestId('truncation').filter({ hasText: 'Jaysh al-Nasr' });
    await expect(notices.count()).resolves.toBe(1);
    const more = Number(/(\d+) more/.exec((await notices.first().textContent())!)![1]);
    expect(more).toBeGreaterThan(0);
    // The node's label says it once too, and the menu offers one fetch.
    expect((await label(page, JAN)).match(/more/g)).toHaveLength(1);
    await clickElement(page, JAN, { button: 'right' });
    await expect(page.getByTestId('menu-more').count()).resolves.toBe(1);
    await expect(page.getByTestId('menu-more').textContent()).resolves.toBe(`Fetch ${more} more`);
    await page.keyboard.press('Escape');

    // The count is what is missing from the canvas: fetching brings exactly that many nodes.
    const before = (await hook.nodeIds(page)).length;
    await notices.first().getByTestId('fetch-more').click();
    await page.waitForFunction((n) => window.__atlas.nodeIds().length > n, before);
    await settled(page);
    expect((await hook.nodeIds(page)).length).toBe(before + more);
    await expect(page.getByTestId('truncation').filter({ hasText: 'Jaysh al-Nasr' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('counts every hidden element once: a hidden node with its links, filters, the date (a count that disagrees with the canvas)', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', JAN);
    expect(await hiddenCount(page)).toBe(0);

    // Hiding a node hides its links: the node and each link count once.
    const edges = await hook.edges(page);
    const degree = (id: string) => edges.filter((e) => e.source === id || e.target === id).length;
    const node = (await hook.nodeIds(page)).filter((id) => id !== JAN).sort((a, b) => degree(b) - degree(a))[0]!;
    expect(degree(node)).toBeGreaterThan(1);
    await clickElement(page, node);
    await page.keyboard.press('h');
    await settled(page);
    expect(await hiddenCount(page)).toBe(1 + degree(node));
    expect(await hiddenCount(page)).toBe(await notShown(page));

    // A filter on top: links already hidden with their end are not counted again.
    await page.getByRole('checkbox', { name: 'Person' }).uncheck();
    await settled(page);
    expect(await hiddenCount(page)).toBeGreaterThan(1 + degree(node));
    expect(await hiddenCount(page)).toBe(await notShown(page));
    const { nodes, edges: shownEdges } = await stats(page);
    expect(nodes + shownEdges + (await hiddenCount(page))).toBe(
      (await hook.nodeIds(page)).length + (await hook.edgeIds(page)).length,
    );

    // And a date: what the date hides is counted the same way.
    const slider = page.getByTestId('time-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await hiddenCount(page)).toBe(await notShown(page));
    await pointerAway(page);
    await suite.shot(page, 'counts-hidden');
  });

  it('goes back to the network with every node where it was (positions lost to the lineage layout)', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', JAN);
    const before = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    const zoom = await hook.zoom(page);

    await clickElement(page, JAN, { button: 'right' });
    await page.getByTestId('menu-lineage').click();
    await page.getByTestId('lineage-events').waitFor();
    await settled(page);
    // The lineage moved the factions it shares with the network.
    const inLineage = await hook.nodes(page);
    const moved = inLineage.filter((n) => {
      const p = before.get(n.id);
      return p && Math.hypot(p.x - n.position.x, p.y - n.position.y) > 1;
    });
    expect(moved.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Back to the network' }).click();
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, before.size);
    await settled(page);
    const after = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    expect(new Set(after.keys())).toEqual(new Set(before.keys()));
    for (const [id, p] of before) {
      expect(Math.abs(after.get(id)!.x - p.x), id).toBeLessThan(0.5);
      expect(Math.abs(after.get(id)!.y - p.y), id).toBeLessThan(0.5);
    }
    expect(await hook.zoom(page)).toBeCloseTo(zoom, 5);
    expect(errors).toEqual([]);
  });
});
