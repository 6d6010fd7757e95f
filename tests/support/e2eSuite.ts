/**
 * The set-up every end-to-end file shares: the seed in the run's Neo4j, the real app on a free port,
 * one headless Chromium; each test opens a fresh page and ends with a screenshot.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppOptions } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { launchBrowser, openPage, screenshot, type TestPage } from './browser.ts';
import { settled } from './atlasPage.ts';
import { connectTestDatabase } from './fixtures.ts';

export interface E2E {
  /** The app's base URL. */
  url(): string;
  /** A fresh page (own browser context) at `path`, settled. */
  open(
    path?: string,
    size?: { width: number; height: number },
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  shot(page: Page, name: string): Promise<void>;
}

/**
 * The app (createApp `options`) on a freshly seeded database and one Chromium, for one test file:
 * started before its tests, closed after them with every page it opened. `open` leaves the page as
 * it loads (with sign-in on, that is the sign-in screen).
 */
export function appInBrowser(options: Partial<Omit<AppOptions, 'db' | 'logger'>> = {}) {
  let db: Database;
  let app: AppServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = connectTestDatabase();
    app = await startAppServer(db, options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  return {
    url: () => app.url,
    db: () => db,
    async open(path = '/', size?: { width: number; height: number }): Promise<TestPage> {
      const opened = await openPage(browser, `${app.url}${path}`, size);
      contexts.push(opened.context);
      return opened;
    },
    async shot(page: Page, name: string): Promise<void> {
      await screenshot(page, name);
    },
  };
}

/** The usual file's set-up: the app without sign-in, each page opened and settled on the graph. */
export function e2eSuite(): E2E {
  const suite = appInBrowser();
  return {
    url: suite.url,
    async open(path = '/', size?: { width: number; height: number }) {
      const opened = await suite.open(path, size);
      await opened.page.waitForSelector('[data-testid=graph-stats]');
      await settled(opened.page);
      return opened;
    },
    shot: suite.shot,
  };
}
