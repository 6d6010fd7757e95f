/**
 * Complete views in the browser ("connect result nodes"): whatever brought nodes onto the canvas —
 * an expansion, search, a shared link, the console — every relationship between them that holds at
 * the view's date is drawn, asked for once per view with POST /api/relationships/among.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAndExpand, hook, pointerAway, searchAndChoose, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

/** Counts the "relationships among" requests the page makes from now on, and the ids each asks about. */
function amongRequests(page: Page): { ids: string[] }[] {
  const seen: { ids: string[] }[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/relationships/among')) seen.push(JSON.parse(req.postData() ?? '{}'));
  });
  return seen;
}

const UWAIS_MERGER = 'uwais-al-qarni-battalion-merged-into-jaysh-al-nasr';
const JUND_FOUGHT_JAN = 'jund-al-aqsa-fought-jaysh-al-nasr';

describe('complete views', () => {
  it('draws the links between the members an expansion brings, not only those to the expanded node', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Free Syrian Army', 'Free Syrian Army', 'free-syrian-army');
    const ids = await hook.nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['jaysh-al-nasr', 'uwais-al-qarni-battalion']));
    // Both are members of the Free Syrian Army; the battalion also merged into Jaysh al-Nasr.
    const edges = await hook.edges(page);
    expect(edges).toContainEqual({
      id: UWAIS_MERGER,
      source: 'uwais-al-qarni-battalion',
      target: 'jaysh-al-nasr',
      type: 'MERGED_INTO',
    });
    expect(await hook.visibleEdgeIds(page)).toContain(UWAIS_MERGER);
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'complete-view-expansion');
  });

  it('links two nodes found by search, asking once for the whole view', async () => {
    const { page, errors } = await suite.open();
    const asked = amongRequests(page);
    await searchAndChoose(page, 'Jund al-Aqsa', 'Jund al-Aqsa');
    expect(await hook.edgeIds(page)).toEqual([]);
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    await page.waitForFunction((id) => window.__atlas.edgeIds().includes(id), JUND_FOUGHT_JAN);
    await settled(page);
    expect(await hook.edgeIds(page)).toEqual([JUND_FOUGHT_JAN]);
    // One request per view change, naming every node of the view (one node alone needs none).
    expect(asked.map((r) => [...r.ids].sort())).toEqual([['jaysh-al-nasr', 'jund-al-aqsa']]);
    expect(errors).toEqual([]);
  });

  it('completes a shared link, at its date', async () => {
    const { page, errors } = await suite.open('/?n=jund-al-aqsa&n=jaysh-al-nasr&n=muhammad-mansour');
    await settled(page);
    const drawn = new Set(await hook.edgeIds(page));
    expect(drawn).toEqual(new Set([JUND_FOUGHT_JAN, 'jaysh-al-nasr-led-by-muhammad-mansour']));

    // Before Jund al-Aqsa fought Jaysh al-Nasr (7 to 14 February 2017) that link is not drawn.
    const before = await suite.open('/?n=jund-al-aqsa&n=jaysh-al-nasr&n=muhammad-mansour&asOf=2016-06-30');
    await settled(before.page);
    expect(await hook.visibleEdgeIds(before.page)).toEqual(['jaysh-al-nasr-led-by-muhammad-mansour']);
    expect([...errors, ...before.errors]).toEqual([]);
  });

  it('completes what the console puts on the canvas', async () => {
    const { page, errors } = await suite.open();
    await page.getByTestId('console-toggle').click();
    const editor = page.locator('[data-testid=console-editor] .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.insertText(
      "MATCH (n:Entity) WHERE n.id IN ['falcons-of-al-ghab', 'muhammad-mansour', 'jaysh-al-nasr'] RETURN n",
    );
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 3);
    await settled(page);
    // The query returned nodes only; the view shows every link among them.
    expect(new Set(await hook.edgeIds(page))).toEqual(
      new Set([
        'falcons-of-al-ghab-led-by-muhammad-mansour',
        'jaysh-al-nasr-led-by-muhammad-mansour',
        'falcons-of-al-ghab-member-of-jaysh-al-nasr',
        'falcons-of-al-ghab-merged-into-jaysh-al-nasr',
      ]),
    );
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'complete-view-console');
  });
});
