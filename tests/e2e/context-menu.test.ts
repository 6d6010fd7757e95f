/**
 * The context menu in the browser: wherever it is opened, the whole menu stays inside the window
 * (placed by @floating-ui/dom from its measured size, flipped and shifted at the edges).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickElement, searchAndChoose, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

async function menuBox(page: Page) {
  const menu = page.getByTestId('context-menu');
  await menu.waitFor();
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid=context-menu]')!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight };
  });
}

describe('context menu', () => {
  it('stays inside the window when opened near the bottom-right corner (a menu clipped off screen)', async () => {
    const { page, errors } = await suite.open('/', { width: 1100, height: 700 });
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    // Drag the node into the canvas's bottom-right corner.
    const canvas = (await page.locator('#canvas').boundingBox())!;
    const from = (await page.evaluate(() => window.__atlas.clientPosition('jaysh-al-nasr')))!;
    const corner = { x: canvas.x + canvas.width - 25, y: canvas.y + canvas.height - 25 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(corner.x, corner.y, { steps: 8 });
    await page.mouse.up();
    await settled(page);
    const at = (await page.evaluate(() => window.__atlas.clientPosition('jaysh-al-nasr')))!;
    expect(at.x).toBeGreaterThan(canvas.x + canvas.width - 60);
    expect(at.y).toBeGreaterThan(canvas.y + canvas.height - 60);

    await clickElement(page, 'jaysh-al-nasr', { button: 'right' });
    const box = await menuBox(page);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    // Every item can be reached: the last one is inside the window too.
    const last = await page.getByTestId('menu-remove').boundingBox();
    expect(last!.y + last!.height).toBeLessThanOrEqual(box.height);
    await suite.shot(page, 'context-menu-corner');

    // And at the top-left corner of the canvas it opens where the pointer is, not pushed away.
    await page.keyboard.press('Escape');
    await page.mouse.click(canvas.x + 10, canvas.y + 10, { button: 'right' });
    const topLeft = await menuBox(page);
    expect(Math.abs(topLeft.left - (canvas.x + 10))).toBeLessThan(3);
    expect(Math.abs(topLeft.top - (canvas.y + 10))).toBeLessThan(3);
    expect(errors).toEqual([]);
  });
});
