/**
 * `npm run bench:client`: the client at 1,000, 5,000 and 20,000 nodes (4× as many edges), canvas
 * renderer against WebGL renderer, in headless Chromium (/usr/bin/chromium through playwright-core, as
 * the end-to-end tests drive it). Serves the built client (`npm run build` first) with the project's
 * server on a throwaway local Neo4j holding the seed; the views themselves are generated
 * (bench/client/elements.ts, seeded) and drawn through the canvas's test hook, so nothing is imported.
 * For each: time to the first frame, then frame times and long tasks while panning and zooming with
 * real mouse events during the worker's layout and after it (bench/client/measure.ts). Prints a table
 * and writes bench/results/<date>-client.json. Figures only; nothing asserts on time.
 *
 * Run it alone, under the shared benchmark lock:
 *   flock /tmp/atlas-bench.lock npm run bench:client -- [--sizes 1000,5000,20000] [--renderers canvas,webgl]
 *     [--seconds 4] [--layout-wait 180] [--seed 11] [--out FILE]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, launchBrowser } from '../tests/support/browser.ts';
import { withSeededApp } from './client/app.ts';
import { measureView, type RendererName, type ViewResult } from './client/measure.ts';
import { machine, table, writeResults } from './client/report.ts';

const BUILT_CLIENT = fileURLToPath(new URL('../dist/client/index.html', import.meta.url));

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000,20000' },
      renderers: { type: 'string', default: 'canvas,webgl' },
      seconds: { type: 'string', default: '4' },
      'layout-wait': { type: 'string', default: '180' },
      seed: { type: 'string', default: '11' },
      out: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const renderers = values.renderers.split(',') as RendererName[];
  if (sizes.some((n) => !Number.isInteger(n) || n < 2))
    throw new Error(`--sizes: whole numbers of nodes, got ${values.sizes}`);
  if (renderers.some((r) => r !== 'canvas' && r !== 'webgl'))
    throw new Error(`--renderers: canvas and/or webgl, got ${values.renderers}`);
  const date = new Date().toISOString().slice(0, 10);
  return {
    sizes,
    renderers,
    settings: {
      gestureSeconds: Number(values.seconds),
      layoutWaitSeconds: Number(values['layout-wait']),
      seed: Number(values.seed),
    },
    out: values.out ?? fileURLToPath(new URL(`./results/${date}-client.json`, import.meta.url)),
  };
}

async function main(): Promise<void> {
  const { sizes, renderers, settings, out } = options();
  if (!existsSync(BUILT_CLIENT)) throw new Error('dist/client is missing: run `npm run build` first');
  console.log('Starting a throwaway Neo4j and the app…');
  await withSeededApp(async (url) => {
    const results: ViewResult[] = [];
    let webgl = 'unknown';
    // Every size on one renderer, then the other: the canvas figures come first (WebGL under a
    // software rasteriser is by far the slowest part of a run).
    for (const renderer of renderers) {
      for (const nodes of sizes) {
        // A browser per view: nothing one view left behind (GPU memory, caches) weighs on the next.
        const browser = await launchBrowser();
        try {
          if (webgl === 'unknown') webgl = await webglRenderer(browser);
          console.log(`${nodes.toLocaleString('en')} nodes, ${renderer}…`);
          const result = await measureView(browser, url, nodes, renderer, settings);
          results.push(result);
          console.log(table([result]).split('\n')[2]);
          // Written after every view, so a long run stopped part way keeps what it measured.
          writeResults(out, { machine: machine(CHROMIUM_PATH, webgl), settings: { ...settings, sizes }, results });
        } finally {
          await browser.close();
        }
      }
    }
    console.log(`\n${table(results)}\n`);
    console.log(
      'ms; frames: gap between frames p50 / p95 and share of frames dropped; long tasks: count (longest ms); load: 1-minute load average before–after (2 cores)',
    );
    const written = writeResults(out, {
      machine: machine(CHROMIUM_PATH, webgl),
      settings: { ...settings, sizes },
      results,
    });
    console.log(`Written to ${written}`);
  });
}

/** What draws WebGL in this Chromium (a GPU's name, or SwiftShader when in software). */
async function webglRenderer(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<string> {
  const page = await browser.newPage();
  try {
    return (await page.evaluate(`(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      return gl ? (info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'webgl2') : 'none';
    })()`)) as string;
  } finally {
    await page.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
