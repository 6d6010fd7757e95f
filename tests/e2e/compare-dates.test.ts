/**
 * Compare two dates in the browser, on the seed's Jaysh al-Nasr neighbourhood: dates out of order are
 * refused with a message; 1 January 2014 against 31 December 2016 colours what was added, ended and
 * held (the classes the seed's valid time calls for, checked by the contract's rule), shows a legend
 * with the counts of what is drawn, lists what came and went in between, is part of the saved view and
 * undoable; Clear takes colours and legend away. With the time panel at a date, comparing draws what
 * held on A or B even where that date had left it out.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lifetimeOf } from '../../contract/validTime.ts';
import { changeBetween } from '../../client/src/graph/compareDates.ts';
import { addAndExpand, hook, pointerAway, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { seed, seedValidTime } from '../support/seedValidTime.ts';

const suite = e2eSuite();

const A = '2014-01-01';
const B = '2016-12-31';
/** From September 2016 (seed: "2016-09", no end): added between A and B. */
const ADDED = 'liwa-ahrar-darayya-merged-into-jaysh-al-nasr';
/** August to October 2015: came and went between A and B, held on neither day. */
const BETWEEN = 'falcons-of-al-ghab-member-of-jaysh-al-nasr';
/** Undated on the left ("by 5 May 2016"): held on A, over by B. */
const ENDED_NODE = 'jamiat-al-zahra-tank-shelling-2016';
/** October 2015 to 9 February 2018: held on 1 January 2016, ended by 31 December 2018. */
const MERGER = '111th-regiment-merged-into-jaysh-al-nasr';

const CMP = ['cmp-added', 'cmp-ended', 'cmp-held', 'cmp-neither'];
const cmpClass = async (page: Page, id: string) => (await hook.classesOf(page, id)).filter((c) => CMP.includes(c));

async function compare(page: Page, a: string, b: string): Promise<void> {
  await page.getByTestId('compare-a').fill(a);
  await page.getByTestId('compare-b').fill(b);
  await page.getByTestId('compare-run').click();
  await settled(page);
}

/** "3 links, 2 nodes" → numbers. */
function counted(text: string): { links: number; nodes: number } {
  const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  return { links: n(/(\d+) links?/), nodes: n(/(\d+) nodes?/) };
}

/** What the seed says each drawn element did between a and b (the contract's rule on the seed's dates). */
async function expected(page: Page, a: string, b: string) {
  const edges = new Set(await hook.edgeIds(page));
  const nodes = new Set(await hook.nodeIds(page));
  const count = { added: { links: 0, nodes: 0 }, ended: { links: 0, nodes: 0 }, held: { links: 0, nodes: 0 } };
  for (const r of seed.relationships.filter((r) => edges.has(r.id))) {
    const c = changeBetween(seedValidTime(r), a, b);
    if (c) count[c].links++;
  }
  for (const n of seed.nodes.filter((n) => nodes.has(n.id))) {
    const c = changeBetween(lifetimeOf(n), a, b);
    if (c) count[c].nodes++;
  }
  return count;
}

