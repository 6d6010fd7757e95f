/**
 * The set-up every end-to-end file shares: the seed in the run's Neo4j, the real app on a free port,
 * one headless Chromium; each test opens a fresh page and ends with a screenshot.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Database } from '../../server/db/database.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { launchBrowser, openPage, screenshot } from './browser.ts';
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

export function e2eSuite(): E2E {
  let db: Database;
  let app: AppServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = connectTestDatabase();
    app = await startAppServer(db);
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
    async open(path = '/', size?: { width: number; height: number }) {
      const opened = await openPage(browser, `${app.url}${path}`, size);
      contexts.push(opened.context);
      await opened.page.waitForSelector('[data-testid=graph-stats]');
      await settled(opened.page);
      return opened;
    },
    async shot(page, name) {
      await screenshot(page, name);
    },
  };
}
