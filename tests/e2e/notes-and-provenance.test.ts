/**
 * Notes and "How did this get here?" in the browser: notes on a node (from its details), a link (from
 * the context menu) and the canvas (from the notes panel) show as badges at their elements, are listed
 * in the notes panel (canvas notes first) and focus their element when clicked; a note holding HTML
 * is shown as its characters and nothing in it runs. The details of a neighbour brought by an
 * expansion say so, and Replay brings back a neighbour that was removed since.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, clickElement, hook, pointerAway, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

const NODE = 'muhammad-mansour';
const LINK = 'jaysh-al-nasr-led-by-muhammad-mansour';
const MARKDOWN =
  'The network **as the article has it**: see [Jamestown](https://jamestown.org/), not [a script](javascript:window.__pwned=3) ![a picture](https://example.org/x.png)';
const HOSTILE = 'Check <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>\nsecond line';

/** Writes a note in whichever editor is open under `scope` and saves it. */
async function writeNote(page: Page, scope: string, text: string): Promise<void> {
  const editor = page.locator(`${scope} .note-editor`);
  await editor.locator('textarea').fill(text);
  await editor.getByTestId('note-save').click();
  await editor.waitFor({ state: 'detached' });
}

/** The badge's place against the element's, in page pixels. */
async function badgeNear(page: Page, id: string): Promise<number> {
  const badge = page.locator(`[data-note-badge="${id}"]`);
  await badge.waitFor();
  const box = (await badge.boundingBox())!;
  const at = (await page.evaluate((i) => window.__atlas.clientPosition(i), id))!;
  return Math.hypot(box.x + box.width / 2 - at.x, box.y + box.height / 2 - at.y);
}

