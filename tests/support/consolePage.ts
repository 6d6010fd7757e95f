/**
 * What end-to-end tests do in the Cypher console, as an analyst would: open it, type into its editor
 * key by key, run with Ctrl+Enter, read the table's cells and the canvas's state.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { hook, settled } from './atlasPage.ts';

export const editor = (page: Page) => page.locator('[data-testid=console-editor] .cm-content');

export const editorHasFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('cm-content') ?? false);

/** Opens the console with its toolbar button; the editor then has the focus. */
export async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('console-toggle').click();
  await editor(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('cm-content'));
}

/** Replaces the editor's text by typing `query` key by key, and runs it with Ctrl+Enter. */
export async function typeAndRun(page: Page, query: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query, { delay: 2 });
  await page.keyboard.press('Control+Enter');
}

/** Waits for the answer to the run just started: a table, a "no rows" line, or an error. */
export async function answered(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid=console-running]'));
}

/** The text of each rendered row's cell in one column. */
export async function column(page: Page, index: number): Promise<string[]> {
  const texts = await page.locator(`[data-testid=console-table] tbody tr td:nth-child(${index + 1})`).allTextContents();
  return texts.map((s) => s.replace(/\s+/g, ' ').trim());
}

/** Clicks a column's header to sort by it. */
export async function sortBy(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid=console-table] thead th button', { hasText: new RegExp(`^\\s*${name}\\b`) }).click();
}

/** Exports the result as CSV and returns its lines (without the byte order mark and the last empty line). */
export async function csvLines(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('console-export-csv').click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  return csv.split('\r\n').slice(0, -1);
}

/** What the canvas shows and how: elements, where they are, what is selected, hidden, pinned, playing. */
export async function canvasState(page: Page): Promise<string> {
  await settled(page);
  const nodes = (await hook.nodes(page)).map((n) => ({
    id: n.id,
    x: Math.round(n.position.x),
    y: Math.round(n.position.y),
  }));
  const selected = await hook.selectedIds(page);
  // Hovering is where the pointer happens to be, and which labels are kept readable follows how much
  // room the canvas has (graph/labelDetail.ts; the console takes some): neither changes the view.
  const drawingOnly = new Set(['hovered', 'label-kept', 'label-minor']);
  const classes = await Promise.all(
    nodes.map(async (n) => (await hook.classesOf(page, n.id)).filter((c) => !drawingOnly.has(c))),
  );
  return JSON.stringify({
    nodes,
    edges: await hook.edgeIds(page),
    visible: await hook.visibleNodeIds(page),
    selected,
    classes,
    zoom: Math.round((await hook.zoom(page)) * 1000),
    playing: await page.getByTestId('play').getAttribute('aria-pressed'),
    url: page.url(),
  });
}
