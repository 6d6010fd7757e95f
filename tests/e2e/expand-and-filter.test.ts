/**
 * Expanding and filtering in the browser: double-click expands (placed nodes stay put), the API's
 * truncation shows as "N more" and fetches the rest, the context menu expands by relationship type and
 * direction, filters hide labels and types, the selection can be hidden, removed, pinned or narrowed
 * to its neighbourhood, and undo puts things back.
 */
import { describe, expect, it } from 'vitest';
import {
  addAndExpand,
  clickElement,
  hook,
  hoverElement,
  pointerAway,
  searchAndChoose,
  settled,
  stats,
} from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

describe('expand', () => {
  it('expands on double-click, says "N more" when the API truncates, and fetches them', async () => {
    const { page, errors } = await suite.open();
    const pageSize = Number(await page.inputValue('input[name=page-size]'));
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');

    const first = await stats(page);
    expect(first.nodes).toBe(pageSize + 1);

    // Hovering a node highlights its neighbourhood and fades the rest.
    await hoverElement(page, 'turkey');
    await expect(hook.classesOf(page, 'jaysh-al-nasr')).resolves.toContain('hovered');
    const others = (await hook.nodeIds(page)).filter((id) => id !== 'turkey' && id !== 'jaysh-al-nasr');
    for (const id of others.slice(0, 5)) await expect(hook.classesOf(page, id)).resolves.toContain('faded');
    await pointerAway(page);
    await expect(hook.classesOf(page, others[0]!)).resolves.not.toContain('faded');
    const notice = page.locator('[data-testid=fetch-more]');
    const more = Number(/^(\d+) more$/.exec((await notice.textContent())!.trim())![1]);
    expect(more).toBeGreaterThan(0);

    const placed = new Map((await hook.nodes(page)).map((n) => [n.id, n.position]));
    await notice.click();
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, first.nodes + more);
    await settled(page);

    expect((await stats(page)).nodes).toBe(first.nodes + more);
    await expect(page.locator('[data-testid=truncation]').count()).resolves.toBe(0);
    // The nodes already placed did not move while the new ones were laid out.
    for (const n of await hook.nodes(page)) {
      const before = placed.get(n.id);
      if (!before) continue;
      expect(Math.abs(n.position.x - before.x)).toBeLessThan(0.5);
      expect(Math.abs(n.position.y - before.y)).toBeLessThan(0.5);
    }
    expect(new URL(page.url()).searchParams.getAll('x')).toEqual(['jaysh-al-nasr*1*both*all*all']);
    expect(errors).toEqual([]);
    await suite.shot(page, 'expand-more');
  });

  it('expands from the context menu by relationship type and direction', async () => {
    const { page } = await suite.open();
    await searchAndChoose(page, 'National Front for Liberation', 'National Front for Liberation');
    await clickElement(page, 'national-front-for-liberation', { button: 'right' });
    await page.locator('[data-testid=context-menu]').waitFor();
    await page.getByRole('menuitem', { name: 'Expand member of, incoming' }).click();
    await settled(page);

    const members = await hook.edges(page);
    expect(members.map((e) => e.source).sort()).toEqual(['jaysh-al-nasr', 'sham-legion-northern-hama-branch']);
    for (const e of members) expect([e.type, e.target]).toEqual(['MEMBER_OF', 'national-front-for-liberation']);
    expect(new URL(page.url()).searchParams.getAll('x')).toContain('national-front-for-liberation*1*in*MEMBER_OF*25');

    // Outgoing "led by" brings its leader and nothing else; the view then also shows that he leads
    // Jaysh al-Nasr, already drawn (a complete view draws every link among its nodes).
    await clickElement(page, 'national-front-for-liberation', { button: 'right' });
    await page.getByRole('menuitem', { name: 'Expand led by, outgoing' }).click();
    await settled(page);
    const added = (await hook.edges(page)).filter((e) => !members.some((m) => m.id === e.id));
    expect(added.map(({ source, target, type }) => ({ source, target, type }))).toEqual(
      expect.arrayContaining([
        { source: 'national-front-for-liberation', target: 'muhammad-mansour', type: 'LED_BY' },
        { source: 'jaysh-al-nasr', target: 'muhammad-mansour', type: 'LED_BY' },
      ]),
    );
    expect(added.length).toBe(2);
    expect((await stats(page)).nodes).toBe(4);
    await pointerAway(page);
    await suite.shot(page, 'expand-context-menu');
  });
});

