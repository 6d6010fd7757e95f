/**
 * The entity table and the room it leaves the canvas: all factions listed, events of 2017 filtered,
 * a column sorted both ways by its header (aria-sort says which), a row clicked or entered is on the
 * canvas and selected; at 1024x720 and 1280x720, with the side panels folded and the console open, the
 * canvas keeps more than half the window's width, the console's handle changes its height by drag and
 * by keyboard, and the choices come back after a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../contract/importFile.ts';
import { readSeed } from '../../server/services/seed.ts';
import { hook, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const seed = importFile.parse(readSeed());
const seedIds = (label: string) => seed.nodes.filter((n) => n.label === label).map((n) => n.id);

async function openTable(page: Page): Promise<void> {
  await page.getByTestId('toggle-table').click();
  await page.getByTestId('entity-table').waitFor();
}

async function showAll(page: Page, label: string): Promise<void> {
  await page.getByTestId('entity-mode').selectOption(label);
  await waitForCount(page);
}

/** Waits until the table is not loading, and answers the count line. */
async function waitForCount(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid=entity-count]')?.textContent ?? '';
    return text.trim() !== '' && !text.includes('Loading');
  });
  return ((await page.getByTestId('entity-count').textContent()) ?? '').trim();
}

const rowIds = (page: Page) =>
  page.$$eval('[data-testid=entity-rows] tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));

describe('the entity table', () => {
  it('lists all factions, and the events of 2017 by a year range', async () => {
    const { page, errors } = await suite.open();
    await openTable(page);
    await showAll(page, 'Faction');
    expect(await waitForCount(page)).toBe(`${seedIds('Faction').length} factions`);
    expect(new Set(await rowIds(page))).toEqual(new Set(seedIds('Faction')));
    await expect(page.locator('[data-testid=entity-rows] th[aria-sort=ascending]').textContent()).resolves.toContain(
      'Name',
    );

    await showAll(page, 'Event');
    await page.getByTestId('entity-from').fill('2017');
    await page.getByTestId('entity-to').fill('2017');
    await page.getByTestId('entity-to').press('Tab');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=entity-count]')?.textContent?.includes('5 events'),
    );
    expect(new Set(await rowIds(page))).toEqual(
      new Set([
        '2017-hama-offensive',
        'assassination-of-alaa-rakhmon',
        'attack-on-jaysh-al-nasr-headquarters-near-murak',
        'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun',
        'qalaat-al-madiq-prisoner-exchange-2017',
      ]),
    );
    // Not a date: said, and the list is not asked for.
    await page.getByTestId('entity-from').fill('spring');
    await page.getByTestId('entity-from').press('Tab');
    await expect(page.getByTestId('entity-from').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await suite.shot(page, 'entity-table-events-2017');
  });

  it('sorts by a column header both ways, saying so with aria-sort', async () => {
    const { page, errors } = await suite.open();
    await openTable(page);
    await showAll(page, 'Faction');
    const links = page.locator('[data-testid=entity-rows] th', { hasText: 'Links' });
    await links.locator('button').click();
    await waitForCount(page);
    await expect(links.getAttribute('aria-sort')).resolves.toBe('descending');
    const mostFirst = await rowIds(page);
    expect(mostFirst[0]).toBe('jaysh-al-nasr');
    const count = (id: string) => page.locator(`tr[data-id="${id}"] td.number`).textContent().then(Number);
    expect(await count(mostFirst[0]!)).toBeGreaterThan(await count(mostFirst.at(-1)!));

    await links.locator('button').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=entity-rows] th[aria-sort=ascending] [data-sort=links]'),
    );
    await waitForCount(page);
    const fewestFirst = await rowIds(page);
    expect(fewestFirst.at(-1)).toBe('jaysh-al-nasr');
    expect(await count(fewestFirst[0]!)).toBeLessThanOrEqual(await count(fewestFirst.at(-1)!));
    expect(await page.locator('[data-testid=entity-rows] th[aria-sort=none]').count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it('puts a clicked row on the canvas and selects it; Enter on a row does the same; Drawn lists them', async () => {
    const { page, errors } = await suite.open();
    await openTable(page);
    await showAll(page, 'Faction');
    await page.locator('tr[data-id="sham-legion"]').click();
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('sham-legion'));
    await settled(page);
    expect(await hook.selectedIds(page)).toEqual(['sham-legion']);
    await expect(page.locator('tr[data-id="sham-legion"]').getAttribute('class')).resolves.toContain('drawn');

    await page.locator('tr[data-id="falcons-of-al-ghab"] button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('falcons-of-al-ghab'));
    await settled(page);
    expect(await hook.selectedIds(page)).toEqual(['falcons-of-al-ghab']);

    // A drawn row selects its node again, without adding anything.
    await page.locator('tr[data-id="sham-legion"]').click();
    await page.waitForFunction(() => window.__atlas.selectedIds().join() === 'sham-legion');
    expect((await hook.nodeIds(page)).length).toBe(2);

    await page.getByTestId('entity-mode').selectOption('drawn');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=entity-count]')?.textContent?.includes('2 drawn'),
    );
    expect(new Set(await rowIds(page))).toEqual(new Set(['sham-legion', 'falcons-of-al-ghab']));
    await expect(page.locator('tr[data-id="sham-legion"]').getAttribute('aria-current')).resolves.toBe('true');
    expect(errors).toEqual([]);
    await suite.shot(page, 'entity-table-drawn');
  });
});

