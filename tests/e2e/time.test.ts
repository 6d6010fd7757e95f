/**
 * Time in the browser: the slider redraws the network as of a date (June 2018: the 111th Regiment
 * has left Jaysh al-Nasr, so their link is gone), the timeline's events take the view to their date,
 * play steps through time, and stepping stops on the day of every dated fact, so one-day events
 * (links valid from the event's day to that day) are drawn on their day.
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

  it('stepping with . stops on the 14 February 2017 killings: the event and its claims are drawn that day, gone by June 2018', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const killing = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
    const claims = (await hook.edges(page))
      .filter((e) => e.source === killing || e.target === killing)
      .map((e) => e.id);
    expect(claims).toContain('jaysh-al-nasr-participated-in-killing-of-its-prisoners-near-khan-shaykhun');

    // The strip lists every dated event the view knows, whatever the date.
    const ticks = page.locator('[data-testid=timeline] [data-event-id]');
    const listed = await ticks.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(listed).toContain(killing);
    expect(listed).toContain('announcement-of-the-national-front-for-liberation');

    // The range starts at the first dated fact (Jaysh al-Nasr, August 2015), not months before.
    const slider = page.getByTestId('time-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await asOfText(page)).toBe('As of 31 July 2015');
    for (let i = 0; i < 200 && (await asOfText(page)) !== 'As of 31 January 2017'; i++)
      await page.keyboard.press('ArrowRight');
    expect(await asOfText(page)).toBe('As of 31 January 2017');
    await settled(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // On with '.', as an analyst would, until the killing event is drawn.
    const days: string[] = [];
    for (let i = 0; i < 10 && !(await hook.nodeIds(page)).includes(killing); i++) {
      await page.keyboard.press('.');
      await settled(page);
      days.push(await asOfText(page));
    }
    expect(days).toContain('As of 7 February 2017'); // the Murak attack and the prisoner exchange
    expect(await asOfText(page)).toBe('As of 14 February 2017');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2017-02-14');
    expect(await hook.visibleNodeIds(page)).toContain(killing);
    const visible = await hook.visibleEdgeIds(page);
    for (const claim of claims) expect(visible).toContain(claim);
    // Its tick is marked as the chosen day's; the strip still lists what is not drawn today.
    await expect(
      page.locator(`[data-testid=timeline] [data-event-id="${killing}"]`).getAttribute('aria-current'),
    ).resolves.toBe('date');
    await expect(ticks.count()).resolves.toBeGreaterThanOrEqual(listed.length);
    await pointerAway(page);
    await suite.shot(page, 'time-killings-14-february-2017');

    // On to June 2018: the instant is over, the event and its claims are gone.
    for (let i = 0; i < 60 && (await asOfText(page)) !== 'As of 30 June 2018'; i++) {
      await page.keyboard.press('.');
      await settled(page);
    }
    expect(await asOfText(page)).toBe('As of 30 June 2018');
    expect(await hook.nodeIds(page)).not.toContain(killing);
    const edges = await hook.edgeIds(page);
    for (const claim of claims) expect(edges).not.toContain(claim);
    await expect(
      page.locator(`[data-testid=timeline] [data-event-id="${killing}"]`).getAttribute('class'),
    ).resolves.toMatch(/\bpast\b/);
    expect(errors).toEqual([]);
  });

  it('play steps through time, and pauses', async () => {
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
