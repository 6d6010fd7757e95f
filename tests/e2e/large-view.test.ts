/**
 * A large view in the browser: 5,000 nodes and 20,000 edges (a view file made here and imported)
 * are all drawn, with the lighter renderer (WebGL where the browser has it), and the page still
 * answers: filters apply, the status bar follows. No timings are asserted; benchmarks are separate.
 */
import { describe, expect, it } from 'vitest';
import { hook, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const NODES = 5000;
const EDGES = 20000;
const LABELS = ['Faction', 'Person', 'Event', 'Place'] as const;
const TYPES = ['MEMBER_OF', 'FOUGHT', 'SUPPORTED_BY', 'MERGED_INTO'] as const;

/** A deterministic synthetic view: nodes on a spiral, each edge between two pseudo-random nodes. */
function largeViewFile(): Buffer {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    data: { id: `n${i}`, label: LABELS[i % 4], name: `Node ${i}` },
    position: { x: Math.cos(i / 10) * (20 + i), y: Math.sin(i / 10) * (20 + i) },
  }));
  const edges = Array.from({ length: EDGES }, (_, i) => {
    const s = Math.floor(random() * NODES);
    const t = (s + 1 + Math.floor(random() * (NODES - 1))) % NODES;
    return {
      data: { id: `e${i}`, source: `n${s}`, target: `n${t}`, type: TYPES[i % 4], from: null, to: null, sources: [] },
    };
  });
  return Buffer.from(JSON.stringify({ format: 'faction-atlas-view', version: 1, view: '', nodes, edges }));
}

describe('large view', () => {
  it('draws 5,000 nodes and 20,000 edges and stays usable', async () => {
    const { page, errors } = await suite.open();
    // WebGL helps only when a GPU draws it; under a software rasteriser (as in CI) the canvas renderer is kept.
    const hardwareWebgl2 = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return (
        !!gl &&
        !!info &&
        !/swiftshader|llvmpipe|softpipe|software/i.test(String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)))
      );
    });

    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: largeViewFile() });
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, NODES, { timeout: 150_000 });
    await settled(page, 150_000);

    expect(await stats(page)).toMatchObject({ nodes: NODES, edges: EDGES });
    expect(await hook.renderer(page)).toEqual({ large: true, webgl: hardwareWebgl2 });

    // Still answers: a filter hides a quarter of the nodes and the edges that touch them.
    await page.getByRole('checkbox', { name: 'Event' }).uncheck();
    await settled(page, 150_000);
    const filtered = await stats(page);
    expect(filtered.nodes).toBe(NODES - NODES / 4);
    expect(filtered.edges).toBeLessThan(EDGES);
    await page.keyboard.press('f');
    await settled(page, 150_000);
    expect(errors.filter((e) => !e.includes('webgl'))).toEqual([]);
    await suite.shot(page, 'large-view');

    // And back to a small view: the plain renderer returns.
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await settled(page, 150_000);
    expect(await stats(page)).toMatchObject({ nodes: 0, edges: 0 });
    expect(await hook.renderer(page)).toEqual({ large: false, webgl: false });
  }, 400_000);
});
