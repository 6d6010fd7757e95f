/**
 * Lineage in the browser: a faction's genealogy of mergers, joins and departures (GET /api/lineage),
 * drawn top-down (those that merged into it above, what it joined below) and listed in time order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clickElement, hook, pointerAway, searchAndChoose, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

interface SeedRelationship {
  id: string;
  type: string;
  source: string;
  target: string;
}
const seed = JSON.parse(readFileSync(new URL('../../seed/jaysh-al-nasr.json', import.meta.url), 'utf8')) as {
  relationships: SeedRelationship[];
};
const mergedIntoJan = seed.relationships
  .filter((r) => r.type === 'MERGED_INTO' && r.target === 'jaysh-al-nasr')
  .map((r) => r.source);

describe('lineage', () => {
  it('opens the lineage of Jaysh al-Nasr from the context menu, top-down and in time order', async () => {
    const { page, errors } = await suite.open();
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    await clickElement(page, 'jaysh-al-nasr', { button: 'right' });
    await page.getByTestId('menu-lineage').click();
    await page.getByTestId('lineage-events').waitFor();
    await settled(page);

    await expect(page.getByTestId('lineage-title').textContent()).resolves.toMatch(/Lineage of\s+Jaysh al-Nasr/);
    const nodes = await hook.nodes(page);
    expect(new Set(nodes.map((n) => n.label))).toEqual(new Set(['Faction']));
    const y = new Map(nodes.map((n) => [n.id, n.position.y]));
    // Every faction that merged into it is drawn, above it; what it joined is below it.
    for (const id of mergedIntoJan) {
      expect(y.has(id), id).toBe(true);
      expect(y.get(id)!).toBeLessThan(y.get('jaysh-al-nasr')!);
    }
    expect(y.get('national-front-for-liberation')!).toBeGreaterThan(y.get('jaysh-al-nasr')!);
    for (const e of await hook.edges(page)) expect(['MERGED_INTO', 'MEMBER_OF']).toContain(e.type);

    const items = page.getByTestId('lineage-events').locator('li');
    const texts = (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    // The membership the merger ended is said in the merger's own line, whole, not again on a line of
    // its own ("111th Regiment merged away, ending its membership of" and nothing after).
    const merged = 'October 2015 111th Regiment merged into Jaysh al-Nasr, of which it had been a member';
    expect(texts).toContain(merged);
    expect(texts.filter((t) => t.includes('111th Regiment merged'))).toEqual([merged]);
    for (const t of texts) expect(t).not.toMatch(/merged away|membership of$/);
    expect(texts).toContain('9 February 2018 111th Regiment split from Jaysh al-Nasr');
    expect(texts.indexOf(merged)).toBeLessThan(
      texts.indexOf('9 February 2018 111th Regiment split from Jaysh al-Nasr'),
    );
    expect(new URL(page.url()).searchParams.get('lineage')).toBe('jaysh-al-nasr');
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'lineage');

    // A change in the list selects its link; "Back to the network" returns to what was there.
    const line = items.filter({ hasText: '111th Regiment merged into' });
    await line.getByRole('button', { name: /merged into/ }).click();
    expect(await hook.selectedIds(page)).toEqual(['111th-regiment-merged-into-jaysh-al-nasr']);
    // …and the membership it ended, its own link.
    await line.getByRole('button', { name: 'of which it had been a member' }).click();
    expect(await hook.selectedIds(page)).toEqual(['111th-regiment-member-of-jaysh-al-nasr']);
    await page.getByRole('button', { name: 'Back to the network' }).click();
    await settled(page);
    expect(await hook.nodeIds(page)).toEqual(['jaysh-al-nasr']);
    expect((await stats(page)).nodes).toBe(1);
  });

  it('brings the list into view when L opens a lineage at 1280 × 800', async () => {
    const { page, errors } = await suite.open('/', { width: 1280, height: 800 });
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    await clickElement(page, 'jaysh-al-nasr');
    await pointerAway(page);
    await page.keyboard.press('l');
    await page.getByTestId('lineage-events').waitFor();
    await settled(page);
    // The first changes of the list are within the left sidebar's visible part, not below its fold.
    const seen = await page.getByTestId('lineage-events').evaluate((list) => {
      const sidebar = list.closest('.sidebar')!.getBoundingClientRect();
      const first = list.querySelector('li')!.getBoundingClientRect();
      return first.top >= sidebar.top && first.bottom <= sidebar.bottom;
    });
    expect(seen).toBe(true);
    const title = await page.getByTestId('lineage-title').evaluate((el) => {
      const sidebar = el.closest('.sidebar')!.getBoundingClientRect();
      return el.getBoundingClientRect().top >= sidebar.top;
    });
    expect(title).toBe(true);
    expect(errors).toEqual([]);
  });
});
