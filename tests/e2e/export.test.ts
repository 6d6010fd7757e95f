/**
 * Export in the browser: PNG, SVG and JSON of the view as real downloads, and the JSON imported again
 * reproduces the view; a file that is not a view is refused and leaves the canvas alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, hook, pointerAway, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('export', () => {
  it('exports the view as a PNG picture', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const png = await download(page, 'export-png');
    expect(png.name).toMatch(/^faction-atlas-.*\.png$/);
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The IHDR chunk: a real picture, not an empty one.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(200);
    expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(200);
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'export-png');
  });

  it('exports SVG and JSON, and the JSON imports back into the same view', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const before = await stats(page);
    const nodesBefore = await hook.nodes(page);

    const svg = await download(page, 'export-svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Jaysh al-Nasr');

    const json = await download(page, 'export-json');
    const file = JSON.parse(json.bytes.toString('utf8')) as {
      format: string;
      view: string;
      nodes: unknown[];
      edges: unknown[];
    };
    expect(file.format).toBe('faction-atlas-view');
    expect(file.nodes.length).toBe(before.nodes);
    expect(file.edges.length).toBe(before.edges);
    expect(new URLSearchParams(file.view).getAll('x')).toEqual(['jaysh-al-nasr*1*both*all*25']);

    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await settled(page);
    expect((await stats(page)).nodes).toBe(0);

    await page
      .getByTestId('import-json')
      .setInputFiles({ name: json.name, mimeType: 'application/json', buffer: json.bytes });
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, before.nodes);
    await settled(page);
    expect(await stats(page)).toEqual(before);
    const after = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    for (const n of nodesBefore) {
      expect(Math.abs(after.get(n.id)!.x - n.position.x)).toBeLessThan(0.01);
      expect(Math.abs(after.get(n.id)!.y - n.position.y)).toBeLessThan(0.01);
    }
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual(['jaysh-al-nasr*1*both*all*25']);
    await suite.shot(page, 'export-reimported');
  });

  it('refuses a file that is not a view, leaving the canvas as it was', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const before = await stats(page);
    const bad = Buffer.from(
      JSON.stringify({ format: 'faction-atlas-view', version: 1, view: '', nodes: [{ data: { id: 'x' } }], edges: [] }),
    );
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: bad });
    await page.locator('#export .error').waitFor();
    await expect(page.locator('#export .error').textContent()).resolves.toMatch(/Not a Faction Atlas view file/);
    expect(await stats(page)).toEqual(before);
    await suite.shot(page, 'export-refused');
  });
});
