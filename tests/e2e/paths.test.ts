/**
 * Shortest paths in the browser: pick two nodes, ask for the paths between them (GET /api/paths),
 * see every node and link of them drawn and highlighted, listed as distinct routes with their steps;
 * pick one route to show it alone, or one step to show it with all its parallel links.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickElement, hook, pointerAway, searchAndChoose, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

/**
 * Muhammad Mansour as "From" and the Sham Legion as "To", each chosen by search (which selects it): two
 * clicks on nodes placed on one spot would read as a double-click, which expands.
 */
async function chooseEnds(page: Page): Promise<void> {
  for (const [name, end] of [
    ['Muhammad Mansour', 'From'],
    ['Sham Legion', 'To'],
  ] as const) {
    await searchAndChoose(page, name, name);
    await settled(page);
    await page.locator('.endpoint', { hasText: end }).getByRole('button', { name: 'Use selected' }).click();
  }
  await expect(page.getByTestId('path-from').textContent()).resolves.toBe('Muhammad Mansour');
  await expect(page.getByTestId('path-to').textContent()).resolves.toBe('Sham Legion');
}

async function findPaths(page: Page): Promise<void> {
  await page.getByTestId('find-paths').click();
  await page.getByTestId('paths-summary').waitFor();
  await settled(page);
}

