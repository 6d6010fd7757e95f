/**
 * The console's editor is fetched when the console first opens, not with the page: a fresh page load
 * in Chromium downloads no script holding CodeMirror (client/src/console/lazyEditor.ts); opening the
 * console downloads it, and the editor then works: a query typed key by key and run with Ctrl+Enter
 * shows the rows the database holds. CodeMirror is recognised by what it is, not by a chunk's file
 * name: its view's code names the class of the editable area, `cm-content`, and nothing else in the
 * client does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import type { Database } from '../../server/db/database.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { settled } from '../support/atlasPage.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { answered, column, editor, openConsole, typeAndRun } from '../support/consolePage.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

/** Written by @codemirror/view for the editable area; in no other script of the client. */
const CODEMIRROR_MARK = 'cm-content';

let db: Database;
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  db = connectTestDatabase();
  app = await startAppServer(db);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

interface Script {
  url: string;
  codemirror: boolean;
}

/** Every script the page downloads from now on, with whether it holds CodeMirror. */
function recordScripts(page: Page): { scripts: () => Promise<Script[]> } {
  const seen: Promise<Script>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push(response.text().then((body) => ({ url: response.url(), codemirror: body.includes(CODEMIRROR_MARK) })));
  });
  return { scripts: () => Promise.all(seen) };
}

describe('the console editor, loaded when the console opens', () => {
  it('is not downloaded by a fresh page load, and is downloaded and works once the console opens', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const record = recordScripts(page);

    await page.goto(app.url);
    await page.waitForSelector('[data-testid=graph-stats]');
    await settled(page);
    await page.waitForLoadState('networkidle');
    const atLoad = await record.scripts();
    // The page's own scripts were seen (so the recording works), and none of them is CodeMirror.
    expect(atLoad.filter((s) => new URL(s.url).origin === app.url).length).toBeGreaterThan(0);
    expect(atLoad.filter((s) => s.codemirror)).toEqual([]);
    expect(await editor(page).count()).toBe(0);

    await openConsole(page);
    const afterOpening = (await record.scripts()).slice(atLoad.length);
    expect(afterOpening.filter((s) => s.codemirror).length).toBe(1);

    const expected = await db.runAdmin(
      'MATCH (f:Faction) WHERE f.name STARTS WITH $start RETURN f.name AS name ORDER BY name',
      { start: 'Jaysh' },
    );
    expect(expected.length).toBeGreaterThan(0);
    await typeAndRun(page, "MATCH (f:Faction) WHERE f.name STARTS WITH 'Jaysh' RETURN f.name AS name ORDER BY name");
    await answered(page);
    await page
      .locator('[data-testid=console-table] tbody tr')
      .nth(expected.length - 1)
      .waitFor();
    expect(await column(page, 0)).toEqual(expected.map((r) => r.name));
    expect(errors).toEqual([]);
    await screenshot(page, 'console-loads-on-open');
    await context.close();
  });
});
