/**
 * The Cypher console in the browser: a query typed into the editor and run with Ctrl+Enter shows its
 * rows in a table (sortable, exported as CSV) and its graph on the canvas; a slow query shows its
 * elapsed time and a Cancel button, and cancelling it ends its transaction in the database; a syntax
 * error says where it is; a named query runs from its menu and form, a wrong value is refused at its
 * field; the session's history brings a query back. Expected rows are read from the database or the
 * API, not written here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hook, settled, stats } from '../support/atlasPage.ts';
import { e2eSuite } from '../support/e2eSuite.ts';
import { connectTestDatabase } from '../support/fixtures.ts';

const suite = e2eSuite();
const db = connectTestDatabase();
afterAll(() => db.close());

const MERGERS = "MATCH (f:Faction {id: 'jaysh-al-nasr'})-[r:MERGED_INTO]-(g) RETURN f, r, g";
const SHAM_LEGION = "MATCH (f:Faction {id: 'sham-legion'}) RETURN f.name AS name, f";
/** Counts to ten billion: far longer than the test waits, so only Cancel can end it. */
const SLOW = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS never';

const editor = (page: Page) => page.locator('[data-testid=console-editor] .cm-content');

async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('console-toggle').click();
  await editor(page).waitFor();
  await expect(page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).resolves.toBe(true);
}

/** Types into the editor key by key, as an analyst would (brackets and quotes close themselves). */
async function typeQuery(page: Page, query: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query, { delay: 5 });
  await page.keyboard.press('Escape'); // close any completion list (and leave the editor)
  await expect(editor(page).textContent()).resolves.toBe(query);
}

async function runFromEditor(page: Page): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+Enter');
}

/** The text of each row's cell in one column, as shown. */
async function column(page: Page, index: number): Promise<string[]> {
  return page
    .locator(`[data-testid=console-table] tbody tr td:nth-child(${index + 1})`)
    .allTextContents()
    .then((t) => t.map((s) => s.trim()));
}

async function consoleTransactions(): Promise<unknown[]> {
  return db.runAdmin(
    "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.type = 'console' RETURN transactionId",
  );
}

async function eventually(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page's errors, less the browser's own note of an HTTP error status the test provoked on purpose. */
const unexpected = (errors: string[], status: number) =>
  errors.filter((e) => !e.includes(`Failed to load resource: the server responded with a status of ${status}`));

const byLocale = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });

