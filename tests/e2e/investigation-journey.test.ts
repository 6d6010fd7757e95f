/**
 * An investigation from start to finish, as issue 9's "done when" walks it: a view built through a
 * search, an expansion, shortest paths and a console query; a note; saved; the page reloaded gives the
 * same view (positions within 1 px, zoom, filters, date, paths, notes, and how each element got there);
 * Back steps back inside the app; two dates compared with their legend, saved with it; and the Share
 * link opened in a fresh browser context shows it read-only.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAndExpand, findPathsBetween, clickElement, hook, settled } from '../support/atlasPage.ts';
import { answered, openConsole, typeAndRun } from '../support/consolePage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { createInvestigation, saved } from '../support/investigationPage.ts';

const suite = e2eSuite();

/** What the console query draws that nothing else brought: Sham Legion's other faction links. */
const QUERY = "MATCH (f:Faction {id: 'sham-legion'})-[r]-(g:Faction) RETURN f, r, g LIMIT 3";

async function noteOn(page: Page, id: string, text: string): Promise<void> {
  await clickElement(page, id);
  const details = page.getByTestId('details-panel');
  await details.getByTestId('add-note').click();
  await details.locator('.note-editor textarea').fill(text);
  await details.getByTestId('note-save').click();
  await details.locator('.note-editor').waitFor({ state: 'detached' });
}

/** The picture a reader checks: where each node is, the window onto it, what is lit, filtered and dated. */
async function picture(page: Page) {
  const model = await hook.model(page);
  return {
    positions: new Map((await hook.nodes(page)).map((n) => [n.id, n.position])),
    viewport: await hook.viewport(page),
    recipe: model.recipe,
    lit: (await hook.visibleNodeIds(page))
      .concat(await hook.visibleEdgeIds(page))
      .filter(Boolean)
      .sort(),
    onPath: (
      await page.evaluate(() =>
        [...window.__atlas.visibleNodeIds(), ...window.__atlas.visibleEdgeIds()].filter((id) =>
          window.__atlas.classesOf(id).includes('on-path'),
        ),
      )
    ).sort(),
    steps: model.steps.map((s) => s.kind),
    provenance: model.provenance,
    notes: (await page.getByTestId('notes-list').locator('li').allTextContents()).map((t) => t.trim()),
  };
}

describe('an investigation, start to finish', () => {
  it('built, annotated, saved, reopened exactly, walked back, compared, and shared read-only', async () => {
    const { page, errors } = await suite.open('/');
    const id = await createInvestigation(page);

    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    await findPathsBetween(page, 'Muhammad Mansour', 'Sham Legion');
    await openConsole(page);
    await typeAndRun(page, QUERY);
    await answered(page);
    await page.getByTestId('console-toggle').click();
    await settled(page);
    await noteOn(page, 'jaysh-al-nasr', 'Formed October 2015; see the Jamestown piece.');
    await page.getByRole('checkbox', { name: 'Place' }).uncheck();
    await settled(page);
    const slider = page.getByTestId('time-slider');
    await slider.focus();
    await page.keyboard.press('End'); // all time; each step left is one earlier day the network changed
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await settled(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await saved(page);

    const before = await picture(page);
    expect(before.steps).toEqual(expect.arrayContaining(['search', 'expansion', 'path', 'query']));
    expect(before.onPath.length).toBeGreaterThan(0);
    expect(before.recipe.hiddenLabels).toEqual(['Place']);
    expect(before.recipe.asOf).not.toBeNull();
    expect(before.notes.join(' ')).toContain('Formed October 2015');
    // What the console query drew is credited to that query (after any earlier step), with its text.
    const model = await hook.model(page);
    const queryStep = model.steps.find((s) => s.kind === 'query');
    expect(queryStep && 'text' in queryStep ? queryStep.text : '').toBe(QUERY);
    const byQuery = Object.entries(model.provenance).filter(([, steps]) => steps.includes(queryStep?.id ?? ''));
    expect(byQuery.length).toBeGreaterThan(0);

    await page.reload();
    await page.waitForSelector('[data-testid=save-state][data-state=saved]');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('investigation')).toBe(id);
    const after = await picture(page);
    expect([...after.positions.keys()].sort()).toEqual([...before.positions.keys()].sort());
    for (const [node, at] of before.positions) {
      expect(Math.abs(after.positions.get(node)!.x - at.x)).toBeLessThan(1);
      expect(Math.abs(after.positions.get(node)!.y - at.y)).toBeLessThan(1);
    }
    expect(after.viewport.zoom).toBeCloseTo(before.viewport.zoom, 6);
    expect(Math.abs(after.viewport.pan.x - before.viewport.pan.x)).toBeLessThan(1);
    expect(Math.abs(after.viewport.pan.y - before.viewport.pan.y)).toBeLessThan(1);
    expect(after.recipe).toEqual(before.recipe);
    expect(after.lit).toEqual(before.lit);
    expect(after.onPath).toEqual(before.onPath);
    expect(after.steps).toEqual(before.steps);
    expect(after.provenance).toEqual(before.provenance);
    expect(after.notes).toEqual(before.notes);
    expect(await page.getByRole('checkbox', { name: 'Place' }).isChecked()).toBe(false);

    // Back: one of the analyst's own steps, inside the app (the filter was the step before the date).
    await page.getByRole('checkbox', { name: 'Event' }).uncheck();
    await settled(page);
    const origin = new URL(page.url()).origin;
    await page.goBack();
    await page.waitForFunction(() => !window.__atlas.model().recipe.hiddenLabels.includes('Event'));
    await settled(page);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).searchParams.get('investigation')).toBe(id);
    expect((await hook.model(page)).recipe.hiddenLabels).toEqual(['Place']);

    // Two dates compared: drawn with a legend, and saved with the investigation.
    await page.getByTestId('compare-a').fill('2014-01-01');
    await page.getByTestId('compare-b').fill('2016-12-31');
    await page.getByTestId('compare-run').click();
    await settled(page);
    await page.getByTestId('compare-legend').waitFor();
    expect(await page.getByTestId('legend-added').textContent()).toMatch(/\d+ (links?|nodes?)/);
    await saved(page);

    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    const reader = await suite.open(link.slice(suite.url().length));
    await reader.page.getByTestId('read-only-badge').waitFor();
    await settled(reader.page);
    await reader.page.getByTestId('compare-legend').waitFor();
    const seen = new Map((await hook.nodes(reader.page)).map((n) => [n.id, n.position]));
    const now = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    expect([...seen.keys()].sort()).toEqual([...now.keys()].sort());
    for (const [node, at] of now) expect(Math.abs(seen.get(node)!.x - at.x)).toBeLessThan(1);
    expect((await hook.model(reader.page)).compare).toEqual({ a: '2014-01-01', b: '2016-12-31' });
    expect(await reader.page.getByTestId('note-on-canvas').isDisabled()).toBe(true);
    expect(reader.errors).toEqual([]);
    expect(errors).toEqual([]);
    await suite.shot(reader.page, 'investigation-journey-shared');
  });
});
