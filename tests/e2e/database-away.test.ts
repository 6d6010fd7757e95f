/**
 * The database away and back, in the browser: when Neo4j stops, a banner under the top bar says so in
 * the analyst's words (shown by the first request that gets a 503, and by the health check of a page
 * opened meanwhile), the drawn view stays and the canvas still answers the keyboard, and a search
 * made meanwhile shows its error instead of hanging; once Neo4j is back the banner says so and goes,
 * and search works again, without reloading. When the app's server itself is gone, the banner says
 * that, and no request ends as an unhandled error in the page.
 *
 * Runs on a Neo4j of its own (stopped and started again on the same port and data), not on the
 * run's shared one; the app's Database has its liveness probe, as in production.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { hook, addAndExpand, searchAndChoose, settled, stats } from '../support/atlasPage.ts';
import { launchBrowser, openPage, screenshot, type TestPage } from '../support/browser.ts';
import { startLocalTestNeo4j, testDatabase, type TestNeo4j } from '../support/neo4j.ts';

/** Stopping and starting Neo4j takes 10–20 s each on this machine, and a restarted server is cold. */
const OUTAGE_TEST_MS = 240_000;

let neo: TestNeo4j;
let db: Database;
let app: AppServer;
let appClosed = false;
let browser: Browser;
const pages: TestPage[] = [];

beforeAll(async () => {
  neo = await startLocalTestNeo4j();
  db = testDatabase(neo);
  app = await startAppServer(db);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { context } of pages) await context.close().catch(() => {});
  await browser?.close();
  if (!appClosed) await app?.close();
  await db?.close();
  await neo?.dispose();
});

async function open(): Promise<TestPage> {
  const opened = await openPage(browser, `${app.url}/`);
  pages.push(opened);
  await opened.page.waitForSelector('[data-testid=graph-stats]');
  await settled(opened.page);
  return opened;
}

const banner = (page: Page) => page.locator('#database-banner [data-testid=database-banner]');

/** Page errors other than the browser's own line for each failed request (a 503, a refused connection). */
const pageErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e));

const AWAY_WORDS = 'The database is not answering — your view is kept; actions will work again when it is back.';

describe('the database away and back, in the browser', () => {
  it(
    'shows a banner while Neo4j is stopped, keeps the drawn view usable, and goes once it is back',
    async () => {
      const { page, errors } = await open();
      await addAndExpand(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr', 'jaysh-al-nasr');
      const drawn = await hook.nodeIds(page);
      const drawnStats = await stats(page);
      expect(drawn.length).toBeGreaterThan(5);
      await expect(banner(page).count()).resolves.toBe(0);

      await neo.stop();

      // A search made now fails with its usual message, and the banner shows at once.
      await page.fill('[data-testid=search-input]', 'Sham Legion');
      await page.locator('#search-results li.message').waitFor();
      await expect(page.locator('#search-results li.message').textContent()).resolves.toMatch(/not answering/);
      await banner(page).waitFor();
      await expect(banner(page).getAttribute('data-state')).resolves.toBe('unresponsive');
      await expect(banner(page).locator('.words').textContent()).resolves.toBe(AWAY_WORDS);
      await expect(page.locator('#database-banner').getAttribute('role')).resolves.toBe('status');

      // The view is kept, and the page is not frozen: the canvas still selects nodes from the keyboard.
      await page.keyboard.press('Escape');
      expect(await hook.nodeIds(page)).toEqual(drawn);
      expect(await stats(page)).toEqual(drawnStats);
      await page.locator('#canvas').focus();
      await page.keyboard.press('n');
      expect((await hook.selectedIds(page)).length).toBe(1);
      // The banner sits under the top bar: it covers neither the search box nor the toolbar.
      const bannerBox = (await banner(page).boundingBox())!;
      for (const selector of ['[data-testid=search-input]', '#toolbar']) {
        const box = (await page.locator(selector).boundingBox())!;
        expect(box.y + box.height, selector).toBeLessThanOrEqual(bannerBox.y);
      }
      await screenshot(page, 'database-away');

      // A page opened while the database is away says so before anything is asked of it.
      const late = await open();
      await banner(late.page).waitFor();
      await expect(banner(late.page).locator('.words').textContent()).resolves.toBe(AWAY_WORDS);

      await neo.restart();

      // The banner's own health checks see it back: it says so, then goes, with no reload.
      await page.locator('#database-banner [data-state=back]').waitFor({ timeout: 60_000 });
      await expect(banner(page).textContent()).resolves.toBe('The database is back.');
      await screenshot(page, 'database-back');
      await banner(page).waitFor({ state: 'detached', timeout: 30_000 });
      await banner(late.page).waitFor({ state: 'detached', timeout: 60_000 });
      expect(await hook.nodeIds(page)).toEqual(drawn);

      await searchAndChoose(page, 'Sham Legion', 'Sham Legion');
      expect(await hook.nodeIds(page)).toContain('sham-legion');
      expect(pageErrors(errors)).toEqual([]);
      expect(pageErrors(late.errors)).toEqual([]);
    },
    OUTAGE_TEST_MS,
  );

  it('says the server itself is not answering when the app is gone, without an error in the page', async () => {
    const { page, errors } = await open();
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    await app.close();
    appClosed = true;

    await page.fill('[data-testid=search-input]', 'Sham Legion');
    await banner(page).waitFor();
    await expect(banner(page).getAttribute('data-state')).resolves.toBe('server');
    await expect(banner(page).locator('.words').textContent()).resolves.toBe(
      'The Faction Atlas server is not answering — your view is kept; actions will work again when it is back.',
    );
    expect(await hook.nodeIds(page)).toEqual(['jaysh-al-nasr']);
    await screenshot(page, 'database-server-gone');
    expect(pageErrors(errors)).toEqual([]);
  });
});
