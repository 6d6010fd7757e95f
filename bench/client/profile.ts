/**
 * Where the page's main thread goes while a large view is drawn and then panned and zoomed: a
 * developer's tool beside the client benchmark (bench/client.ts), not part of `npm run bench:client`.
 * Chromium's sampling profiler (Chrome DevTools Protocol, Profiler domain:
 * https://chromedevtools.github.io/devtools-protocol/tot/Profiler/) runs over two phases of one view:
 * from the data handed to the canvas to its first frame ("show"), and the benchmark's gestures once
 * the worker's layout is applied ("pan"). Prints, per phase, the functions with the most self time and
 * the most inclusive time (each sample counted once per function on its stack).
 *
 * Readable names need an unminified build, served from its own folder:
 *   npx vite build --minify false --outDir /tmp/atlas-profile --emptyOutDir
 *   flock /tmp/atlas-bench.lock npx tsx bench/client/profile.ts --client /tmp/atlas-profile [--nodes 1000]
 *     [--renderer canvas] [--seconds 4] [--top 25]
 */
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { withSeededApp } from './app.ts';
import { benchElements } from './elements.ts';
import { gestures, idleFrameMs, until } from './measure.ts';
import { PROBE_SCRIPT } from './probe.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const nameOf = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1) ?? ''}:${f.lineNumber + 1}`.trim();

/** Self and inclusive milliseconds per function, the `top` largest of each, as printable lines. */
export function summarise(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const leaf = byId.get(id)!;
    const key = nameOf(leaf.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = nameOf(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `sampled ${all.toFixed(0)} ms\nself:\n${list(self)}\ninclusive:\n${list(total)}`;
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, profile };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      client: { type: 'string' },
      nodes: { type: 'string', default: '1000' },
      renderer: { type: 'string', default: 'canvas' },
      seconds: { type: 'string', default: '4' },
      top: { type: 'string', default: '25' },
    },
  });
  if (!values.client) throw new Error('--client DIR: an unminified build (see the file comment)');
  const nodes = Number(values.nodes);
  const top = Number(values.top);
  await withSeededApp(async (url) => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript({ content: PROBE_SCRIPT });
      await page.goto(`${url}/?renderer=${values.renderer}`);
      await page.waitForSelector('[data-testid=graph-stats]');
      if (!(await until(page, 'window.__atlas && window.__atlas.idle()', 60_000))) throw new Error('never settled');
      const budget = await idleFrameMs(page);
      const canvas = (await page.locator('#canvas').boundingBox())!;
      await page.evaluate((e) => void Object.assign(window, { __benchEls: e }), benchElements(nodes));
      const cdp = await context.newCDPSession(page);
      const show = await profiled(cdp, () => page.evaluate(`window.__bench.show(${nodes})`));
      console.log(`show ${JSON.stringify(show.result)}\n${summarise(show.profile, top)}\n`);
      await until(page, 'window.__bench.layout().done !== null', 300_000, 250);
      await until(page, 'window.__atlas.idle()', 60_000);
      const pan = await profiled(cdp, () => gestures(page, canvas, Number(values.seconds), budget));
      console.log(`pan ${JSON.stringify(pan.result)}\n${summarise(pan.profile, top)}`);
    } finally {
      await browser.close();
    }
  }, values.client);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