describe('notes and provenance', () => {
  it('notes on a node, a link and the canvas: badges, the notes panel, focus, and HTML shown as text', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');

    // A node, from its details.
    await clickElement(page, NODE);
    const details = page.getByTestId('details-panel');
    await details.getByTestId('add-note').click();
    await writeNote(page, '[data-testid=details-panel]', 'Commander from October 2015.\nSee ref 4.');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text (line breaks as shown), not the DOM property
    await expect(details.locator('.element-notes .note-text').innerText()).resolves.toBe(
      'Commander from October 2015.\nSee ref 4.',
    );

    // A link, from the context menu.
    await pointerAway(page);
    await clickElement(page, LINK, { button: 'right' });
    await page.getByTestId('menu-add-note').click();
    expect(await hook.selectedIds(page)).toEqual([LINK]);
    await writeNote(page, '[data-testid=details-panel]', HOSTILE);

    // The canvas, from the notes panel.
    const panel = page.locator('#notes');
    await panel.getByTestId('note-on-canvas').click();
    await writeNote(page, '#notes', MARKDOWN);
    await settled(page);

    // Badges at the noted node and link (following them), and one for the canvas.
    expect(await badgeNear(page, NODE)).toBeLessThan(40);
    expect(await badgeNear(page, LINK)).toBeLessThan(40);
    await expect(page.getByTestId('canvas-note-badge').textContent()).resolves.toBe('1 note on the canvas');
    await page.mouse.move(400, 300);
    await page.mouse.wheel(0, 300); // zoom out: the badge moves with its node
    await settled(page);
    await page.waitForTimeout(100); // a frame for the overlay (placed on render), not a timing assert
    expect(await badgeNear(page, NODE)).toBeLessThan(40);

    // The notes panel lists all three, the canvas's first, with what each is on.
    const items = panel.locator('[data-testid=notes-list] > li');
    await expect(items.count()).resolves.toBe(3);
    await expect(items.nth(0).locator('.note-target').textContent()).resolves.toBe('The canvas');
    const targets = (await items.locator('.note-target').allTextContents()).map((t) => t.trim());
    expect(targets).toContain('Muhammad Mansour');
    expect(targets).toContain('Jaysh al-Nasr led by Muhammad Mansour');

    // The hostile note: its characters, no element made from them, nothing run, no image fetched.
    const hostile = panel.locator('li.note-edge .note-text');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text (line breaks as shown), not the DOM property
    await expect(hostile.innerText()).resolves.toBe(HOSTILE);
    await expect(panel.locator('li.note-edge .note-text img, li.note-edge .note-text script').count()).resolves.toBe(0);
    await expect(page.locator('img[src=x]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Markdown is rendered: emphasis and a safe link (new tab, no hold on the page); a script link and an
    // image are not made.
    const canvasNote = panel.locator('li.note-canvas .note-text');
    await expect(canvasNote.locator('strong').textContent()).resolves.toBe('as the article has it');
    const link = canvasNote.locator('a');
    await expect(link.count()).resolves.toBe(1);
    await expect(link.getAttribute('href')).resolves.toBe('https://jamestown.org/');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(canvasNote.locator('img').count()).resolves.toBe(0);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text (line breaks as shown), not the DOM property
    expect(await canvasNote.innerText()).toContain('a script');

    // Clicking a note's target selects its element and centres it.
    await pointerAway(page);
    await page.locator('#canvas').click({ position: { x: 5, y: 5 } }); // nothing selected
    await panel.locator('li.note-node .note-target').click();
    await settled(page);
    expect(await hook.selectedIds(page)).toEqual([NODE]);
    const box = (await page.locator('#canvas').boundingBox())!;
    const at = (await page.evaluate((i) => window.__atlas.clientPosition(i), NODE))!;
    // Within a few pixels: the panels beside and below may settle a scrollbar's width after centring.
    expect(Math.abs(at.x - (box.x + box.width / 2))).toBeLessThan(12);
    expect(Math.abs(at.y - (box.y + box.height / 2))).toBeLessThan(12);

    // Saved with the view (the model an investigation saves), and undoable: Ctrl+Z takes the last back.
    await pointerAway(page);
    await suite.shot(page, 'notes-badges');
    await page.locator('#canvas').focus();
    await page.keyboard.press('Control+z');
    await expect(items.count()).resolves.toBe(2);
    await expect(page.getByTestId('canvas-note-badge').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('says which expansion brought a neighbour, and Replay brings back a neighbour removed since', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const REMOVED = '111th-regiment';
    expect(await hook.nodeIds(page)).toContain(REMOVED);

    // Take a neighbour away.
    await clickElement(page, REMOVED);
    await page.keyboard.press('Delete');
    await settled(page);
    expect(await hook.nodeIds(page)).not.toContain(REMOVED);

    // Another neighbour says how it got here: the search, no; the expansion of Jaysh al-Nasr.
    await pointerAway(page);
    await clickElement(page, NODE, { button: 'right' });
    await page.getByTestId('menu-provenance').click();
    const section = page.getByTestId('details-panel').getByTestId('provenance');
    const steps = section.locator('li');
    await expect(steps.count()).resolves.toBe(1);
    const words = ((await steps.first().locator('.step-words').textContent()) ?? '').trim();
    expect(words).toMatch(
      /^Expanded the neighbourhood of Jaysh al-Nasr \(depth 1, all links\), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$/,
    );

    // Replay: the expansion again, bringing the removed neighbour back, recorded as a step of its own.
    await steps.first().getByTestId('replay').click();
    await page.waitForFunction((id) => window.__atlas.nodeIds().includes(id), REMOVED);
    await settled(page);
    const model = await hook.model(page);
    expect(model.recipe.removed).not.toContain(REMOVED);
    expect(model.steps.filter((s) => s.kind === 'expansion').length).toBe(2);
    await clickElement(page, NODE);
    await expect(section.locator('li').count()).resolves.toBe(2);
    await pointerAway(page);
    await suite.shot(page, 'provenance-replayed');
    expect(errors).toEqual([]);
  });
});