describe('paths', () => {
  it('finds and highlights the shortest paths between two chosen nodes', async () => {
    const { page, errors } = await suite.open();
    await chooseEnds(page);
    expect(await hook.edgeIds(page)).toEqual([]);
    await findPaths(page);

    const summary = (await page.getByTestId('paths-summary').textContent())!.trim();
    const m = /^(\d+) shortest routes?, (\d+) steps?$/.exec(summary);
    expect(m, summary).not.toBeNull();
    const [count, steps] = [Number(m![1]), Number(m![2])];
    expect(count).toBeGreaterThan(0);

    // Every path is drawn: its links join the two nodes through the nodes now on the canvas.
    const edges = await hook.edges(page);
    expect(edges.length).toBeGreaterThanOrEqual(steps);
    const items = page.getByTestId('path-list').getByTestId('route');
    await expect(items.count()).resolves.toBe(count);
    const firstText = (await items.first().getByRole('button').first().textContent())!.trim();
    expect(firstText.startsWith('Muhammad Mansour')).toBe(true);
    expect(firstText.endsWith('Sham Legion')).toBe(true);
    for (const id of ['muhammad-mansour', 'sham-legion']) expect(await hook.classesOf(page, id)).toContain('on-path');
    const onPath = (
      await Promise.all(edges.map(async (e) => ((await hook.classesOf(page, e.id)).includes('on-path') ? e : null)))
    ).filter(Boolean);
    expect(onPath.length).toBeGreaterThanOrEqual(steps);
    expect(new URL(page.url()).searchParams.getAll('p')).toEqual(['muhammad-mansour*sham-legion*4']);
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'paths');

    // Choosing one route shows it alone: each of its `steps` steps with every link it has.
    await items.first().getByRole('button').first().click();
    const stepTexts = await items.first().getByTestId('route-step').allTextContents();
    expect(stepTexts.length).toBe(steps);
    const links = stepTexts.map((t) => Number(/\((\d+) links\)/.exec(t)?.[1] ?? 1)).reduce((a, b) => a + b, 0);
    const highlighted = [];
    for (const e of edges) if ((await hook.classesOf(page, e.id)).includes('on-path')) highlighted.push(e.id);
    expect(highlighted.length).toBe(links);

    // The paths are part of the shared link: reopened, the same links are drawn and highlighted.
    const other = await suite.open(page.url().slice(suite.url().length));
    await other.page.getByTestId('paths-summary').waitFor();
    await expect(other.page.getByTestId('paths-summary').textContent()).resolves.toContain(summary);
    expect(new Set(await hook.edgeIds(other.page))).toEqual(new Set(edges.map((e) => e.id)));
    for (const e of onPath) expect(await hook.classesOf(other.page, e!.id)).toContain('on-path');
  });

  it('lists a route once, its step with parallel links says how many and highlights them all', async () => {
    // Jaysh al-Izza took part in the killings of 14 February 2017; Jund al-Aqsa fought in them, by five
    // claims from five sources: one route of two steps, its second step five parallel links.
    const { page, errors } = await suite.open('/?p=jaysh-al-izza*jund-al-aqsa*4');
    await page.getByTestId('paths-summary').waitFor();
    await settled(page);
    await expect(page.getByTestId('paths-summary').textContent()).resolves.toMatch(/^\s*1 shortest route, 2 steps\s*$/);
    const route = page.getByTestId('path-list').getByTestId('route');
    await expect(route.count()).resolves.toBe(1);
    const stepButtons = route.getByTestId('route-step');
    const texts = (await stepButtons.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(texts[0]).toMatch(/^Ja[iy]sh al-Izza —took part in→ Killing of /);
    expect(texts[1]).toMatch(/^Killing of .+ ←fought \(5 links\)— Jund al-Aqsa$/);

    const fought = (await hook.edges(page))
      .filter((e) => e.type === 'FOUGHT' && e.source === 'jund-al-aqsa' && e.target.startsWith('killing-of'))
      .map((e) => e.id);
    expect(fought.length).toBe(5);
    await stepButtons.nth(1).click();
    for (const id of [...fought, 'jund-al-aqsa']) expect(await hook.classesOf(page, id), id).toContain('on-path');
    expect(await hook.classesOf(page, 'jaysh-al-izza')).toContain('path-dim');
    await expect(stepButtons.nth(1).getAttribute('class')).resolves.toContain('chosen');
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'paths-parallel-step');
  });

  it('clears completely: Clear leaves nothing highlighted or dimmed; Clear canvas drops the selection and the endpoints', async () => {
    const { page, errors } = await suite.open();
    await chooseEnds(page);
    await findPaths(page);
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual([]);
    const marked = async () => {
      const marks = [];
      for (const id of [...(await hook.nodeIds(page)), ...(await hook.edgeIds(page))]) {
        const classes = await hook.classesOf(page, id);
        if (classes.includes('on-path') || classes.includes('path-dim')) marks.push(id);
      }
      return marks;
    };
    expect((await marked()).length).toBeGreaterThan(0);

    await page.locator('#paths').getByRole('button', { name: 'Clear', exact: true }).click();
    await settled(page);
    expect(await marked()).toEqual([]);

    await clickElement(page, 'sham-legion');
    await expect(page.getByTestId('details-panel').locator('h2').first().textContent()).resolves.toBe('Sham Legion');
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await settled(page);
    expect(await hook.nodeIds(page)).toEqual([]);
    await expect(page.getByTestId('details-panel').locator('h2').first().textContent()).resolves.toBe('Details');
    await expect(page.getByTestId('details-panel').textContent()).resolves.toContain('Select a node or a link');
    await expect(page.getByTestId('path-from').textContent()).resolves.toBe('—');
    await expect(page.getByTestId('path-to').textContent()).resolves.toBe('—');
    expect(errors).toEqual([]);
  });

  it('says so when no path is short enough', async () => {
    const { page } = await suite.open();
    await searchAndChoose(page, 'Turkey', 'Turkey');
    await searchAndChoose(page, 'Alaa Rakhmon', 'Alaa Rakhmon');
    await clickElement(page, 'turkey');
    await page.locator('.endpoint', { hasText: 'From' }).getByRole('button', { name: 'Use selected' }).click();
    await clickElement(page, 'alaa-rakhmon');
    await page.locator('.endpoint', { hasText: 'To' }).getByRole('button', { name: 'Use selected' }).click();
    await page.selectOption('select[name=max-length]', '1');
    await page.getByTestId('find-paths').click();
    await page.getByTestId('paths-summary').waitFor();
    await expect(page.getByTestId('paths-summary').textContent()).resolves.toContain('No path within 1 step');
    await suite.shot(page, 'paths-none');
  });
});
