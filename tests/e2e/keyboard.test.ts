/**
 * The keyboard in the browser: the help dialog lists the shortcuts; search, expand, step through
 * nodes, open the context menu, hide and undo, all without a mouse.
 */
import { describe, expect, it } from 'vitest';
import { hook, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

describe('keyboard', () => {
  it('lists its shortcuts in a help dialog', async () => {
    const { page } = await suite.open();
    await page.locator('body').press('?');
    const help = page.getByTestId('help');
    await help.waitFor();
    const text = (await help.textContent())!;
    for (const words of ['Search', 'Undo', 'Redo', 'Expand the selected node', 'Play or pause time', 'Ctrl+Z'])
      expect(text).toContain(words);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Close');
    await suite.shot(page, 'keyboard-help');
    await page.keyboard.press('Escape');
    await expect(help.isVisible()).resolves.toBe(false);
  });

  it('keeps focus inside the help dialog (a focus leak out of a modal), and Escape closes it', async () => {
    const { page } = await suite.open();
    await page.getByRole('button', { name: 'Help' }).click();
    const help = page.getByTestId('help');
    await help.waitFor();
    const focusInside = () => page.evaluate(() => document.activeElement?.closest('[data-testid=help]') !== null);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
      expect(await focusInside(), `after ${i + 1} Tab presses`).toBe(true);
    }
    // The page behind is inert: its shortcuts do not run while the dialog is open.
    await page.keyboard.press('/');
    expect(await focusInside()).toBe(true);
    await page.keyboard.press('Escape');
    await expect(help.isVisible()).resolves.toBe(false);
    // Focus goes back to what opened it.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Help');
  });

  it('explores without a mouse', async () => {
    const { page } = await suite.open();
    await page.locator('body').press('/');
    await page.keyboard.type('Jaysh al-Nasr');
    await page.locator('#search-results [role=option][data-id=jaysh-al-nasr]').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 1);
    await settled(page);
    expect(await hook.selectedIds(page)).toEqual(['jaysh-al-nasr']);
    await page.keyboard.press('Escape'); // leave the search field
    await page.keyboard.press('e');
    await page.waitForFunction(() => window.__atlas.nodeIds().length > 1);
    await settled(page);
    const expanded = await stats(page);

    await page.keyboard.press('n');
    const first = await hook.selectedIds(page);
    await page.keyboard.press('n');
    const second = await hook.selectedIds(page);
    await settled(page);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);

    await page.keyboard.press('m');
    const menu = page.getByTestId('context-menu');
    await menu.waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('menuitem');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Expand 2 steps');
    await page.keyboard.press('Escape');
    await expect(menu.count()).resolves.toBe(0);

    // Zoom, fit and layouts from the keyboard.
    const zoom = await hook.zoom(page);
    await page.keyboard.press('+');
    await settled(page);
    expect(await hook.zoom(page)).toBeGreaterThan(zoom);
    await page.keyboard.press('f');
    await settled(page);
    const box = (await page.locator('#canvas').boundingBox())!;
    for (const id of await hook.visibleNodeIds(page)) {
      const p = (await page.evaluate((i) => window.__atlas.clientPosition(i), id))!;
      expect(p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height, id).toBe(true);
    }
    await page.keyboard.press('3');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('layout')).toBe('hierarchical');
    await expect(page.inputValue('[data-testid=layout]')).resolves.toBe('hierarchical');
    await page.keyboard.press('1');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('layout')).toBeNull();

    await page.keyboard.press('h');
    await settled(page);
    expect((await stats(page)).nodes).toBe(expanded.nodes - 1);
    await page.keyboard.press('Control+z');
    await settled(page);
    expect(await stats(page)).toEqual(expanded);
    await suite.shot(page, 'keyboard-explore');
  });
});
