/**
 * Shareable state in the browser: focus, date, filters, layout and what was explored live in the URL;
 * opening the link elsewhere (or reloading) gives the same view.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, clickElement, hook, pointerAway, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

async function viewOf(page: Page) {
  return {
    nodes: new Set(await hook.nodeIds(page)),
    edges: new Set(await hook.edgeIds(page)),
    visible: new Set(await hook.visibleNodeIds(page)),
    stats: (await stats(page)).text,
    asOf: (await page.textContent('[data-testid=as-of]'))!.trim(),
    layout: await page.inputValue('[data-testid=layout]'),
    personShown: await page.getByRole('checkbox', { name: 'Person' }).isChecked(),
    selected: await hook.selectedIds(page),
    details: (await page.locator('#details h2').first().textContent())!.trim(),
  };
}

describe('shared URL', () => {
  it('a copied link reopens the same view: nodes, date, filters, layout and focus', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    await page.getByRole('checkbox', { name: 'Person' }).uncheck();
    const slider = page.getByTestId('time-slider');
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 120 && (await page.textContent('[data-testid=as-of]'))!.trim() !== 'As of 30 June 2018'; i++) {
      await page.keyboard.press('ArrowLeft');
    }
    await settled(page);
    await page.selectOption('[data-testid=layout]', 'concentric');
    await settled(page);
    await clickElement(page, 'falcons-of-al-ghab');
    await settled(page);
    await pointerAway(page);

    const shared = page.url();
    const query = new URL(shared).searchParams;
    expect(query.get('asOf')).toBe('2018-06-30');
    expect(query.get('layout')).toBe('concentric');
    expect(query.get('focus')).toBe('falcons-of-al-ghab');
    expect(query.getAll('hl')).toEqual(['Person']);
    const original = await viewOf(page);
    expect(original.details).toBe('Falcons of al-Ghab');
    await suite.shot(page, 'shared-url-original');

    // In another browser context, as a colleague opening the link would.
    const other = await suite.open(shared.slice(suite.url().length));
    await settled(other.page);
    expect(other.page.url()).toBe(shared);
    expect(await viewOf(other.page)).toEqual(original);
    expect(other.errors).toEqual([]);
    await suite.shot(other.page, 'shared-url-reopened');

    // And a plain reload.
    await page.reload();
    await page.waitForSelector('[data-testid=graph-stats]');
    await settled(page);
    expect(await viewOf(page)).toEqual(original);
    expect(errors).toEqual([]);
  });

  it('a link with nonsense in it opens what it can and drops the rest', async () => {
    const { page, errors } = await suite.open('/?n=jaysh-al-nasr&asOf=2018-13-45&layout=spiral&hl=Nope&x=bad*9');
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 1);
    await settled(page);
    expect(await hook.nodeIds(page)).toEqual(['jaysh-al-nasr']);
    expect((await page.textContent('[data-testid=as-of]'))!.trim()).toBe('All dates');
    expect(await page.inputValue('[data-testid=layout]')).toBe('fcose');
    expect(errors).toEqual([]);
    await suite.shot(page, 'shared-url-nonsense');
  });
});
