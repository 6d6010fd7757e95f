/**
 * Claims read exactly as their sources state them, wherever a date or figure shows: a date known only
 * as a bound ("by 6 January 2017") and a hedged claim ("largely") on the canvas's link labels, in the
 * details panel, in the lineage panel and in the timeline's tooltips.
 */
import { describe, expect, it } from 'vitest';
import { clickElement, hook, pointerAway, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

const UWAIS_MERGER = 'uwais-al-qarni-battalion-merged-into-jaysh-al-nasr';
const WESTERN_SUPPORT = 'western-backers-supported-jaysh-al-nasr';
const SHELLING = 'jamiat-al-zahra-tank-shelling-2016';

describe('claims as stated', () => {
  it('labels links and details them with their date qualifiers and hedges', async () => {
    const { page, errors } = await suite.open('/?n=uwais-al-qarni-battalion&n=jaysh-al-nasr&n=western-backers');
    await settled(page);
    const labels = new Map((await hook.edgeLooks(page)).map((e) => [e.id, e.label]));
    // Reported in a tweet of 6 January 2017: merged no later than that, not on that day, and the date
    // reads as the start it bounds, never as an end ("merged into — by 6 January 2017").
    // Each first line ends with the claim's grade (issue 12): the seed's sources are ungraded, F–.
    expect(labels.get(UWAIS_MERGER)).toBe('merged into · F–\nsince no later than 6 January 2017');
    expect(labels.get(WESTERN_SUPPORT)).toBe('supported by · F–\nuntil October 2017\nlargely');

    const details = page.getByTestId('details-panel');
    await clickElement(page, UWAIS_MERGER);
    await expect(details.getByTestId('edge-interval').textContent()).resolves.toBe(
      'since no later than 6 January 2017',
    );
    await clickElement(page, WESTERN_SUPPORT);
    await expect(details.getByTestId('edge-interval').textContent()).resolves.toBe('until October 2017');
    await expect(details.getByTestId('edge-claim').textContent()).resolves.toContain('(largely)');
    // The qualifiers are said in words, not listed again as raw properties.
    const terms = await details.locator('.properties dt').allTextContents();
    for (const raw of ['qualifier', 'fromQualifier', 'validFrom', 'validTo']) expect(terms).not.toContain(raw);
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'claims-as-stated-links');
  });

  it('says a membership bounded by its own end, and an open start, unambiguously', async () => {
    const { page, errors } = await suite.open('/?n=alaa-rakhmon&n=muhannad-junaid&n=jaysh-al-nasr');
    await settled(page);
    const labels = new Map((await hook.edgeLooks(page)).map((e) => [e.id, e.label]));
    expect(labels.get('alaa-rakhmon-member-of-jaysh-al-nasr')).toBe(
      'member of · F–\nuntil 22 May 2017 (start unknown)',
    );
    expect(labels.get('muhannad-junaid-member-of-jaysh-al-nasr')).toBe(
      'member of · F–\nsince no later than 23 February 2017',
    );
    expect(errors).toEqual([]);
  });

  it('names what a figure counts on the canvas: captured fighters are not casualties', async () => {
    const MURAK = 'jund-al-aqsa-fought-attack-on-jaysh-al-nasr-headquarters-near-murak';
    const { page, errors } = await suite.open('/?n=jund-al-aqsa&n=attack-on-jaysh-al-nasr-headquarters-near-murak');
    await settled(page);
    const label = (await hook.edgeLooks(page)).find((e) => e.id === MURAK)?.label ?? '';
    expect(label.split('\n')[0]).toBe('fought · more than 250 Jaysh al-Nasr fighters captured · F–');
    expect(label).not.toContain('casualties');
    expect(errors).toEqual([]);
  });

  it('dates a lineage change by its bound', async () => {
    const { page, errors } = await suite.open('/?lineage=jaysh-al-nasr');
    await page.getByTestId('lineage-events').waitFor();
    await settled(page);
    const texts = (await page.getByTestId('lineage-events').locator('li').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    expect(texts).toContain('by 6 January 2017 Uwais al-Qarni Battalion merged into Jaysh al-Nasr');
    // A date stated plainly stays plain.
    expect(texts).toContain('October 2015 111th Regiment merged into Jaysh al-Nasr, of which it had been a member');
    expect(errors).toEqual([]);
  });

  it('says an event’s bounded date in its details and the timeline’s tooltip', async () => {
    const { page, errors } = await suite.open(`/?n=${SHELLING}`);
    await settled(page);
    const tick = page.locator(`[data-testid=timeline] [data-event-id="${SHELLING}"]`);
    await expect(tick.getAttribute('title')).resolves.toMatch(/^by 5 May 2016: .*Jamiat al-Zahra$/);
    await expect(tick.getAttribute('aria-label')).resolves.toMatch(/^by 5 May 2016: /);
    await clickElement(page, SHELLING);
    await expect(page.getByTestId('details-panel').getByTestId('node-interval').textContent()).resolves.toBe(
      'by 5 May 2016',
    );
    expect(errors).toEqual([]);
  });
});