describe('room for the canvas', () => {
  for (const size of [
    { width: 1024, height: 720 },
    { width: 1280, height: 720 },
  ]) {
    it(`keeps the canvas over half of ${size.width}x${size.height} with panels folded and the console open; the handle resizes the console`, async () => {
      const { page, errors } = await suite.open('/', size);
      const canvasWidth = async () => (await page.locator('#canvas').boundingBox())!.width;
      const before = await canvasWidth();
      await page.getByTestId('toggle-left').click();
      await page.getByTestId('toggle-details').click();
      await expect(page.getByTestId('toggle-details').getAttribute('aria-expanded')).resolves.toBe('false');
      await page.getByTestId('console-toggle').click();
      await page.getByTestId('console').waitFor();
      await page.locator('#status').click(); // focus off the editor, so keys are the page's again
      expect(await canvasWidth()).toBeGreaterThan(before);
      expect((await canvasWidth()) / size.width).toBeGreaterThanOrEqual(0.85);
      // The entity table open as well, the canvas still has more than half the width.
      await openTable(page);
      expect((await canvasWidth()) / size.width).toBeGreaterThanOrEqual(0.55);
      const canvasBox = (await page.locator('#canvas').boundingBox())!;
      expect(canvasBox.height).toBeGreaterThan(100);

      const consoleHeight = async () => (await page.getByTestId('console').boundingBox())!.height;
      const handle = page.getByTestId('console-handle');
      const start = await consoleHeight();
      const grip = (await handle.boundingBox())!;
      await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
      await page.mouse.down();
      await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 + 80, { steps: 5 });
      await page.mouse.up();
      const dragged = await consoleHeight();
      expect(dragged).toBeLessThan(start - 60);
      expect((await page.locator('#canvas').boundingBox())!.height).toBeGreaterThan(canvasBox.height + 60);

      await handle.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(Math.round((await consoleHeight()) - dragged)).toBe(40);
      await expect(handle.getAttribute('aria-valuenow')).resolves.toBe(String(Math.round(dragged + 40)));
      // The arrows were the handle's: no shortcut ran (nothing was drawn or selected).
      expect(await hook.nodeIds(page)).toEqual([]);

      // Folded panels and the console's height come back on the next visit.
      await page.reload();
      await page.waitForSelector('[data-testid=graph-stats]');
      await expect(page.getByTestId('toggle-left').getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(page.getByTestId('toggle-table').getAttribute('aria-expanded')).resolves.toBe('true');
      await page.getByTestId('console-toggle').click();
      await page.getByTestId('console').waitFor();
      expect(Math.round(await consoleHeight())).toBe(Math.round(dragged + 40));
      expect(errors).toEqual([]);
      await suite.shot(page, `room-for-canvas-${size.width}`);
    });
  }
});
