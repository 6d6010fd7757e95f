/**
 * Investigation steps the end-to-end tests share: wait until autosave says Saved, create one from the
 * sidebar (its id from the URL), and call the API from inside the page (same origin, no cookies to copy).
 */
import type { Page } from 'playwright-core';
import { settled } from './atlasPage.ts';

/** Waits until the view is settled and autosave has nothing left to do (the bar says Saved). */
export async function saved(page: Page): Promise<void> {
  await settled(page);
  await page.waitForSelector('[data-testid=save-state][data-state=saved]', { timeout: 20_000 });
}

/** Clicks New in the sidebar and answers the new investigation's id once it is saved. */
export async function createInvestigation(page: Page): Promise<string> {
  await page.getByTestId('new-investigation').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('investigation'));
  await saved(page);
  return new URL(page.url()).searchParams.get('investigation')!;
}

/** A request from inside the page (its cookies, same origin): the status and the parsed body. */
export async function pageRequest(
  page: Page,
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([p, m, b]) => {
      const r = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    [path, method, body] as const,
  );
}

/** A JSON request to the app from the page; answers the parsed body whatever the status. */
export async function pageApi<T>(page: Page, path: string, method = 'GET', body?: unknown): Promise<T> {
  return (await pageRequest(page, path, method, body)).body as T;
}