describe('the Cypher console', () => {
  it('runs a typed query with Ctrl+Enter: rows in a sortable table, exported as CSV, and the graph on the canvas', async () => {
    const { page, errors } = await suite.open();
    const expected = await db.runAdmin(
      MERGERS.replace('RETURN f, r, g', 'RETURN g.id AS id, g.name AS name, r.id AS rel'),
    );
    expect(expected.map((r) => r.name)).toContain('Falcons of al-Ghab');

    await openConsole(page);
    await typeQuery(page, MERGERS);
    await runFromEditor(page);
    await page
      .locator('[data-testid=console-table] tbody tr')
      .nth(expected.length - 1)
      .waitFor();

    expect(
      await page
        .locator('[data-testid=console-table] thead th')
        .allTextContents()
        .then((t) => t.map((s) => s.trim())),
    ).toEqual(['f', 'r', 'g']);
    const names = await column(page, 2);
    expect(names.map((n) => n.replace(/^Faction\s+/, '')).sort()).toEqual(expected.map((r) => r.name as string).sort());
    expect(await column(page, 1)).toEqual(expected.map(() => expect.stringMatching(/^MERGED_INTO/)));
    await expect(page.getByTestId('console-summary').textContent()).resolves.toMatch(
      new RegExp(`^\\s*${expected.length} rows`),
    );

    // The graph went onto the (empty) canvas: Jaysh al-Nasr, each faction merged with it, each merger,
    // and (a complete view) every other relationship among them, such as their earlier memberships.
    await page.waitForFunction((n) => window.__atlas.nodeIds().length === n, expected.length + 1);
    await settled(page);
    const ids = ['jaysh-al-nasr', ...expected.map((r) => r.id as string)];
    expect((await hook.nodeIds(page)).sort()).toEqual([...ids].sort());
    const among = await db.runAdmin(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS rel',
      {
        ids,
      },
    );
    expect(among.length).toBeGreaterThan(expected.length);
    expect(among.map((r) => r.rel)).toEqual(expect.arrayContaining(expected.map((r) => r.rel)));
    expect((await hook.edgeIds(page)).sort()).toEqual(among.map((r) => r.rel as string).sort());
    expect(await stats(page)).toMatchObject({ nodes: expected.length + 1, edges: among.length });
    await suite.shot(page, 'console-result');

    // Sorting by g: by name, then the other way round.
    await page.locator('[data-testid=console-table] thead th', { hasText: 'g' }).getByRole('button').click();
    const ascending = await column(page, 2);
    expect(ascending).toEqual([...ascending].sort(byLocale));
    await expect(page.locator('[data-testid=console-table] thead th').nth(2).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    await page.locator('[data-testid=console-table] thead th', { hasText: 'g' }).getByRole('button').click();
    expect(await column(page, 2)).toEqual([...ascending].reverse());
    await suite.shot(page, 'console-sorted');

    // CSV: the header row, then the rows in the order shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('console-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^faction-atlas-query-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('f,r,g');
    expect(lines.slice(1, -1).map((l) => l.split(',').at(-1))).toEqual(
      [...ascending].reverse().map((n) => n.replace(/^Faction\s+/, '')),
    );

    // The Graph tab lists what the result holds for the canvas.
    await page.getByTestId('console-tab-graph').click();
    const graph = (await page.getByTestId('console-graph').textContent())!.replace(/\s+/g, ' ');
    expect(graph).toContain(
      `${expected.length + 1} nodes and ${expected.length} relationships in this result, added to the canvas.`,
    );
    for (const r of expected) expect(graph).toContain(r.name as string);
    expect(errors).toEqual([]);
  });

  it('shows the elapsed time and a Cancel button while a slow query runs, and Cancel ends it in the database', async () => {
    const { page, errors } = await suite.open();
    await page.locator('body').press('`'); // the console's shortcut
    await editor(page).waitFor();
    await typeQuery(page, SLOW);
    await runFromEditor(page);

    const elapsed = page.getByTestId('console-elapsed');
    await elapsed.waitFor();
    await eventually('the query to run in the database', async () => (await consoleTransactions()).length === 1);
    const first = (await elapsed.textContent())!;
    expect(first).toMatch(/^\d+\.\d s$/);
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid=console-elapsed]')?.textContent !== t,
      first,
    );
    await expect(page.getByTestId('console-run').isDisabled()).resolves.toBe(true);
    await suite.shot(page, 'console-running');

    await page.getByTestId('console-cancel').click();
    const said = page.getByTestId('console-message');
    await said.waitFor();
    await expect(said.textContent()).resolves.toMatch(
      /^Cancelled: the query was stopped and its transaction terminated on the server\.$/,
    );
    await expect(page.getByTestId('console-cancel').count()).resolves.toBe(0);
    await expect(page.getByTestId('console-run').isDisabled()).resolves.toBe(false);
    expect(await consoleTransactions()).toEqual([]);
    await expect(page.locator('[data-testid=console-history] li').first().textContent()).resolves.toContain(
      'cancelled',
    );
    expect(unexpected(errors, 409)).toEqual([]); // the run's own request answers 409 QUERY_CANCELLED
    await suite.shot(page, 'console-cancelled');
  });

  it('completes labels, relationship types and property keys that the database knows', async () => {
    const { page, errors } = await suite.open();
    const vocabulary = ['db.labels', 'db.relationshipTypes', 'db.propertyKeys'].map((call) =>
      page.waitForResponse(
        (r) => r.url().endsWith('/api/cypher') && (r.request().postData() ?? '').includes(call) && r.ok(),
      ),
    );
    await openConsole(page);
    await Promise.all(vocabulary);
    const offered = page.locator('.cm-tooltip-autocomplete li');
    const accept = async (typed: string, option: string, shot?: string) => {
      await page.keyboard.type(typed, { delay: 5 });
      await offered
        .filter({ hasText: new RegExp(`^${option}`) })
        .first()
        .waitFor();
      await expect(page.locator('.cm-tooltip-autocomplete li[aria-selected=true]').textContent()).resolves.toMatch(
        new RegExp(`^${option}`),
      );
      if (shot) await suite.shot(page, shot);
      // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list opens or changes, so that
      // a key meant for the editor does not pick an option the analyst never saw: wait past it, as a person does.
      await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
    };
    await editor(page).click();
    await accept('MATCH (f:Fac', 'Faction');
    await accept(')-[r:MERG', 'MERGED_INTO', 'console-completion');
    await accept(']->(g) RETURN g.fou', 'founded');
    await expect(editor(page).textContent()).resolves.toBe('MATCH (f:Faction)-[r:MERGED_INTO]->(g) RETURN g.founded');
    expect(errors).toEqual([]);
  });

  it('says where a syntax error is, and the parameters must be JSON before anything is sent', async () => {
    const { page } = await suite.open();
    await openConsole(page);
    await typeQuery(page, 'MATCH (f:Faction) RETRUN f');
    await runFromEditor(page);
    const error = page.getByTestId('console-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('SYNTAX_ERROR');
    await expect(page.getByTestId('console-error-position').textContent()).resolves.toBe('line 1, column 19');

    await typeQuery(page, 'MATCH (f:Faction {id: $id}) RETURN f.name AS name');
    await page.getByTestId('console-params').fill('{"id": jaysh}');
    await page.getByTestId('console-run').click();
    await expect(page.getByTestId('console-message').textContent()).resolves.toMatch(/^Parameters are not valid JSON/);

    await page.getByTestId('console-params').fill('{"id": "jaysh-al-nasr"}');
    await page.getByTestId('console-run').click();
    await page.locator('[data-testid=console-table] tbody tr').first().waitFor();
    expect(await column(page, 0)).toEqual(['Jaysh al-Nasr']);
    await suite.shot(page, 'console-params');
  });

  it('runs a named query from its menu and form, refusing a wrong value at its field, and replaces the canvas if asked', async () => {
    const { page, errors } = await suite.open();
    await openConsole(page);
    await typeQuery(page, SHAM_LEGION);
    await runFromEditor(page);
    await page.waitForFunction(() => window.__atlas.nodeIds().includes('sham-legion'));
    await settled(page);

    await page.getByTestId('named-query-menu').selectOption('mergerLineage');
    const depth = page.getByTestId('named-query-param-depth').locator('input');
    await expect(page.getByTestId('named-query-param-faction').locator('input').inputValue()).resolves.toBe(
      'jaysh-al-nasr',
    );
    await expect(depth.inputValue()).resolves.toBe('3');

    await depth.fill('9');
    await page.getByTestId('named-query-run').click();
    const refused = page.getByTestId('named-query-error-depth');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toMatch(/5/);
    await expect(page.getByTestId('console-error').textContent()).resolves.toContain('params.depth');
    await suite.shot(page, 'console-named-refused');

    await depth.fill('1');
    await page.getByTestId('console-replace').check();
    const answer = (await (
      await fetch(`${suite.url()}/api/queries/mergerLineage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params: { depth: 1 } }),
      })
    ).json()) as { rows: unknown[]; graph: { nodes: { data: { id: string } }[] } };
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.graph.nodes.map((n) => n.data.id)).not.toContain('sham-legion'); // so replacing shows

    await page.getByTestId('named-query-run').click();
    await expect(page.getByTestId('named-query-error-depth').count()).resolves.toBe(0);
    await page
      .locator('[data-testid=console-table] tbody tr')
      .nth(answer.rows.length - 1)
      .waitFor();
    await expect(page.locator('[data-testid=console-table] tbody tr').count()).resolves.toBe(answer.rows.length);
    const wanted = answer.graph.nodes.map((n) => n.data.id).sort();
    await page.waitForFunction(
      (ids) => JSON.stringify(window.__atlas.nodeIds().sort()) === JSON.stringify(ids),
      wanted,
    );
    await settled(page);
    await suite.shot(page, 'console-named');

    // The history has both runs, newest first; choosing the older one puts it back in the editor.
    const history = page.locator('[data-testid=console-history] li');
    await expect(history.count()).resolves.toBe(3);
    await history.nth(2).getByRole('button').click();
    await expect(editor(page).textContent()).resolves.toBe(SHAM_LEGION);
    expect(unexpected(errors, 400)).toEqual([]); // the refused depth
  });
});
