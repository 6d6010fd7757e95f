/**
 * The view model in the browser: a view saved from the canvas (window.__atlas.model() and the drawn
 * elements) reopens on a fresh page exactly — every node within 1 px of where it was, the same zoom
 * and pan, selection, filters, date and highlighted paths, with no layout run — and the steps that
 * brought elements in are recorded (which step brought which node) and replay: an expansion run again
 * after the canvas was cleared brings its neighbourhood back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { investigationView } from '../../contract/investigation.ts';
import { addAndExpand, clickElement, hook, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

/** Jaysh al-Nasr expanded, the paths from Muhammad Mansour to the Sham Legion, FOUGHT links hidden, a date. */
const VIEW =
  '/?n=jaysh-al-nasr&x=jaysh-al-nasr*1*both*all*25&p=muhammad-mansour*sham-legion*4&ht=FOUGHT&asOf=2017-06-30';

async function classed(page: Page, cls: string): Promise<string[]> {
  return page.evaluate(
    (c) =>
      [...window.__atlas.nodeIds(), ...window.__atlas.edgeIds()].filter((id) =>
        window.__atlas.classesOf(id).includes(c),
      ),
    cls,
  );
}

const asOfText = async (page: Page) => ((await page.textContent('[data-testid=as-of]')) ?? '').trim();

describe('exact reopen', () => {
  it('reopens a saved view where it was: positions within 1 px, zoom, pan, selection, filters, date, paths', async () => {
    const { page, errors } = await suite.open(VIEW);
    // Move a node by hand, zoom in, select it: none of that is in the recipe a link carries.
    const from = (await page.evaluate(() => window.__atlas.clientPosition('jaysh-al-nasr')))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 70, from.y + 40, { steps: 6 });
    await page.mouse.up();
    await settled(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settled(page);
    await clickElement(page, 'jaysh-al-nasr');
    await settled(page);

    const saved = investigationView.parse(await hook.model(page));
    const snapshot = await page.evaluate(() => window.__atlas.snapshotElements());
    const nodes = await hook.nodes(page);
    const viewport = await hook.viewport(page);
    const onPath = await classed(page, 'on-path');
    const filtered = await classed(page, 'filtered');
    const dateShown = await asOfText(page);
    expect(onPath.length).toBeGreaterThan(0);
    expect(filtered.length).toBeGreaterThan(0);
    expect(saved.selection).toEqual(['jaysh-al-nasr']);
    // The model holds where each drawn node is, as drawn.
    for (const n of nodes) {
      expect(Math.abs(saved.positions[n.id]!.x - n.position.x)).toBeLessThan(1);
      expect(Math.abs(saved.positions[n.id]!.y - n.position.y)).toBeLessThan(1);
    }
    expect(saved.viewport.zoom).toBeCloseTo(viewport.zoom, 9);

    const other = await suite.open('/');
    await other.page.evaluate(([v, s]) => window.__atlas.openSaved(v, s), [saved, snapshot] as const);
    await settled(other.page);

    const again = new Map((await hook.nodes(other.page)).map((n) => [n.id, n.position]));
    expect([...again.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const n of nodes) {
      expect(Math.abs(again.get(n.id)!.x - n.position.x)).toBeLessThan(1);
      expect(Math.abs(again.get(n.id)!.y - n.position.y)).toBeLessThan(1);
    }
    expect((await hook.edgeIds(other.page)).sort()).toEqual(snapshot.edges.map((e) => e.id).sort());
    const viewportAgain = await hook.viewport(other.page);
    expect(viewportAgain.zoom).toBeCloseTo(viewport.zoom, 9);
    expect(Math.abs(viewportAgain.pan.x - viewport.pan.x)).toBeLessThan(1);
    expect(Math.abs(viewportAgain.pan.y - viewport.pan.y)).toBeLessThan(1);
    expect(await hook.selectedIds(other.page)).toEqual(['jaysh-al-nasr']);
    expect((await classed(other.page, 'on-path')).sort()).toEqual(onPath.sort());
    expect((await classed(other.page, 'filtered')).sort()).toEqual(filtered.sort());
    expect(await asOfText(other.page)).toBe(dateShown);
    const reopened = await hook.model(other.page);
    expect(reopened.recipe).toEqual(saved.recipe);
    expect(reopened.steps).toEqual(saved.steps);
    expect(new URL(other.page.url()).searchParams.get('asOf')).toBe('2017-06-30');
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await suite.shot(other.page, 'exact-reopen');
  });
});

describe('provenance', () => {
  it('records which step brought each node, and replays an expansion after the canvas was cleared', async () => {
    const { page, errors } = await suite.open('/');
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const drawn = (await hook.nodeIds(page)).sort();
    const model = await hook.model(page);
    expect(model.steps.map((s) => s.kind)).toEqual(['search', 'expansion']);
    const [search, expansion] = model.steps;
    expect(search).toMatchObject({ kind: 'search', text: 'Jaysh al-Nasr', node: 'jaysh-al-nasr' });
    expect(expansion).toMatchObject({ kind: 'expansion', expansion: { id: 'jaysh-al-nasr', depth: 1 } });
    expect(model.provenance['jaysh-al-nasr']).toEqual([search!.id, expansion!.id]);
    for (const id of drawn.filter((i) => i !== 'jaysh-al-nasr')) expect(model.provenance[id]).toEqual([expansion!.id]);

    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await settled(page);
    expect(await hook.nodeIds(page)).toEqual([]);
    await expect(page.evaluate((id) => window.__atlas.replay(id), expansion!.id)).resolves.toBe(true);
    await settled(page);
    expect((await hook.nodeIds(page)).sort()).toEqual(drawn);
    const after = await hook.model(page);
    expect(after.steps.map((s) => s.kind)).toEqual(['search', 'expansion', 'expansion']);
    expect(after.provenance['jaysh-al-nasr']).toContain(after.steps[2]!.id);
    expect(errors).toEqual([]);
  });
});
