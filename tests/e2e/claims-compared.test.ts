/**
 * Parallel claims in the browser: the five casualty figures for the killings of 14 February 2017, each
 * a FOUGHT link from its own source, are drawn as ONE bundle with ONE label listing every figure with
 * its bound; selecting one of them, or the event, compares them side by side in the details panel:
 * figure and bound, what it counts, who says it (source title, publisher, date), how it is stated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clickElement, hook, pointerAway, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

interface Seed {
  sources: { id: string; title?: string; publisher?: string; author?: string }[];
  relationships: {
    id: string;
    type: string;
    source: string;
    target: string;
    casualties?: number;
    casualtiesBound?: string;
    casualtiesCounted?: string;
    sources: string[];
  }[];
}
const seed = JSON.parse(readFileSync(new URL('../../seed/jaysh-al-nasr.json', import.meta.url), 'utf8')) as Seed;
const EVENT = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
const claims = seed.relationships.filter((r) => r.type === 'FOUGHT' && r.target === EVENT);
const SHORT: Record<string, string> = { 'at least': '+', 'up to': '≤', 'more than': '>', about: '~' };
const short = (c: (typeof claims)[number]) =>
  c.casualtiesBound === 'at least' ? `${c.casualties}+` : `${SHORT[c.casualtiesBound ?? ''] ?? ''}${c.casualties}`;

describe('claims compared', () => {
  it('bundles parallel claims into one line with one label listing every figure', async () => {
    expect(claims.length).toBe(5);
    const { page, errors } = await suite.open(`/?n=jund-al-aqsa&n=${EVENT}`);
    await settled(page);
    const drawn = (await hook.edgeLooks(page)).filter((e) => claims.some((c) => c.id === e.id));
    expect(drawn.map((e) => e.id).sort()).toEqual(claims.map((c) => c.id).sort());

    // One label for the five, naming how many claims and every figure with its bound.
    const labelled = drawn.filter((e) => e.label.trim() !== '');
    expect(labelled.length).toBe(1);
    const label = labelled[0]!.label;
    expect(label).toContain('fought — 5 claims');
    for (const c of claims) expect(label).toContain(short(c));
    // The five count different things (prisoners killed, fighters executed, …): the label says so
    // rather than naming them all for one of them; the table below says what each counts.
    expect(new Set(claims.map((c) => c.casualtiesCounted)).size).toBeGreaterThan(1);
    expect(label).toContain('70 · 70 · 80+ · ≤160 · 197 (counted differently)');
    expect(label).not.toContain('casualties');
    expect(label).toContain('on 14 February 2017');

    // Drawn as one line: the five share their midpoint (five curves would fan out).
    for (const e of drawn) {
      expect(Math.abs(e.midpoint.x - drawn[0]!.midpoint.x)).toBeLessThan(0.5);
      expect(Math.abs(e.midpoint.y - drawn[0]!.midpoint.y)).toBeLessThan(0.5);
    }
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'claims-bundled');
  });

  it('compares the claims side by side when one of them or the event is selected', async () => {
    const { page, errors } = await suite.open(`/?n=jund-al-aqsa&n=${EVENT}`);
    await settled(page);
    await clickElement(page, claims[0]!.id);
    const [selected] = await hook.selectedIds(page);
    expect(claims.map((c) => c.id)).toContain(selected);

    const details = page.getByTestId('details-panel');
    const table = details.getByTestId('claims-compared');
    await table.locator('tbody tr').nth(4).waitFor();
    await expect(table.locator('h3').textContent()).resolves.toMatch(/Jund al-Aqsa\s+fought\s+.+:\s+5 claims/);
    await expect(table.textContent()).resolves.toContain('All on 14 February 2017.');
    await expect(table.locator('tbody tr').count()).resolves.toBe(5);
    await expect(table.locator('tr.chosen').getAttribute('data-edge-id')).resolves.toBe(selected);
    const figures = await table.locator('td.figure').allTextContents();
    expect(figures.map((f) => f.trim())).toEqual(['70', '70', 'at least 80', 'up to 160', '197']);

    const sourceById = new Map(seed.sources.map((s) => [s.id, s]));
    for (const c of claims) {
      const row = table.locator(`tr[data-edge-id="${c.id}"]`);
      const cells = (await row.locator('td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(cells[1]).toBe(c.casualtiesCounted);
      for (const id of c.sources) {
        const s = sourceById.get(id)!;
        await expect(row.locator(`[data-source-id="${id}"] cite`).textContent()).resolves.toBe(s.title);
        if (s.publisher) expect(cells[2]).toContain(s.publisher);
      }
    }
    const stated = async (id: string) =>
      (await table.locator(`tr[data-edge-id="${id}"] td`).nth(3).textContent())!.trim();
    await expect(stated('jund-al-aqsa-killed-80-jaysh-al-nasr-prisoners-ref-19')).resolves.toBe('reportedly');
    await expect(stated('jund-al-aqsa-executed-70-captured-fighters-ref-20')).resolves.toBe(
      'according to Moussa al-Omar',
    );
    await expect(stated('jund-al-aqsa-executed-197-free-army-fighters-ref-7')).resolves.toBe('stated as fact');
    await pointerAway(page);
    await suite.shot(page, 'claims-compared-edge');

    // The event's details compare the same five; a row's figure selects its claim on the canvas.
    await clickElement(page, EVENT);
    await table.locator('tbody tr').nth(4).waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(5);
    const upTo160 = 'jund-al-aqsa-executed-160-rebel-fighters-ref-19-title';
    await table.locator(`tr[data-edge-id="${upTo160}"] td.figure button`).click();
    expect(await hook.selectedIds(page)).toEqual([upTo160]);
    await expect(table.locator('tr.chosen').getAttribute('data-edge-id')).resolves.toBe(upTo160);
    await expect(details.getByTestId('edge-claim').textContent()).resolves.toMatch(/up to 160[\s\S]*\(reportedly\)/);
    await expect(details.getByTestId('edge-interval').textContent()).resolves.toBe('on 14 February 2017');
    expect(errors).toEqual([]);
  });

  it('fits the table at 1280 × 800 with words whole, and keeps right-to-left sources in their place', async () => {
    const { page, errors } = await suite.open(`/?n=jund-al-aqsa&n=${EVENT}`, { width: 1280, height: 800 });
    await settled(page);
    const REF_20 = 'jund-al-aqsa-executed-70-captured-fighters-ref-20';
    await clickElement(page, REF_20);
    const details = page.getByTestId('details-panel');
    const table = details.getByTestId('claims-compared');
    await table.locator('tbody tr').nth(4).waitFor();
    await details.getByTestId('sources').waitFor();

    // Every word of the table sits on one line: wrapped at spaces, never "reportedl y", "accordin g"
    // (which the old fixed layout with overflow-wrap: break-word did at this width).
    const split = await table.evaluate((el) => {
      const broken: string[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        // A line may end after a hyphen ("al-" / "Aqsa"), as text does; never inside a run of letters.
        for (const m of (n.textContent ?? '').matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
      return broken;
    });
    expect(split).toEqual([]);
    const fits = await table.evaluate((el) => el.querySelector('table')!.scrollWidth <= el.clientWidth + 1);
    expect(fits).toBe(true);
    await expect(table.locator(`tr[data-edge-id="${REF_20}"] td`).nth(3).textContent()).resolves.toMatch(
      /according to Moussa al-Omar/,
    );

    // An Arabic author, then the publisher and the date, each isolated: "19 February 2017" stays whole
    // and after "Twitter", left to right, in the sources list and in the table's "says who".
    const ref20 = seed.sources.find((s) => s.id === 'ref-20')!;
    for (const meta of [
      details.locator('[data-testid=sources] [data-source-id="ref-20"] .meta:has(bdi)'),
      table.locator(`tr[data-edge-id="${REF_20}"] [data-source-id="ref-20"] .meta`),
    ]) {
      // Where each piece starts, in reading order on the screen: line by line, left to right.
      const pieces = await meta.locator('bdi').evaluateAll((els) =>
        els.map((e) => {
          const first = e.getClientRects()[0]!;
          return { text: e.textContent, top: Math.round(first.top), left: first.left };
        }),
      );
      const texts = pieces.map((p) => p.text);
      expect(texts).toContain('Twitter');
      expect(texts).toContain('19 February 2017');
      const readsBefore = (a: string, b: string) => {
        const [p, q] = [pieces.find((x) => x.text === a)!, pieces.find((x) => x.text === b)!];
        return p.top < q.top || (p.top === q.top && p.left < q.left);
      };
      expect(readsBefore('Twitter', '19 February 2017')).toBe(true);
      if (ref20.author && texts.includes(ref20.author)) expect(readsBefore(ref20.author, 'Twitter')).toBe(true);
    }
    await expect(
      details.locator('[data-testid=sources] [data-source-id="ref-20"] .meta:has(bdi)').textContent(),
    ).resolves.toMatch(/Twitter · 19 February 2017$/);
    expect(errors).toEqual([]);
    await pointerAway(page);
    await suite.shot(page, 'claims-compared-1280');
  });
});
