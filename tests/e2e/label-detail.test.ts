/**
 * Labels at the zoom that fits a whole network: too small to read, every label used to vanish (or,
 * kept, would smear into each other). The best-linked nodes keep a readable label, the minor ones go.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hook, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

type LabelHook = { label(id: string): { text: string; drawn: boolean } | null };
const label = (page: Page, id: string) => page.evaluate((i) => (window.__atlas as unknown as LabelHook).label(i), id);

describe('labels at fit zoom', () => {
  it("keeps the hub's label readable and drops minor ones when the seed network is fitted (labels that smear or vanish zoomed out)", async () => {
    const { page, errors } = await suite.open();
    // The seed's whole network (all of it lies within three steps of its hub), drawn as a console
    // result would be.
    const count = await page.evaluate(async () => {
      const answer = await fetch('/api/nodes/jaysh-al-nasr/neighbors?depth=3&limit=1000').then((r) => r.json());
      await (
        window.__atlas as unknown as { showElements(els: unknown, how: { replace: boolean }): Promise<void> }
      ).showElements(answer, { replace: true });
      return (answer as { nodes: unknown[] }).nodes.length;
    });
    expect(count).toBeGreaterThan(35);
    await settled(page);
    await page.keyboard.press('f');
    await settled(page);
    // Fitted, an ordinary 11 px label would be drawn below a readable 10 px.
    expect(11 * (await hook.zoom(page))).toBeLessThan(10);

    await page.waitForFunction(() => (window.__atlas as unknown as LabelHook).label('jaysh-al-nasr')?.drawn === true);
    expect((await label(page, 'jaysh-al-nasr'))!.text).toContain('Jaysh al-Nasr');
    await suite.shot(page, 'label-detail-fitted');

    // Minor nodes (one link) and links show no label, so the kept ones do not smear into each other.
    const edges = await hook.edges(page);
    const ids = await hook.nodeIds(page);
    const degree = (id: string) => edges.filter((e) => e.source === id || e.target === id).length;
    const drawn: string[] = [];
    for (const id of ids) if ((await label(page, id))?.drawn) drawn.push(id);
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn.length).toBeLessThan(ids.length);
    expect(drawn.filter((id) => degree(id) <= 1)).toEqual([]);
    for (const e of edges.slice(0, 10)) expect((await label(page, e.id))?.drawn).toBe(false);

    // Zoomed in again, every label is drawn as usual.
    for (let i = 0; i < 12 && 11 * (await hook.zoom(page)) < 10; i++) await page.keyboard.press('+');
    const leaf = ids.find((id) => degree(id) === 1)!;
    await page.waitForFunction((id) => (window.__atlas as unknown as LabelHook).label(id)?.drawn === true, leaf);
    expect(errors).toEqual([]);
    await suite.shot(page, 'label-detail');
  });
});
