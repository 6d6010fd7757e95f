/**
 * Opened by a name over plain http, the page works: Docker users open the app by a LAN name
 * (http://atlas.test:8080/), which browsers, unlike localhost, do not count as a secure origin. The CSP's
 * upgrade-insecure-requests made Chromium fetch the page's scripts and styles over https, which nothing
 * serves, and the page stayed blank. Chromium maps atlas.test to 127.0.0.1 here (--host-resolver-rules).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { type AppServer, startAppServer } from '../support/appServer.ts';
import { searchAndChoose, settled, stats } from '../support/atlasPage.ts';
import { launchBrowser, openPage, screenshot } from '../support/browser.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

let db: Database;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  db = connectTestDatabase();
  // The Host check answers only the names it is told (ALLOWED_HOSTS): this one too.
  app = await startAppServer(db, { allowedHosts: ['atlas.test', 'localhost', '127.0.0.1'] });
  browser = await launchBrowser(['--host-resolver-rules=MAP atlas.test 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

it('draws the network when opened as http://atlas.test:PORT/, and the search finds a faction', async () => {
  const address = `http://atlas.test:${new URL(app.url).port}/`;
  const { page, context, errors } = await openPage(browser, address);
  try {
    expect(page.url()).toBe(address);
    await page.waitForSelector('[data-testid=graph-stats]', { timeout: 15_000 });
    await settled(page);
    await searchAndChoose(page, 'Jaysh al-Nasr', 'Jaysh al-Nasr');
    expect(await stats(page)).toMatchObject({ nodes: 1 });
    expect(errors).toEqual([]);
    await screenshot(page, 'plain-http-address');
  } finally {
    await context.close();
  }
});
