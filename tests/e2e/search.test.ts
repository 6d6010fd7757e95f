/**
 * Search in the browser: suggestions while typing, in Arabic and in English; choosing one adds the
 * node, centres and selects it; Arabic text displays right-to-left; the keyboard alone will do. A node
 * the filters hide is not added silently: the panel says which filter and shows it on request. A Source
 * opens as a card that draws what it states onto the canvas.
 */
import { describe, expect, it } from 'vitest';
import { elements, searchResponse } from '../../contract/api.ts';
import { TYPE_WORDS } from '../../client/src/graph/style.ts';
import { hook, searchAndChoose, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';

const suite = e2eSuite();

describe('search', () => {
  it('finds Jaysh al-Nasr from its Arabic name and adds it to the canvas', async () => {
    const { page, errors } = await suite.open();
    expect(await stats(page)).toMatchObject({ nodes: 0, edges: 0 });

    await page.fill('[data-testid=search-input]', 'جيش النصر');
    const option = page.locator('#search-results [role=option][data-id=jaysh-al-nasr]');
    await option.waitFor();
    await expect(option.locator('.name').textContent()).resolves.toBe('Jaysh al-Nasr');
    // The alias that matched is shown, and it reads right-to-left.
    const alias = option.locator('.alias');
    await expect(alias.textContent()).resolves.toContain('جيش النصر');
    await expect(alias.evaluate((el) => el.matches(':dir(rtl)'))).resolves.toBe(true);
    await expect(page.locator('[data-testid=search-input]').evaluate((el) => el.matches(':dir(rtl)'))).resolves.toBe(
      true,
    );

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('jaysh-al-nasr'));
    await settled(page);

    expect(await stats(page)).toMatchObject({ nodes: 1, edges: 0, text: '1 nodes, 0 edges' });
    expect(await hook.selectedIds(page)).toEqual(['jaysh-al-nasr']);
    await expect(page.locator('#details h2').first().textContent()).resolves.toBe('Jaysh al-Nasr');
    expect(new URL(page.url()).searchParams.getAll('n')).toEqual(['jaysh-al-nasr']);
    // Centred: the node is drawn in the middle of the canvas.
    const box = (await page.locator('#canvas').boundingBox())!;
    const at = (await page.evaluate(() => window.__atlas.clientPosition('jaysh-al-nasr')))!;
    expect(Math.abs(at.x - (box.x + box.width / 2))).toBeLessThan(box.width * 0.1);
    expect(Math.abs(at.y - (box.y + box.height / 2))).toBeLessThan(box.height * 0.1);
    expect(errors).toEqual([]);
    await suite.shot(page, 'search-arabic');
  });

  it('suggests while an English name is typed, and adds the chosen one', async () => {
    const { page, errors } = await suite.open();
    const input = page.locator('[data-testid=search-input]');
    await input.pressSequentially('Sham Le', { delay: 30 });
    const option = page.locator('#search-results [role=option][data-id=sham-legion]');
    await option.waitFor();
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await searchAndChoose(page, 'falcons of al', 'Falcons of al-Ghab');
    await searchAndChoose(page, 'Sham Legion', 'Sham Legion');

    expect(new Set(await hook.nodeIds(page))).toEqual(new Set(['falcons-of-al-ghab', 'sham-legion']));
    expect(await stats(page)).toMatchObject({ nodes: 2, edges: 0 });
    expect(await hook.selectedIds(page)).toEqual(['sham-legion']);
    expect(errors).toEqual([]);
    await suite.shot(page, 'search-english');
  });

  it('works from the keyboard: "/" to search, arrows to choose, Enter to add', async () => {
    const { page } = await suite.open();
    await page.locator('body').press('/');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'search-input',
    );
    await page.keyboard.type('jaysh');
    await page.locator('#search-results [role=option][data-id]').first().waitFor();
    const options = await page
      .locator('#search-results [role=option][data-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(options.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('[data-testid=search-input]').getAttribute('aria-activedescendant');
    expect(active).toBe('search-result-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => window.__atlas.nodeIds().includes(id!), options[1]);
    expect(await hook.nodeIds(page)).toEqual([options[1]]);
    await suite.shot(page, 'search-keyboard');
  });

  it('fits a 1280 px wide screen', async () => {
    const { page } = await suite.open('/', { width: 1280, height: 720 });
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    for (const selector of [
      '[data-testid=search-input]',
      '#canvas',
      '#details',
      '[data-testid=time-slider]',
      '[data-testid=graph-stats]',
    ]) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(1280);
      expect(box.width, selector).toBeGreaterThan(0);
    }
    expect((await page.locator('#canvas').boundingBox())!.width).toBeGreaterThan(500);
    await suite.shot(page, 'search-1280');
  });

  it('says so when nothing matches', async () => {
    const { page } = await suite.open();
    await page.fill('[data-testid=search-input]', 'zzqqxx');
    await page.locator('#search-results .message').waitFor();
    await expect(page.locator('#search-results .message').textContent()).resolves.toBe('No match');
    expect(await stats(page)).toMatchObject({ nodes: 0 });
    await suite.shot(page, 'search-no-match');
  });

  it('says a chosen Person is hidden by the filter Person, and shows it on request', async () => {
    const { page, errors } = await suite.open();
    await page.getByRole('checkbox', { name: 'Person' }).uncheck();
    await settled(page);
    await page.fill('[data-testid=search-input]', 'Muhammad Mansour');
    await page.locator('#search-results [role=option][data-id=muhammad-mansour]').click();
    const notice = page.locator('[data-testid=search-filter-notice]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/Hidden by the filter\s+Person\s+—\s+Show it/);
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('muhammad-mansour'));
    await settled(page);
    expect(await hook.visibleNodeIds(page)).not.toContain('muhammad-mansour');
    await suite.shot(page, 'search-hidden-by-filter');

    await page.locator('[data-testid=search-show-hidden]').click();
    await page.waitForFunction(() => window.__atlas.visibleNodeIds().includes('muhammad-mansour'));
    await settled(page);
    await expect(page.getByRole('checkbox', { name: 'Person' }).isChecked()).resolves.toBe(true);
    await expect(notice.count()).resolves.toBe(0);
    expect(await hook.selectedIds(page)).toEqual(['muhammad-mansour']);
    expect(new URL(page.url()).searchParams.getAll('hl')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says when the filters hide every link of a chosen node, and shows them on request', async () => {
    const { page, errors } = await suite.open();
    const answer = await fetch(`${suite.url()}/api/search?q=${encodeURIComponent('Qalaat al-Madiq')}`);
    const place = searchResponse.parse(await answer.json()).results.find((r) => r.id === 'qalaat-al-madiq');
    expect(place?.types.length).toBeGreaterThan(0);
    for (const type of place!.types) await page.getByRole('checkbox', { name: TYPE_WORDS[type] }).uncheck();
    await settled(page);

    await page.fill('[data-testid=search-input]', 'Qalaat al-Madiq');
    await page.locator('#search-results [role=option][data-id=qalaat-al-madiq]').click();
    const notice = page.locator('[data-testid=search-filter-notice]');
    await notice.waitFor();
    const words = place!.types.map((t) => TYPE_WORDS[t]).join(', ');
    await expect(notice.textContent()).resolves.toMatch(
      new RegExp(`Its links are hidden by the filters?\\s+${words}\\s+—\\s+Show them`),
    );
    await page.locator('[data-testid=search-show-hidden]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=search-filter-notice]'));
    for (const type of place!.types) {
      await expect(page.getByRole('checkbox', { name: TYPE_WORDS[type] }).isChecked(), type).resolves.toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('adds a chosen node silently when no filter hides it', async () => {
    const { page } = await suite.open();
    await page.getByRole('checkbox', { name: 'Event' }).uncheck();
    await searchAndChoose(page, 'Muhammad Mansour', 'Muhammad Mansour');
    await expect(page.locator('[data-testid=search-filter-notice]').count()).resolves.toBe(0);
    expect(await hook.visibleNodeIds(page)).toContain('muhammad-mansour');
  });

  it('opens a Source found by its author and draws what it states', async () => {
    const { page, errors } = await suite.open();
    await page.fill('[data-testid=search-input]', 'Heras');
    const option = page.locator('#search-results [role=option][data-id=ref-4]');
    await option.waitFor();
    await expect(option.locator('.badge').textContent()).resolves.toBe('Source');
    await option.click();

    const card = page.locator('[data-testid=search-source-card]');
    await card.waitFor();
    await expect(card.locator('cite').textContent()).resolves.toContain('Commanding the Jaysh al-Nasr Coalition');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=search-source-card] .meta')?.textContent?.includes('Jamestown Foundation'),
    );
    await expect(card.locator('.meta').textContent()).resolves.toContain('Nicholas A. Heras');
    expect(await stats(page)).toMatchObject({ nodes: 0 });

    await card.locator('[data-testid=draw-source-claims]').click();
    await page.locator('[data-testid=source-claims-outcome]').waitFor();
    await settled(page);
    const claims = elements.parse(await (await fetch(`${suite.url()}/api/sources/ref-4/claims`)).json());
    expect(new Set(await hook.nodeIds(page))).toEqual(new Set(claims.nodes.map((n) => n.data.id)));
    expect(await hook.edgeIds(page)).toEqual(expect.arrayContaining(claims.edges.map((e) => e.data.id)));
    await expect(page.locator('[data-testid=source-claims-outcome]').textContent()).resolves.toBe(
      `Drew ${claims.nodes.length} nodes and ${claims.edges.length} links that cite it.`,
    );
    expect(errors).toEqual([]);
    await suite.shot(page, 'search-source-drawn');
  });
});
