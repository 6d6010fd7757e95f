/**
 * Export in the browser: PNG, SVG and JSON of the view as real downloads, and the JSON imported again
 * reproduces the view; a file that is not a view is refused and leaves the canvas alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAndExpand, hook, pointerAway, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { edgeLook, nodeLook, TYPE_WORDS } from '../../client/src/graph/style.ts';
import type { RelationshipType } from '../../contract/model.ts';

const suite = e2eSuite();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The colour of node labels (style.ts), as canvas2svg writes colours. */
const LABEL_TEXT = 'rgb(28,40,51)';

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(',')})`;

/** What an SVG holds: each path's fill and whether it has arcs, each text's fill and words. */
async function svgParts(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      paths: [...doc.querySelectorAll('path')].map((p) => ({
        fill: p.getAttribute('fill'),
        arcs: / A /.test(` ${p.getAttribute('d') ?? ''} `),
      })),
      texts: [...doc.querySelectorAll('text')].map((t) => ({
        fill: t.getAttribute('fill'),
        text: t.textContent ?? '',
      })),
    };
  }, svg);
}

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

  it('draws every node shape and label colour in the SVG (rounded shapes lost by the SVG context)', async () => {
    const { page, errors } = await suite.open();
    // The seed's network three steps around Jaysh al-Nasr: factions (ellipse), operations rooms
    // (round-octagon), people (round-diamond), events (round-triangle), places (round-rectangle).
    const drawn = await page.evaluate(async () => {
      const answer = await fetch('/api/nodes/jaysh-al-nasr/neighbors?depth=3&limit=1000').then((r) => r.json());
      await (
        window.__atlas as unknown as { showElements(els: unknown, how: { replace: boolean }): Promise<void> }
      ).showElements(answer, { replace: true });
      return answer as {
        nodes: { data: { label: string; kind?: string; name: string } }[];
        edges: { data: { type: string } }[];
      };
    });
    await settled(page);
    // Zoomed out, as an analyst exporting the whole view would be: labels are still exported.
    await page.keyboard.press('f');
    await settled(page);

    const svg = (await download(page, 'export-svg')).bytes.toString('utf8');
    const { paths, texts } = await svgParts(page, svg);

    const looks = drawn.nodes.map((n) => nodeLook(n.data));
    const shapes = new Set(looks.map((l) => l.shape));
    for (const shape of ['ellipse', 'round-octagon', 'round-diamond', 'round-triangle', 'round-rectangle'])
      expect(shapes, shape).toContain(shape);
    // Each rounded node is a path of its own colour drawn with arcs (edges and arrows have none).
    for (const shape of [...shapes].filter((s) => s.startsWith('round-'))) {
      const colours = new Set(looks.filter((l) => l.shape === shape).map((l) => rgb(l.colour)));
      for (const colour of colours) {
        const nodes = looks.filter((l) => l.shape === shape && rgb(l.colour) === colour).length;
        const drawnShapes = paths.filter((p) => p.fill === colour && p.arcs).length;
        expect(drawnShapes, `${shape} in ${colour}`).toBeGreaterThanOrEqual(nodes);
      }
    }
    // Ellipses are there too, in their colours.
    for (const l of looks.filter((x) => x.shape === 'ellipse'))
      expect(paths.some((p) => p.fill === rgb(l.colour))).toBe(true);

    // Node labels in the label colour, every node's name; link labels in their link's colour.
    const nodeTexts = texts.filter((t) => t.fill === LABEL_TEXT).map((t) => t.text);
    expect(nodeTexts).toContain('Jaysh al-Nasr');
    for (const n of drawn.nodes) {
      const firstWord = n.data.name.split(/\s+/)[0]!;
      expect(
        nodeTexts.some((t) => t.includes(firstWord)),
        n.data.name,
      ).toBe(true);
    }
    for (const type of new Set(drawn.edges.map((e) => e.data.type as RelationshipType))) {
      const colour = rgb(edgeLook(type).colour);
      expect(
        texts.some((t) => t.fill === colour && t.text.startsWith(TYPE_WORDS[type])),
        type,
      ).toBe(true);
    }
    expect(errors).toEqual([]);
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
