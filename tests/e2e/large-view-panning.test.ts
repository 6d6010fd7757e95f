/**
 * Panning and zooming a large view touches only what changed. Label level of detail
 * (client/src/graph/labelDetail.ts) used to mark every node and link of the view "minor" again each
 * time the view stopped moving, and Cytoscape restyles every element it is asked to mark, so every
 * pause restyled the whole view (on 20,000 nodes and 80,000 links, seconds of frozen page per pause).
 * Now a pause restyles only the labels that come and go, a large view's links (which draw no label)
 * are never marked, and the moves add no browser history entries. Counted through Cytoscape's own
 * 'style' events (window.__atlas.watchRestyles); nothing here is timed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hook, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { drawRing } from '../support/ringView.ts';

const suite = e2eSuite();
const NODES = 1000;

type PanHook = {
  showElements(els: unknown, how: { replace: boolean }): Promise<void>;
  watchRestyles(): void;
  restyled(): number;
};

const kept = (page: Page) =>
  page.evaluate(() => window.__atlas.nodeIds().filter((id) => window.__atlas.classesOf(id).includes('label-kept')));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('panning a large view', () => {
  it('restyles only the labels that change, never the whole view, and adds no history entries', async () => {
    const { page, errors } = await suite.open('/?renderer=canvas');
    await drawRing(page, NODES, 4, 180_000);
    expect(await stats(page)).toMatchObject({ nodes: NODES, edges: 4 * NODES });
    expect((await hook.renderer(page)).large).toBe(true);
    await page.keyboard.press('f');
    await settled(page, 60_000);
    // Fitted, labels would be drawn below a readable size: level of detail applies.
    expect(11 * (await hook.zoom(page))).toBeLessThan(10);
    await page.waitForFunction(
      () => window.__atlas.nodeIds().some((id) => window.__atlas.classesOf(id).includes('label-kept')),
      null,
      { timeout: 30_000, polling: 100 },
    );
    // The nodes left without a label are marked; the large view's links draw none, so are not.
    const marks = await page.evaluate(() =>
      window.__atlas.nodeIds().map((id) => window.__atlas.classesOf(id).filter((c) => c.startsWith('label-'))),
    );
    expect(marks.every((m) => m.length === 1)).toBe(true);
    expect(marks.filter((m) => m[0] === 'label-minor').length).toBeGreaterThan(NODES / 2);
    expect(await hook.classesOf(page, 're0')).not.toContain('label-minor');

    const canvas = (await page.locator('#canvas').boundingBox())!;
    const before = await hook.viewport(page);
    const entries = await page.evaluate(() => history.length);
    await page.evaluate(() => (window.__atlas as unknown as PanHook).watchRestyles());
    // Fit leaves a 40 px margin: a drag from the canvas's corner starts on no node, so it pans.
    const corner = { x: canvas.x + 12, y: canvas.y + 12 };
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(corner.x, corner.y);
      await page.mouse.down();
      await page.mouse.move(corner.x + 60, corner.y + 40, { steps: 8 });
      await page.mouse.up();
      // Longer than the quiet time after which the labels are chosen again (labelDetail.ts SETTLE_MS).
      await pause(400);
    }
    for (const deltaY of [40, -40, 40, -40]) {
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.mouse.wheel(0, deltaY);
      await pause(400);
    }
    await settled(page);
    const after = await hook.viewport(page);
    expect(after.pan).not.toEqual(before.pan);
    expect(11 * after.zoom).toBeLessThan(10);

    // Each pause restyles the few dozen labels that come and go, not the view's 5,000 elements.
    const restyled = await page.evaluate(() => (window.__atlas as unknown as PanHook).restyled());
    expect(restyled).toBeLessThan(NODES);
    // The level of detail still follows the window.
    expect((await kept(page)).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(errors).toEqual([]);
    await suite.shot(page, 'large-view-panned');
  }, 300_000);
});
