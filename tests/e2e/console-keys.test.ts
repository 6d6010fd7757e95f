/**
 * Keys typed in the console stay in the console: with a node selected on the canvas, a query typed
 * into the editor (h, p, k, e, n, 1, 2, space, [, +, Delete …, and an Escape in the middle) changes
 * nothing on the canvas and all of it lands in the editor. Escape says what it does: the first shows
 * "Esc again closes the console" and keeps the focus in the editor, the second closes the console.
 */
import { describe, expect, it } from 'vitest';
import { clickElement, doubleClickNode, hook, searchAndChoose, settled } from '../support/atlasPage.ts';
import { canvasState, editor, editorHasFocus, openConsole } from '../support/consolePage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

const BEFORE_ESCAPE = 'MATCH (h:Faction) ';
const AFTER_ESCAPE = 'WHERE h.p = 1 OR h.k + 2 > 0 RETURN h, [1, 2.5] AS `n?`';

describe('keys in the console editor', () => {
  it('never reach the canvas shortcuts, before or after an Escape, and Escape says what it does', async () => {
    const { page, errors } = await suite.open();
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    await doubleClickNode(page, 'jaysh-al-nasr');
    await page.waitForFunction(() => window.__atlas.nodeIds().length > 1);
    await settled(page);
    await clickElement(page, 'jaysh-al-nasr');
    expect(await hook.selectedIds(page)).toEqual(['jaysh-al-nasr']);
    // Opening the console takes height from the canvas, which may fit the picture again
    // (graph/keepInView.ts): what follows is measured from the canvas with the console open.
    await openConsole(page);
    const before = await canvasState(page);
    await page.keyboard.type(BEFORE_ESCAPE, { delay: 5 });
    await page.waitForFunction(() => !document.querySelector('.cm-tooltip-autocomplete'));
    await page.keyboard.press('Escape'); // no completion list open: this one is the console's
    await page.keyboard.type(AFTER_ESCAPE, { delay: 5 });
    await page.keyboard.press('Delete');
    await page.keyboard.press('End');
    expect(await canvasState(page)).toBe(before);
    await expect(editor(page).textContent()).resolves.toBe(BEFORE_ESCAPE + AFTER_ESCAPE);
    const hint = page.getByTestId('console-escape-hint');
    await expect(hint.count()).resolves.toBe(0); // a key other than Escape takes the hint away

    // Escape, Escape: the hint (the focus stays in the editor), then the console closes and the
    // focus goes back to its button.
    await page.waitForFunction(() => !document.querySelector('.cm-tooltip-autocomplete'));
    await page.keyboard.press('Escape');
    await hint.waitFor();
    await expect(hint.textContent()).resolves.toMatch(/Esc\s+again closes the console/);
    expect(await editorHasFocus(page)).toBe(true);
    await suite.shot(page, 'console-escape-hint');
    await expect(page.getByTestId('console').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('console').waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'console-toggle',
    );
    expect(await canvasState(page)).toBe(before);

    // Outside the console the shortcuts still work: H hides the selection.
    await page.keyboard.press('Tab'); // off the toggle button, onto the page
    await page.locator('body').press('h');
    await page.waitForFunction(() => !window.__atlas.visibleNodeIds().includes('jaysh-al-nasr'));
    expect(errors).toEqual([]);
  });

  it('lets Escape close an open completion list first, without the hint', async () => {
    const { page } = await suite.open();
    await openConsole(page);
    await page.keyboard.type('MATCH (f:Fac', { delay: 5 });
    await page.locator('.cm-tooltip-autocomplete').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
    await expect(page.getByTestId('console-escape-hint').count()).resolves.toBe(0);
    expect(await editorHasFocus(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('console-escape-hint').waitFor();
  });
});
