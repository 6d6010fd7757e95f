/**
 * A large view made to measure, for the e2e tests of large views: `n` nodes in a ring, each linked to
 * the `linksPerNode` nodes after it (the next, then the next-but-one, and so on), so `n * linksPerNode`
 * links, drawn through the test hook as a console result is (contract/api.ts elements). No database:
 * what is measured is the client.
 */
import type { Page } from 'playwright-core';
import { settled } from './atlasPage.ts';

/** Draws the ring, replacing the view, and waits (up to `timeoutMs`) until it is settled. */
export async function drawRing(page: Page, n: number, linksPerNode: number, timeoutMs = 120_000): Promise<void> {
  await page.evaluate(
    ({ n, linksPerNode }) => {
      const nodes = Array.from({ length: n }, (_, i) => ({
        data: { id: `r${i}`, label: 'Faction', name: `Ring ${i}` },
      }));
      const edges = Array.from({ length: n * linksPerNode }, (_, k) => ({
        data: {
          id: `re${k}`,
          source: `r${k % n}`,
          target: `r${(k + 1 + Math.floor(k / n)) % n}`,
          type: 'MEMBER_OF',
          from: null,
          to: null,
          validFrom: '0000-01-01',
          validTo: '9999-12-31',
          sources: [],
        },
      }));
      // The hook's elements are the console's; the page has no types of its own here.
      return (
        window.__atlas as unknown as { showElements(e: unknown, how: { replace: boolean }): Promise<void> }
      ).showElements({ nodes, edges }, { replace: true });
    },
    { n, linksPerNode },
  );
  await settled(page, timeoutMs);
}
