/**
 * Grades and "as known on" in Chromium (issue 12): a seed claim reads "F–" on the canvas (its source
 * was never graded, it states no credibility); the grade filter hides claims below its bar and puts
 * it in the URL; a claim written through the API with a source graded A and credibility 1 reads "A1"
 * and passes a bar of A; "as known on" yesterday (the day input) draws the graph without it and the
 * status line says the view is not now, "Now" brings it back, and its history's "As known before this"
 * steps to just before it was recorded: the seed's claims, recorded before it, stay.
 * (Imports stamp recordedAt, so the seed itself may not be known yesterday: that view may be empty.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addAndExpand,
  clickElement,
  edgeLabel,
  hook,
  pointerAway,
  settled,
  waitForEdgeLabel,
} from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();
const MERGER = '111th-regiment-merged-into-jaysh-al-nasr';

/** A JSON request from the page (its session, same origin), as the app's own forms make them. */
async function send(
  page: Page,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: { id: string } }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
    { method, path, body },
  );
}

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('grades and "as known on"', () => {
  it('grades claims on the canvas, filters by grade, and steps "as known on" back before a claim was recorded', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');

    // A seed claim: its source was never graded (F) and it states no credibility (–).
    await waitForEdgeLabel(page, MERGER, '· F–');
    expect((await edgeLabel(page, MERGER)).split('\n')[0]).toBe('merged into · F–');

    // The grade filter: "source at least E" hides every seed claim; "any" shows them again.
    // Its key says what "F–" means without a tooltip.
    await expect(page.getByTestId('grade-key').textContent()).resolves.toBe(
      'B2 = source usually reliable (B), probably true (2); F = source not graded or reliability cannot be judged; – = credibility not stated',
    );
    const minReliability = page.locator('select[name=min-reliability]');
    await minReliability.selectOption('E');
    await settled(page);
    expect(await hook.edgeIds(page)).toContain(MERGER);
    expect(await hook.visibleEdgeIds(page)).not.toContain(MERGER);
    expect(param(page, 'rel')).toBe('E');
    await minReliability.selectOption('');
    await settled(page);
    expect(await hook.visibleEdgeIds(page)).toContain(MERGER);
    expect(param(page, 'rel')).toBeNull();

    // A claim written now, citing a source graded A, with credibility 1.
    const source = await send(page, 'POST', '/api/sources', {
      source: { name: 'Grades e2e wire', title: 'Grades e2e wire report', reliability: 'A' },
    });
    expect([200, 201]).toContain(source.status);
    const claim = await send(page, 'POST', '/api/relationships', {
      claim: {
        type: 'SUPPORTED_BY',
        source: '111th-regiment',
        target: 'jaysh-al-nasr',
        from: '2017-01',
        sources: [source.body.id],
        credibility: 1,
      },
    });
    expect([200, 201]).toContain(claim.status);
    const claimId = claim.body.id;

    // Another analyst's write is seen on reopening the view (the link keeps it).
    await page.reload();
    await page.waitForSelector('[data-testid=graph-stats]');
    await settled(page);
    await waitForEdgeLabel(page, claimId, '· A1');
    // A bar of A keeps the new claim and hides the seed's.
    await minReliability.selectOption('A');
    await settled(page);
    const visible = await hook.visibleEdgeIds(page);
    expect(visible).toContain(claimId);
    expect(visible).not.toContain(MERGER);
    await minReliability.selectOption('');
    await settled(page);

    expect(errors).toEqual([]);
    // As known yesterday: the claim was not recorded yet; the seed's claims were known from the start.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('known-on').fill(yesterday);
    await settled(page);
    expect(param(page, 'known')).toBe(yesterday);
    expect(await hook.edgeIds(page)).not.toContain(claimId);
    await expect(page.getByTestId('known-on-status').textContent()).resolves.toContain('Not now');
    await pointerAway(page);
    await suite.shot(page, 'grades-known-yesterday');

    // Now again: the claim is back.
    await page.getByTestId('known-on-now').click();
    await settled(page);
    expect(param(page, 'known')).toBeNull();
    expect(await hook.edgeIds(page)).toContain(claimId);
    expect(await page.getByTestId('known-on-status').count()).toBe(0);
    // Yesterday the seed's nodes may not have been known yet: their 404s were that view's own answer.
    const seen = errors.length;

    // Its history: recorded, citing its source; "As known before this" steps to just before it.
    // Only A-graded claims drawn while it is clicked: a click in a crowded view may meet another link.
    await minReliability.selectOption('A');
    await settled(page);
    await clickElement(page, claimId);
    const details = page.getByTestId('details-panel');
    await expect(details.getByTestId('edge-grade').textContent()).resolves.toBe('A1');
    const change = details.getByTestId('history-change').first();
    await change.waitFor();
    await expect(change.getAttribute('data-action')).resolves.toBe('recorded');
    // The cited source by its title, not its id (the id is the title attribute).
    await expect.poll(() => change.getByTestId('history-sources').textContent()).toContain('Grades e2e wire report');
    await expect(change.locator(`cite[data-source="${source.body.id}"]`).count()).resolves.toBe(1);
    await suite.shot(page, 'grades-claim-history');
    await minReliability.selectOption('');
    await settled(page);
    await change.getByTestId('known-before').click();
    await settled(page);
    expect(param(page, 'known')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await hook.edgeIds(page)).not.toContain(claimId);
    expect(await hook.visibleEdgeIds(page)).toContain(MERGER);
    expect(errors.slice(seen)).toEqual([]);
  });

  it('grades a claim with its source’s grade as known then: the old grade before a regrade, the new one now', async () => {
    const { page, errors } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const source = await send(page, 'POST', '/api/sources', {
      source: { name: 'Regraded e2e wire', title: 'Regraded e2e wire report', reliability: 'A' },
    });
    expect(source.status).toBe(201);
    const claim = await send(page, 'POST', '/api/relationships', {
      // Its own pair of ends: a parallel claim of the same type would be drawn in one bundle with it.
      claim: { type: 'SUPPORTED_BY', source: 'falcons-of-al-ghab', target: 'jaysh-al-nasr', sources: [source.body.id] },
    });
    expect(claim.status).toBe(201);
    const held = (await page.evaluate(async (id) => (await fetch(`/api/nodes/${id}`)).json(), source.body.id)) as {
      node: { recordedAt: string; changedAt?: string };
    };
    const regraded = (await send(page, 'PATCH', `/api/sources/${source.body.id}`, {
      source: { id: source.body.id, name: 'Regraded e2e wire', title: 'Regraded e2e wire report', reliability: 'D' },
      basedOn: held.node.changedAt ?? held.node.recordedAt,
      reason: 'two of its reports were retracted',
    })) as { status: number; body: { id: string; recordedAt?: string } };
    expect(regraded.status).toBe(200);

    await page.reload();
    await page.waitForSelector('[data-testid=graph-stats]');
    await settled(page);
    await waitForEdgeLabel(page, claim.body.id, '· D–');

    // Just before the regrade the claim was known, and its source was graded A.
    const url = new URL(page.url());
    url.searchParams.set('known', regraded.body.recordedAt!);
    await page.goto(url.toString());
    await page.waitForSelector('[data-testid=graph-stats]');
    await settled(page);
    await waitForEdgeLabel(page, claim.body.id, '· A–');
    await pointerAway(page);
    await suite.shot(page, 'grades-as-known-before-regrade');

    await page.getByTestId('known-on-now').click();
    await settled(page);
    await waitForEdgeLabel(page, claim.body.id, '· D–');
    expect(errors).toEqual([]);
  });
});
