/**
 * The renderer switch in the page's address (client/src/graph/renderer.ts): `?renderer=webgl` draws
 * every view with Cytoscape's WebGL renderer, even a small one and under a software rasteriser;
 * `?renderer=canvas` keeps the canvas renderer even for a large view (which still gets the large
 * views' lighter style); without it a small view is drawn on the canvas. The client benchmark compares
 * the two renderers with it. A view is large from 1,500 nodes, or 4,000 nodes and links together.
 */
import { describe, expect, it } from 'vitest';
import { hook, searchAndChoose, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { drawRing } from '../support/ringView.ts';

const suite = e2eSuite();

describe('renderer switch', () => {
  it('draws a small view with WebGL when the address asks for it, and on the canvas when it does not', async () => {
    const asked = await suite.open('/?renderer=webgl');
    await searchAndChoose(asked.page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    expect((await stats(asked.page)).nodes).toBe(1);
    expect(await hook.renderer(asked.page)).toEqual({ large: false, webgl: true });
    expect(asked.errors.filter((e) => !/webgl|GPU stall/i.test(e))).toEqual([]);
    await suite.shot(asked.page, 'renderer-webgl-small');

    const plain = await suite.open('/');
    await searchAndChoose(plain.page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    expect(await hook.renderer(plain.page)).toEqual({ large: false, webgl: false });
  });

  it('keeps the canvas renderer for a large view when the address asks for it', async () => {
    const { page, errors } = await suite.open('/?renderer=canvas');
    await drawRing(page, 2000, 1);
    expect((await stats(page)).nodes).toBe(2000);
    expect(await hook.renderer(page)).toEqual({ large: true, webgl: false });
    expect(errors).toEqual([]);
  }, 180_000);

  it('draws 1,000 nodes with 4,000 links as a large view (lighter style, no hover fading)', async () => {
    const { page, errors } = await suite.open('/?renderer=canvas');
    await drawRing(page, 1000, 4);
    expect(await stats(page)).toMatchObject({ nodes: 1000, edges: 4000 });
    expect(await hook.renderer(page)).toEqual({ large: true, webgl: false });
    expect(errors).toEqual([]);
  }, 180_000);
});