describe('compare two dates', () => {
  it('colours added, ended and held between 2014 and 2016 with a legend of counts; Clear takes them away', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const legend = page.getByTestId('compare-legend');

    // Out of order: a clear message, nothing compared.
    await compare(page, B, A);
    await expect(page.getByTestId('compare-error').textContent()).resolves.toBe(
      'Date A (31 December 2016) must not be after date B (1 January 2014).',
    );
    expect((await hook.model(page)).compare).toBeNull();
    await expect(legend.count()).resolves.toBe(0);

    await compare(page, A, B);
    await expect(page.getByTestId('compare-error').count()).resolves.toBe(0);
    await legend.waitFor();
    expect(await cmpClass(page, ADDED)).toEqual(['cmp-added']);
    expect(await cmpClass(page, ENDED_NODE)).toEqual(['cmp-ended']);
    expect(await cmpClass(page, BETWEEN)).toEqual(['cmp-neither']);
    expect(changeBetween(seedValidTime(seed.relationships.find((r) => r.id === ADDED)!), A, B)).toBe('added');

    // The legend counts what is drawn, as the seed's dates have it.
    const want = await expected(page, A, B);
    for (const change of ['added', 'ended', 'held'] as const) {
      const text = (await legend.getByTestId(`legend-${change}`).textContent()) ?? '';
      expect(counted(text)).toEqual(want[change]);
    }
    expect(want.added.links).toBeGreaterThan(0);
    await expect(legend.textContent()).resolves.toContain('1 January 2014 → 31 December 2016');
    // Every drawn element is in exactly one group.
    for (const id of [...(await hook.nodeIds(page)), ...(await hook.edgeIds(page))])
      expect((await cmpClass(page, id)).length).toBe(1);

    // The panel lists the groups; what came and went in between is listed and a click selects it.
    const between = page.getByTestId('compare-between');
    await between.locator('summary').click();
    await between.locator(`[data-element-id="${BETWEEN}"]`).click();
    expect(await hook.selectedIds(page)).toEqual([BETWEEN]);
    await page.getByTestId('compare-added').locator('summary').click();
    await expect(page.getByTestId('compare-added').locator(`[data-element-id="${ADDED}"]`).textContent()).resolves.toBe(
      'Liwa Ahrar Darayya merged into Jaysh al-Nasr',
    );

    // Saved with the view, and one undo step.
    expect((await hook.model(page)).compare).toEqual({ a: A, b: B });
    await pointerAway(page);
    await suite.shot(page, 'compare-dates');
    await page.locator('#canvas').focus();
    await page.keyboard.press('Control+z');
    await settled(page);
    expect((await hook.model(page)).compare).toBeNull();
    await expect(legend.count()).resolves.toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await settled(page);
    expect((await hook.model(page)).compare).toEqual({ a: A, b: B });
    await legend.waitFor();

    // Clear: no colours, no legend.
    await page.getByTestId('compare-clear').click();
    await settled(page);
    await expect(legend.count()).resolves.toBe(0);
    for (const id of [ADDED, ENDED_NODE, BETWEEN]) expect(await cmpClass(page, id)).toEqual([]);
    expect((await hook.model(page)).compare).toBeNull();
    expect(errors).toEqual([]);
  });

  it('with the time panel at June 2018, compares on every date and says which date the canvas is at', async () => {
    const { page, errors } = await suite.open('/?x=jaysh-al-nasr*1*both*all*25&asOf=2018-06-30');
    await settled(page);
    // The 111th Regiment had left by June 2018: not drawn at that date.
    expect(await hook.edgeIds(page)).not.toContain(MERGER);

    await compare(page, '2016-01-01', '2018-12-31');
    await page.waitForFunction((id) => window.__atlas.edgeIds().includes(id), MERGER);
    await settled(page);
    expect(await cmpClass(page, MERGER)).toEqual(['cmp-ended']);
    expect(await hook.visibleEdgeIds(page)).toContain(MERGER);
    await expect(page.getByTestId('compare-canvas-date').textContent()).resolves.toMatch(
      /^The time panel is at 30 June 2018; while comparing, the canvas shows every date/,
    );
    await expect(page.getByTestId('compare-legend').getByTestId('legend-ended').textContent()).resolves.toMatch(
      /\d+ links?/,
    );
    await pointerAway(page);
    await suite.shot(page, 'compare-dates-as-of');

    // Cleared, the canvas is at June 2018 again.
    await page.getByTestId('compare-clear').click();
    await settled(page);
    await page.waitForFunction((id) => !window.__atlas.visibleEdgeIds().includes(id), MERGER);
    expect(await hook.classesOf(page, 'jaysh-al-nasr')).not.toContain('cmp-held');
    await expect(page.getByTestId('compare-canvas-date').textContent()).resolves.toBe('The canvas is at 30 June 2018.');
    expect(errors).toEqual([]);
  });
});
