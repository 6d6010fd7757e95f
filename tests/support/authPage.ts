/**
 * End-to-end steps with sign-in on (issue 10): the real app with `auth: { mode: 'on' }` (createApp's
 * option) on a freshly seeded database, users made through the real service (tests/support/auth.ts
 * createTestUser), one headless Chromium, and in the user's terms: sign in on the screen, open the
 * user menu, open the admin panel. Each `open` is a fresh browser context (its own cookies), so two
 * users are two people at two machines.
 */
import type { Page } from 'playwright-core';
import type { AppOptions } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { settled } from './atlasPage.ts';
import { TEST_PASSWORD } from './auth.ts';
import type { TestPage } from './browser.ts';
import { appInBrowser } from './e2eSuite.ts';
import { pageRequest } from './investigationPage.ts';

export { pageRequest };

export interface AuthE2E {
  url(): string;
  db(): Database;
  /** A fresh browser context at `path`; the page is left as it loads (the sign-in screen, with auth on). */
  open(path?: string, size?: { width: number; height: number }): Promise<TestPage>;
  shot(page: Page, name: string): Promise<void>;
}

/** The suite's app, database and browser; `auth` goes to createApp (default: sign-in on). */
export function authE2eSuite(auth: AppOptions['auth'] = { mode: 'on' }): AuthE2E {
  return appInBrowser({ auth });
}

/**
 * The page's errors but the browser's own line for an answer of `status` (Chromium logs "Failed to
 * load resource: … 401" for GET /api/session before signing in, as designed, and for a refusal a test
 * provokes on purpose).
 */
export function errorsBut(errors: string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s} (`)));
}

/** Fills the sign-in screen and submits it (does not wait for the outcome). */
export async function submitSignIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByTestId('sign-in').waitFor();
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Signs in on the screen and waits for the app behind it, settled. */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await submitSignIn(page, username, password);
  await page.getByTestId('sign-in').waitFor({ state: 'detached' });
  await page.waitForSelector('[data-testid=graph-stats]');
  await settled(page);
}

/** Opens the user menu (top bar, right). */
export async function openUserMenu(page: Page): Promise<void> {
  if ((await page.getByTestId('user-menu-button').getAttribute('aria-expanded')) !== 'true') {
    await page.getByTestId('user-menu-button').click();
  }
  await page.getByTestId('user-menu').waitFor();
}

/** Opens the admin panel from the user menu, on `tab`. */
export async function openAdmin(page: Page, tab: 'users' | 'audit' = 'users'): Promise<void> {
  await openUserMenu(page);
  await page.getByTestId('open-admin').click();
  await page.getByTestId('admin-panel').waitFor();
  if (tab === 'audit') await page.getByTestId('admin-tab-audit').click();
  await page.getByTestId(`admin-${tab}`).waitFor();
}
