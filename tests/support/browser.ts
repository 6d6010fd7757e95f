/**
 * Real headless Chromium for end-to-end tests: Debian's chromium driven by playwright-core (which
 * gives each launch a fresh profile directory), one page per test at a 1440×900 desktop size, and
 * screenshots saved under tests/e2e/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

/** Headless Chromium; `extraArgs` are added to CHROMIUM_FLAGS (e.g. `--host-resolver-rules=…`). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, ...extraArgs], headless: true });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors seen so far (CSP violations show up here). */
  errors: string[];
}

export async function openPage(browser: Browser, url: string, size = { width: 1440, height: 900 }): Promise<TestPage> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // "Failed to load resource" names no address in its text; its location does, so a failure says which.
    const where = msg.location().url;
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  await page.goto(url);
  return { page, context, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}
