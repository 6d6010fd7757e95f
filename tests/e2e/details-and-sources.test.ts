/**
 * The details panel in the browser: every property of the selected node or link, its interval in
 * words, and its sources (title, publisher, date) as the seed cites them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addAndExpand, clickElement, hook, pointerAway } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

interface Seed {
  sources: { id: string; title?: string; publisher?: string; date?: string }[];
  nodes: Record<string, unknown>[];
  relationships: { id: string; sources: string[] }[];
}
const seed = JSON.parse(readFileSync(new URL('../../seed/jaysh-al-nasr.json', import.meta.url), 'utf8')) as Seed;
const sourceById = new Map(seed.sources.map((s) => [s.id, s]));
const MERGER = '111th-regiment-merged-into-jaysh-al-nasr';

describe('details and sources', () => {
  it('opens a link’s sources: the 111th Regiment’s merger into Jaysh al-Nasr', async () => {
    const { page, errors } = await suite.open();
    // From the 111th Regiment's side: few links, so the merger is easy to click.
    await addAndExpand(page, '111th Regiment', '111th Regiment', '111th-regiment');
    await clickElement(page, MERGER);
    expect(await hook.selectedIds(page)).toEqual([MERGER]);
    const details = page.getByTestId('details-panel');
    await details.getByTestId('sources').waitFor();

    await expect(details.locator('h2').first().textContent()).resolves.toMatch(
      /111th Regiment\s+merged into\s+Jaysh al-Nasr/,
    );
    await expect(details.getByTestId('edge-interval').textContent()).resolves.toBe(
      'from October 2015 to 9 February 2018',
    );
    const cited = seed.relationships.find((r) => r.id === MERGER)!.sources;
    const items = details.getByTestId('sources').locator('li');
    await expect(items.count()).resolves.toBe(cited.length);
    for (const id of cited) {
      const source = sourceById.get(id)!;
      const item = details.locator(`[data-source-id="${id}"]`);
      await expect(item.locator('cite').textContent()).resolves.toBe(source.title);
      if (source.publisher) await expect(item.textContent()).resolves.toContain(source.publisher);
    }
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'details-edge-sources');
  });

  it('shows every property of a node and its sources', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    await clickElement(page, 'muhammad-mansour');
    const details = page.getByTestId('details-panel');
    await details.getByTestId('sources').waitFor();
    const person = seed.nodes.find((n) => n.id === 'muhammad-mansour')!;
    await expect(details.locator('h2').first().textContent()).resolves.toBe(person.name);
    const terms = await details.locator('.properties dt').allTextContents();
    for (const [key, value] of Object.entries(person)) {
      if (['label', 'name', 'sources', 'description'].includes(key)) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      expect(terms, key).toContain(key);
    }
    await expect(details.locator('.description').textContent()).resolves.toBe(person.description);
    const cited = person.sources as string[];
    await expect(details.getByTestId('sources').locator('li').count()).resolves.toBe(cited.length);
    const dated = cited.map((id) => sourceById.get(id)!).find((s) => s.date);
    if (dated) {
      const [y] = dated.date!.split('-');
      await expect(details.locator(`[data-source-id="${dated.id}"] .meta`).first().textContent()).resolves.toContain(y);
    }
    await suite.shot(page, 'details-node');

    // A faction's own interval: founded in August 2015.
    await clickElement(page, 'jaysh-al-nasr');
    await expect(details.getByTestId('node-interval').textContent()).resolves.toBe('since August 2015');
  });

  it('renders text from the data as text, never as HTML', async () => {
    const { page, errors } = await suite.open();
    const name = '<img src=x onerror="window.__injected=1"><b>Bold</b> جيش';
    const file = {
      format: 'faction-atlas-view',
      version: 1,
      view: '',
      nodes: [
        {
          data: { id: 'html-name', label: 'Faction', name, description: '<script>window.__injected=2</script>' },
          position: { x: 0, y: 0 },
        },
      ],
      edges: [],
    };
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'html.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('html-name'));
    await clickElement(page, 'html-name');
    const details = page.getByTestId('details-panel');
    await expect(details.locator('h2').first().textContent()).resolves.toBe(name);
    await expect(details.locator('.description').textContent()).resolves.toBe('<script>window.__injected=2</script>');
    await expect(details.locator('img, b, script').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).resolves.toBeUndefined();
    // The node came from a file, not the database: its history is asked for, answered 404, and said so.
    await details.getByTestId('history-absent').waitFor();
    const asked = '/api/nodes/html-name/history)';
    expect(errors.filter((e) => !(e.includes('status of 404') && e.endsWith(asked)))).toEqual([]);
    await suite.shot(page, 'details-text-not-html');
  });
});
