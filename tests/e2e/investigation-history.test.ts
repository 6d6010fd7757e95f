/**
 * Investigations and the browser: Back and Forward walk the analyst's steps inside the app (the URL
 * stays on the app, the view goes back one step, moves are not steps), Back from the first step of a
 * page stays in the app; the Share link opens the investigation read-only in a fresh browser context
 * (same picture, no autosave, editing refused); and a snapshot whose data changed since shows a notice
 * with counts, marks the changed elements, and Refresh draws the current data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Investigation, InvestigationFile } from '../../contract/investigation.ts';
import { addAndExpand, doubleClickNode, hook, searchAndChoose, settled } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { createInvestigation, pageApi, saved } from '../support/investigationPage.ts';

const suite = e2eSuite();

const nodeCount = async (page: Page) => (await hook.nodeIds(page)).length;

describe('browser history', () => {
  it('Back and Forward walk the analyst steps inside the app; Back from the first step stays in it', async () => {
    const { page, errors } = await suite.open('/');
    const origin = new URL(page.url()).origin;
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    // Back from the first step of the page: still the app, the canvas as the page opened.
    await page.goBack();
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 0);
    expect(new URL(page.url()).origin).toBe(origin);
    await page.goForward();
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 1);

    const id = await createInvestigation(page);
    await doubleClickNode(page, 'jaysh-al-nasr');
    await page.waitForFunction(() => window.__atlas.nodeIds().length > 1);
    await settled(page);
    const expanded = (await hook.nodeIds(page)).sort();
    // A move is saved but is not a step: Back goes to before the expansion, not before the move.
    const from = (await page.evaluate(() => window.__atlas.clientPosition('jaysh-al-nasr')))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 4 });
    await page.mouse.up();
    await saved(page);

    await page.goBack();
    await page.waitForFunction(() => window.__atlas.nodeIds().length === 1);
    await settled(page);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).searchParams.get('investigation')).toBe(id);
    expect(await hook.nodeIds(page)).toEqual(['jaysh-al-nasr']);

    await page.goForward();
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, expanded.length);
    expect((await hook.nodeIds(page)).sort()).toEqual(expanded);

    // Back past the opening of the investigation: the view before it, with none open.
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('investigation'));
    // The URL changes at once; the walk back through both steps ends when the investigation is left.
    await page.getByTestId('investigation-bar').waitFor({ state: 'detached' });
    await settled(page);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(await nodeCount(page)).toBe(1);
    await expect(page.getByTestId('investigation-bar').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('share', () => {
  it('the Share link opens the investigation read-only in a fresh context: same picture, nothing saved', async () => {
    const { page, errors } = await suite.open('/');
    await createInvestigation(page);
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    await saved(page);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/\/\?investigation=[0-9a-f-]{36}&mode=read$/);
    const nodes = await hook.nodes(page);

    const other = await suite.open(link.slice(suite.url().length));
    await other.page.getByTestId('read-only-badge').waitFor();
    await settled(other.page);
    const puts: string[] = [];
    other.page.on('request', (r) => {
      if (r.method() !== 'GET') puts.push(`${r.method()} ${r.url()}`);
    });
    const again = new Map((await hook.nodes(other.page)).map((n) => [n.id, n.position]));
    expect([...again.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const n of nodes) expect(Math.abs(again.get(n.id)!.x - n.position.x)).toBeLessThan(1);

    // Editing is refused: an expansion draws nothing new, and nothing is sent to be saved.
    await doubleClickNode(other.page, 'jaysh-al-nasr');
    await settled(other.page);
    await other.page.waitForTimeout(2500);
    expect((await hook.nodeIds(other.page)).length).toBe(nodes.length);
    expect(puts).toEqual([]);
    await expect(other.page.getByTestId('undo').isVisible()).resolves.toBe(false);
    await expect(other.page.getByTestId('new-investigation').count()).resolves.toBe(0);
    expect(other.errors).toEqual([]);
    expect(errors).toEqual([]);
    await suite.shot(other.page, 'investigation-shared-read-only');
  });
});

describe('changes since the snapshot', () => {
  it('says what changed with counts, marks it, and Refresh draws the current data', async () => {
    const { page, errors } = await suite.open('/');
    const id = await createInvestigation(page);
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    await saved(page);
    const file = await pageApi<InvestigationFile>(page, `/api/investigations/${id}/export`);
    const snap = file.investigation.snapshot;
    // The picture saved differs from the database: a node renamed, a link it never had, a link it lacks.
    const edited = snap.nodes.find((n) => n.id !== 'jaysh-al-nasr')!;
    edited.name = `${edited.name} (as it was)`;
    const dropped = snap.edges.shift()!;
    snap.edges.push({ ...dropped, id: 'a-link-since-retracted' });
    file.investigation.title = 'Changed since';
    const imported = await pageApi<Investigation>(page, '/api/investigations/import', 'POST', file);

    const other = await suite.open(`/?investigation=${imported.id}`);
    const notice = other.page.getByTestId('changes-summary');
    await notice.waitFor();
    expect((await notice.textContent())!.trim()).toBe(
      'The data changed since this was saved: 1 added, 1 removed, 1 edited',
    );
    expect(await hook.classesOf(other.page, edited.id)).toContain('changed-edited');
    expect(await hook.classesOf(other.page, 'a-link-since-retracted')).toContain('changed-removed');
    await suite.shot(other.page, 'investigation-changes-notice');

    await other.page.getByTestId('refresh-data').click();
    await other.page.getByTestId('changes-notice').waitFor({ state: 'detached' });
    await saved(other.page);
    const edges = await hook.edgeIds(other.page);
    expect(edges).toContain(dropped.id);
    expect(edges).not.toContain('a-link-since-retracted');
    const after = await pageApi<Investigation>(other.page, `/api/investigations/${imported.id}`);
    expect(after.snapshot.edges.map((e) => e.id)).toContain(dropped.id);
    expect(other.errors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
