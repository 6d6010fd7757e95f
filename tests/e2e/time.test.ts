/**
 * Time in the browser: the slider redraws the network as of a date (June 2018: the 111th Regiment
 * has left Jaysh al-Nasr, so their link is gone), the timeline's events take the view to their date,
 * and play steps through the months.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, hook, pointerAway, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

const MERGER = '111th-regiment-merged-into-jaysh-al-nasr';
const JOINED_NFL = 'jaysh-al-nasr-member-of-national-front-for-liberation';

async function asOfText(page: Page): Promise<string> {
  return ((await page.textContent('[data-testid=as-of]')) ?? '').trim();
}

/** Links drawn (and not hidden) between two nodes, either way. */
async function linksBetween(page: Page, a: string, b: string): Promise<string[]> {
  const visible = new Set(await hook.visibleEdgeIds(page));
  return (await hook.edges(page))
    .filter((e) => visible.has(e.id) && ((e.source === a && e.target === b) || (e.source === b && e.target === a)))
    .map((e) => e.id);
}

describe('time', () => {
  it('moving the slider to June 2018 removes the 111th Regiment’s link to Jaysh al-Nasr', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    expect(await linksBetween(page, '111th-regiment', 'jaysh-al-nasr')).toContain(MERGER);
    expect(await asOfText(page)).toBe('All dates');

    // With the keyboard, as an analyst would: from the far end, month by month back to June 2018.
    const slider = page.getByTestId('time-slider');
    await slider.focus();
    await page.keyboard.press('End');
    for (let i = 0; i < 120 && (await asOfText(page)) !== 'As of 30 June 2018'; i++)
      await page.keyboard.press('ArrowLeft');
    expect(await asOfText(page)).toBe('As of 30 June 2018');
    await settled(page);

    expect(await hook.edgeIds(page)).not.toContain(MERGER);
    expect(await linksBetween(page, '111th-regiment', 'jaysh-al-nasr')).toEqual([]);
    // What did hold in June 2018 is still there: Jaysh al-Nasr had joined the National Front in May.
    expect(await hook.visibleEdgeIds(page)).toContain(JOINED_NFL);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2018-06-30');
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'time-june-2018');

    // Back to all dates: the merger is drawn again.
    await page.getByRole('button', { name: 'All dates' }).click();
    await settled(page);
    expect(await linksBetween(page, '111th-regiment', 'jaysh-al-nasr')).toContain(MERGER);
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
  });

  it('an event on the timeline takes the network to its date and selects it', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const event = 'attack-on-jaysh-al-nasr-headquarters-near-murak';
    const tick = page.locator(`[data-testid=timeline] [data-event-id="${event}"]`);
    await expect(tick.getAttribute('aria-label')).resolves.toMatch(/^7 February 2017: /);
    await tick.click();
    await settled(page);

    expect(await asOfText(page)).toBe('As of 7 February 2017');
    expect(await hook.selectedIds(page)).toEqual([event]);
    const visible = await hook.visibleEdgeIds(page);
    expect(visible).toContain(MERGER); // the 111th Regiment had not left yet
    expect(visible).toContain('jund-al-aqsa-fought-jaysh-al-nasr'); // fought from 7 to 14 February 2017
    expect(visible).not.toContain(JOINED_NFL); // the National Front came in 2018
    await pointerAway(page);
    await suite.shot(page, 'time-timeline-event');
  });

  it('play steps through the months, and pauses', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const play = page.getByTestId('play');
    await play.click();
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('true');
    const seen = new Set<string>();
    for (let i = 0; i < 100 && seen.size < 3; i++) {
      seen.add(await asOfText(page));
      await page.waitForTimeout(200);
    }
    expect([...seen].filter((t) => t.startsWith('As of ')).length).toBeGreaterThanOrEqual(2);
    await play.click();
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('false');
    const stopped = await asOfText(page);
    await page.waitForTimeout(1500);
    expect(await asOfText(page)).toBe(stopped);
    await suite.shot(page, 'time-play');
  });
});