describe('filters and selection', () => {
  it('shows or hides by label and relationship type', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const all = await stats(page);
    const nodes = await hook.nodes(page);
    const events = nodes.filter((n) => n.label === 'Event').map((n) => n.id);
    expect(events.length).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: 'Event' }).uncheck();
    await settled(page);
    const visible = new Set(await hook.visibleNodeIds(page));
    expect(events.some((id) => visible.has(id))).toBe(false);
    expect((await stats(page)).nodes).toBe(all.nodes - events.length);

    const fought = (await hook.edges(page)).filter((e) => e.type === 'FOUGHT').map((e) => e.id);
    expect(fought.length).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'fought' }).uncheck();
    await settled(page);
    const visibleEdges = new Set(await hook.visibleEdgeIds(page));
    expect(fought.some((id) => visibleEdges.has(id))).toBe(false);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('hl')).toEqual(['Event']);
    expect(url.searchParams.getAll('ht')).toEqual(['FOUGHT']);
    await suite.shot(page, 'filters');

    await page.getByRole('checkbox', { name: 'Event' }).check();
    await page.getByRole('checkbox', { name: 'fought' }).check();
    await settled(page);
    expect(await stats(page)).toEqual(all);
  });

  it('hides, removes, pins and narrows the selection, and undo brings it back', async () => {
    const { page } = await suite.open();
    await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
    const all = await stats(page);

    await clickElement(page, 'turkey');
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await settled(page);
    expect(await hook.visibleNodeIds(page)).not.toContain('turkey');
    expect(await hook.nodeIds(page)).toContain('turkey');
    await expect(page.getByRole('button', { name: 'Show hidden (1)' }).isEnabled()).resolves.toBe(true);

    await clickElement(page, 'syrian-arab-army');
    await page.keyboard.press('Delete');
    await settled(page);
    expect(await hook.nodeIds(page)).not.toContain('syrian-arab-army');
    expect(new URL(page.url()).searchParams.getAll('r')).toContain('syrian-arab-army');
    await page.keyboard.press('Control+z');
    await settled(page);
    expect(await hook.nodeIds(page)).toContain('syrian-arab-army');

    await clickElement(page, 'falcons-of-al-ghab');
    await page.keyboard.press('p');
    await settled(page);
    expect(await hook.classesOf(page, 'falcons-of-al-ghab')).toContain('pinned');
    const pinnedAt = (await hook.nodes(page)).find((n) => n.id === 'falcons-of-al-ghab')!.position;
    await page.selectOption('[data-testid=layout]', 'grid');
    await settled(page);
    const after = (await hook.nodes(page)).find((n) => n.id === 'falcons-of-al-ghab')!.position;
    expect(after).toEqual(pinnedAt);
    expect(new URL(page.url()).searchParams.get('layout')).toBe('grid');

    await clickElement(page, '111th-regiment');
    await page.getByRole('button', { name: 'Keep only neighbourhood' }).click();
    await settled(page);
    const kept = new Set(await hook.nodeIds(page));
    const edges = await hook.edges(page);
    for (const id of kept) {
      if (id === '111th-regiment') continue;
      expect(
        edges.some(
          (e) =>
            (e.source === id && e.target === '111th-regiment') || (e.target === id && e.source === '111th-regiment'),
        ),
      ).toBe(true);
    }
    expect(kept.size).toBeLessThan(all.nodes);
    await pointerAway(page);
    await suite.shot(page, 'keep-neighbourhood');

    // Undo all the way back: hidden, removed, pinned and narrowed are all undone.
    while (await page.getByTestId('undo').isEnabled()) await page.getByTestId('undo').click();
    await settled(page);
    expect(await stats(page)).toEqual({ nodes: 0, edges: 0, text: '0 nodes, 0 edges' });
    await page.getByTestId('redo').click();
    await page.getByTestId('redo').click();
    await settled(page);
    expect((await stats(page)).nodes).toBe(all.nodes);
  });
});
